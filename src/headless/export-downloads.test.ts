import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../core/log';
import { EXPORT_DOWNLOAD_PATH, exportDownloads, type ExportDownloads } from './export-downloads';

const opened: Array<{ downloads: ExportDownloads; close(): Promise<void> }> = [];
afterEach(async () => {
  for (const { downloads, close } of opened.splice(0)) {
    await close();
    await downloads.close();
  }
});

/** The route on a bare HTTP server, as the web preview mounts it. */
async function serve() {
  const downloads = await exportDownloads(silentLogger);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    void downloads.route(request, response, url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  opened.push({ downloads, close: () => new Promise((resolve) => server.close(() => resolve())) });
  return { downloads, base };
}

describe('the web preview’s export downloads', () => {
  it('serves a finished export once, as an attachment under its name, then removes it', async () => {
    const { downloads, base } = await serve();
    const target = (await downloads.target('Negociaciones_2026-12-03_1005.csv', 'csv'))!;
    expect(target.download).toMatch(new RegExp(`^${EXPORT_DOWNLOAD_PATH}\\?id=[\\w-]{32}$`, 'u'));
    // Not written yet: nothing to fetch.
    expect((await fetch(base + target.download)).status).toBe(404);
    writeFileSync(target.path, '\uFEFFNombre\r\nAna\r\n');

    const response = await fetch(base + target.download);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Negociaciones_2026-12-03_1005.csv"; filename*=UTF-8''Negociaciones_2026-12-03_1005.csv`,
    );
    expect(Buffer.from(await response.arrayBuffer()).toString('utf8')).toBe('\uFEFFNombre\r\nAna\r\n');
    await expect.poll(() => existsSync(target.path)).toBe(false);
    expect((await fetch(base + target.download)).status).toBe(404);
  });

  it('knows no file by a guessed id, and answers only GET', async () => {
    const { downloads, base } = await serve();
    const target = (await downloads.target('x.xlsx', 'xlsx'))!;
    writeFileSync(target.path, 'zip');
    expect((await fetch(`${base}${EXPORT_DOWNLOAD_PATH}?id=${'A'.repeat(32)}`)).status).toBe(404);
    expect((await fetch(`${base}${EXPORT_DOWNLOAD_PATH}?id=../../etc/passwd`)).status).toBe(404);
    expect((await fetch(base + target.download, { method: 'POST' })).status).toBe(405);
    expect(existsSync(target.path)).toBe(true);
  });
});
