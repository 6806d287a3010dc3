#!/usr/bin/env node
/**
 * Draws the app and tray icons into resources/: SVG sources, PNGs at the sizes each platform
 * uses, a Windows .ico and a macOS .icns (both as PNG-in-container, which Windows Vista+ and
 * macOS 10.7+ read). Renders with Debian's Chromium through playwright-core, so it needs no
 * image library. Run it after changing a drawing: `npm run icons`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'resources');
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The app icon: a K and its reflection in a mirror line, on a blue-to-teal tile. */
const appIcon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024">
  <defs>
    <linearGradient id="tile" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#2563EB"/>
      <stop offset="1" stop-color="#0D9488"/>
    </linearGradient>
    <linearGradient id="fade" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#fff" stop-opacity="0.45"/>
      <stop offset="1" stop-color="#fff" stop-opacity="0"/>
    </linearGradient>
  </defs>
  <rect x="64" y="64" width="896" height="896" rx="200" fill="url(#tile)"/>
  <path d="M392 200v400M664 200L392 400l272 200" fill="none" stroke="#fff" stroke-width="96" stroke-linecap="round" stroke-linejoin="round"/>
  <rect x="232" y="652" width="560" height="20" rx="10" fill="#fff" opacity="0.8"/>
  <path d="M392 880V720M664 880L392 800l272-80" fill="none" stroke="url(#fade)" stroke-width="64" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

/** Tray badges: what each sync state adds in the corner of the small K tile. */
const badges = {
  ok: {
    color: '#16A34A',
    glyph: '<path d="M22 25.2l2.2 2.2 4-4.4" fill="none" stroke="#fff" stroke-width="1.9" stroke-linecap="round" stroke-linejoin="round"/>',
  },
  syncing: {
    color: '#0284C7',
    glyph:
      '<path d="M21.8 24.2a3.4 3.4 0 0 1 6.1-1.2M28.2 26.8a3.4 3.4 0 0 1-6.1 1.2" fill="none" stroke="#fff" stroke-width="1.6" stroke-linecap="round"/>',
  },
  offline: { color: '#64748B', glyph: '<path d="M22.4 25.5h5.2" stroke="#fff" stroke-width="2" stroke-linecap="round"/>' },
  attention: {
    color: '#D97706',
    glyph: '<path d="M25 22v3.6" stroke="#fff" stroke-width="2" stroke-linecap="round"/><circle cx="25" cy="28.3" r="1.1" fill="#fff"/>',
  },
};

const trayIcon = (kind) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
  <rect x="1" y="1" width="26" height="26" rx="6" fill="#1E40AF"/>
  <path d="M9 6.5v15M19 6.5l-10 7.5 10 7.5" fill="none" stroke="#fff" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/>
  <circle cx="25" cy="25" r="7" fill="#fff"/>
  <circle cx="25" cy="25" r="5.8" fill="${badges[kind].color}"/>
  ${badges[kind].glyph}
</svg>`;

const APP_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// icns entry types holding PNG data, by pixel size (ic11-ic14 are the @2x variants).
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const render = async (svg, size) => {
      await page.setViewportSize({ width: size, height: size });
      const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
      return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    };

    mkdirSync(join(OUT, 'icons'), { recursive: true });
    mkdirSync(join(OUT, 'tray'), { recursive: true });
    writeFileSync(join(OUT, 'icon.svg'), `${appIcon}\n`);
    const app = new Map();
    for (const size of APP_SIZES) {
      const png = await render(appIcon, size);
      app.set(size, png);
      writeFileSync(join(OUT, 'icons', `${size}x${size}.png`), png);
    }
    writeFileSync(join(OUT, 'icon.png'), app.get(1024));
    writeFileSync(join(OUT, 'icon.ico'), ico(ICO_SIZES.map((size) => [size, app.get(size)])));
    writeFileSync(join(OUT, 'icon.icns'), icns(ICNS_TYPES.map(([type, size]) => [type, app.get(size)])));

    for (const kind of Object.keys(badges)) {
      writeFileSync(join(OUT, 'tray', `tray-${kind}.svg`), `${trayIcon(kind)}\n`);
      writeFileSync(join(OUT, 'tray', `tray-${kind}.png`), await render(trayIcon(kind), 16));
      writeFileSync(join(OUT, 'tray', `tray-${kind}@2x.png`), await render(trayIcon(kind), 32));
    }
    console.log(`Icons written to ${OUT}`);
  } finally {
    await browser.close();
  }
}

/** A .ico whose entries are PNGs (a 0 in the size byte means 256). */
function ico(entries) {
  const header = Buffer.alloc(6 + 16 * entries.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(entries.length, 4);
  let offset = header.length;
  entries.forEach(([size, png], i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2);
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...entries.map(([, png]) => png)]);
}

/** An .icns: 'icns' + total length, then type + length + PNG per entry (big-endian). */
function icns(entries) {
  const parts = entries.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

main().catch((error) => {
  console.error(`Could not render the icons: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
