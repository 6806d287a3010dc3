/**
 * `npm run sync` exactly as the README documents it, through a shell and the real npm: npm echoes
 * the script's command line to stdout, so the token must never be on it.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSimulators } from '../../test/helpers/kommo-sim';
import { useTempDir } from '../../test/helpers/temp-dir';
import { TOKEN_FLAG_WARNING } from './sync-settings';

const ROOT = resolve(__dirname, '../..');
const startSim = useSimulators();
const tempDir = useTempDir('kommo-sync-npm-');

/** The README's example of the sync command (the one in backquotes that runs npm run sync with KOMMO_TOKEN). */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const example = /`(KOMMO_TOKEN="\$\(cat [^`]+\)" npm run sync -- [^`]+)`/.exec(readme)?.[1];
  if (!example) throw new Error('The README has no `KOMMO_TOKEN="$(cat …)" npm run sync -- …` example');
  return example;
}

function shell(command: string): Promise<{ code: number | null; output: string }> {
  // The user's environment: no KOMMO_* setting and no npm configuration of the test runner.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('KOMMO_') && !name.toLowerCase().startsWith('npm_')),
  );
  // npm's update check may wait on the network; it has nothing to do with what is printed.
  env.npm_config_update_notifier = 'false';
  const child = spawn('sh', ['-c', command], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // A hung run fails with its output instead of the test's bare timeout.
  const timer = setTimeout(() => child.kill(), 40_000);
  return new Promise((done) =>
    child.once('close', (code) => {
      clearTimeout(timer);
      done({ code, output });
    }),
  );
}

describe('npm run sync as the README shows it', () => {
  it('never prints the token, neither from npm nor from the command', async () => {
    const sim = await startSim({ seed: 3, leads: 30, contacts: 20 });
    const dir = tempDir();
    const token = sim.account().longLivedToken;
    writeFileSync(join(dir, 'token.txt'), token);
    const example = readmeExample();
    expect(example).toContain('--base-url https://acme.kommo.com');
    const command = example
      .replace('kommo-token.txt', join(dir, 'token.txt'))
      .replace('https://acme.kommo.com', sim.account().apiBaseUrl)
      .replace('/srv/mirror.sqlite', join(dir, 'mirror.sqlite'));
    const result = await shell(command);
    expect(result.code, result.output).toBe(0);
    // It really went through npm, which echoed its command line.
    expect(result.output).toContain('> kommo-mirror@0.1.0 sync');
    expect(result.output).toMatch(/30 leads, 20 contacts/);
    expect(result.output).not.toContain(token);
    expect(result.output).not.toContain(token.slice(-24));
  }, 60_000);

  it('warns when the token comes with --token, which npm has just echoed', async () => {
    const sim = await startSim({ seed: 3, leads: 5, contacts: 5 });
    const token = sim.account().longLivedToken;
    const result = await shell(
      `npm run sync -- --once --base-url ${sim.account().apiBaseUrl} --db ${join(tempDir(), 'mirror.sqlite')} --token ${token}`,
    );
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain(TOKEN_FLAG_WARNING);
  }, 60_000);
});
