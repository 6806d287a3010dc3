import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ChooseExportTarget } from '../core/app/export/export-job';
import type { Logger } from '../core/log';
import type { ExtraRoute } from './web-server';

export const EXPORT_DOWNLOAD_PATH = '/export/download';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export interface ExportDownloads {
  /** The core's export destination: a file in a private folder, fetched once by its unguessable address. */
  target: ChooseExportTarget;
  route: ExtraRoute;
  /** Removes the folder and whatever was not downloaded. */
  close(): Promise<void>;
}

/**
 * The web preview's exports. A browser page cannot pick a path, so the core writes into a private
 * temporary folder (mode 0700: the file holds the account's customers) and the page downloads the
 * finished file from this host. The address carries a random id that only the page that asked
 * learns (in `export_progress`); the file is removed once served.
 */
export async function exportDownloads(log: Logger): Promise<ExportDownloads> {
  const folder = await mkdtemp(join(tmpdir(), 'kommo-mirror-exports-'));
  const files = new Map<string, { path: string; fileName: string; format: keyof typeof CONTENT_TYPES }>();
  return {
    target: async (fileName, format) => {
      const id = randomBytes(24).toString('base64url');
      const path = join(folder, `${id}.${format}`);
      files.set(id, { path, fileName, format });
      return { path, download: `${EXPORT_DOWNLOAD_PATH}?id=${id}` };
    },
    route: async (request, response, url) => {
      if (request.method !== 'GET') {
        response.writeHead(405, { allow: 'GET' }).end();
        return;
      }
      const id = url.searchParams.get('id') ?? '';
      const file = files.get(id);
      const size = file
        ? await stat(file.path).then(
            (s) => s.size,
            () => null,
          )
        : null;
      if (!file || size === null) {
        response
          .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
          .end('No such export (it may have been downloaded already).');
        return;
      }
      files.delete(id);
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[file.format],
        'content-length': size,
        'content-disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|["\\]/gu, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      await pipeline(createReadStream(file.path), response).catch((error: unknown) => log.warn('An export download broke off', error));
      await rm(file.path, { force: true });
    },
    close: () => rm(folder, { recursive: true, force: true }),
  };
}
