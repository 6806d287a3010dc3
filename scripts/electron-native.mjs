#!/usr/bin/env node
/**
 * Builds better-sqlite3 for Electron's ABI into native/electron/, leaving node_modules alone.
 *
 * `npm ci` compiles better-sqlite3 for Node, which the tests and the web preview use; that binary
 * will not load inside Electron (another NODE_MODULE_VERSION), and rebuilding it in place for
 * Electron (electron-rebuild, electron-builder's npmRebuild) would break Node instead. So this
 * script compiles a copy of the package against Electron's headers and keeps only the result,
 * native/electron/better_sqlite3.node, which the Electron host passes to better-sqlite3 as
 * `nativeBinding` (src/main/native-binding.ts). A stamp records what it was built for, so it
 * rebuilds only when Electron, better-sqlite3, the platform or the architecture changed.
 *
 *   node scripts/electron-native.mjs            build if missing or stale (npm start runs this)
 *   node scripts/electron-native.mjs --force    build even if up to date
 *
 * Environment:
 *   ELECTRON_HEADERS_DIR   Electron's headers already on disk (node-gyp --nodedir); no download
 *   ELECTRON_HEADERS_URL   where to download them (default https://electronjs.org/headers)
 *   ELECTRON_GYP_DEVDIR    node-gyp's header cache (default: node-gyp's own)
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(process.env.KOMMO_MIRROR_ROOT ?? join(import.meta.dirname, '..'));
const OUT_DIR = join(ROOT, 'native', 'electron');
const BINARY = join(OUT_DIR, 'better_sqlite3.node');
const STAMP = join(OUT_DIR, 'stamp.json');
const BUILD_DIR = join(ROOT, 'native', '.build', 'better-sqlite3');
const HEADERS_URL = process.env.ELECTRON_HEADERS_URL ?? 'https://electronjs.org/headers';

// npm passes its config to child processes as npm_config_* variables, and node-gyp reads them:
// a `nodedir` (set on this project's machines) would silently build against Node's headers, and
// a stray target/runtime/disturl would pick the wrong ABI. The flags below say it all instead.
const NODE_GYP_CONFIG = /^npm_config_(nodedir|target|target_arch|runtime|disturl|dist_url|arch|devdir|build_from_source)$/i;

function readVersion(packageName) {
  const file = join(ROOT, 'node_modules', packageName, 'package.json');
  if (!existsSync(file)) fail(`${packageName} is not installed (${file} is missing). Run \`npm ci\` first.`);
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

function fail(message, exitCode = 1) {
  console.error(`\n[native] ${message}\n`);
  process.exit(exitCode);
}

function wanted() {
  return {
    electron: readVersion('electron'),
    betterSqlite3: readVersion('better-sqlite3'),
    platform: process.platform,
    arch: process.arch,
  };
}

function isUpToDate(target) {
  if (!existsSync(BINARY) || !existsSync(STAMP)) return false;
  try {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
    return Object.entries(target).every(([key, value]) => stamp[key] === value);
  } catch {
    return false;
  }
}

function nodeGypScript() {
  const require = createRequire(import.meta.url);
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    // npm bundles node-gyp; use that one when the project does not have its own.
    const bundled = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    if (existsSync(bundled)) return bundled;
    return fail('node-gyp was not found (neither in node_modules nor bundled with npm).');
  }
}

/** A fresh copy of the sources node-gyp needs; node_modules/better-sqlite3 is never touched. */
function copySources() {
  const source = join(ROOT, 'node_modules', 'better-sqlite3');
  rmSync(BUILD_DIR, { recursive: true, force: true });
  mkdirSync(BUILD_DIR, { recursive: true });
  for (const entry of ['package.json', 'binding.gyp', 'src', 'deps']) {
    if (existsSync(join(source, entry))) cpSync(join(source, entry), join(BUILD_DIR, entry), { recursive: true });
  }
}

function runNodeGyp(target) {
  const args = [
    nodeGypScript(),
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${target.electron}`,
    `--arch=${target.arch}`,
    `--dist-url=${HEADERS_URL}`,
  ];
  if (process.env.ELECTRON_HEADERS_DIR) args.push(`--nodedir=${resolve(process.env.ELECTRON_HEADERS_DIR)}`);
  if (process.env.ELECTRON_GYP_DEVDIR) args.push(`--devdir=${resolve(process.env.ELECTRON_GYP_DEVDIR)}`);
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !NODE_GYP_CONFIG.test(key)));
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: BUILD_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const relay = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', relay(process.stdout));
    child.stderr.on('data', relay(process.stderr));
    child.on('error', (error) => done({ code: 1, output: `${output}\n${error.message}` }));
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

/** Why node-gyp failed, said for people: almost always the headers download. */
function explain(output, target) {
  const headers = `Electron ${target.electron}'s headers`;
  if (
    /(network connectivity|behind a proxy|install got an error|ENOTFOUND|ECONNREFUSED|ECONNRESET|EAI_AGAIN|ETIMEDOUT|getaddrinfo|self.signed|certificate|\b40[34]\b|download|tarball|fetch failed)/i.test(
      output,
    )
  ) {
    return [
      `Could not build better-sqlite3 for Electron: node-gyp could not download ${headers}`,
      `from ${HEADERS_URL}. This machine cannot reach it (machines without access to the internet`,
      'cannot run Electron either: use `npm run web` there).',
      'On a desktop machine with internet access, run `npm run native:electron` (npm start runs it',
      'for you). If you have the headers already, point ELECTRON_HEADERS_DIR at them.',
    ].join('\n         ');
  }
  return [
    'Could not build better-sqlite3 for Electron: the compiler failed (output above).',
    'It needs Python 3, make and a C++ compiler (Visual Studio Build Tools on Windows, Xcode',
    'command-line tools on macOS). Fix that, then run `npm run native:electron` again.',
  ].join('\n         ');
}

async function main() {
  const force = process.argv.includes('--force');
  const target = wanted();
  if (!force && isUpToDate(target)) {
    console.log(
      `[native] better-sqlite3 ${target.betterSqlite3} for Electron ${target.electron} (${target.platform}-${target.arch}) is up to date.`,
    );
    return;
  }
  console.log(
    `[native] Building better-sqlite3 ${target.betterSqlite3} for Electron ${target.electron} (${target.platform}-${target.arch}); about a minute.`,
  );
  copySources();
  const { code, output } = await runNodeGyp(target);
  const built = join(BUILD_DIR, 'build', 'Release', 'better_sqlite3.node');
  if (code !== 0 || !existsSync(built)) fail(explain(output, target));
  mkdirSync(OUT_DIR, { recursive: true });
  copyFileSync(built, BINARY);
  // The stamp goes last: an interrupted build is never taken for a finished one.
  writeFileSync(STAMP, `${JSON.stringify({ ...target, builtAt: new Date().toISOString() }, null, 2)}\n`);
  rmSync(BUILD_DIR, { recursive: true, force: true });
  console.log(`[native] Built ${BINARY}`);
}

await main();
