import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { ROOT } from '../fixtures/web-preview';
import { electronSkipReason, findElectronBinary } from './electron-binary';

const skipReason = electronSkipReason(ROOT);
if (skipReason) console.log(`[electron] skipped: ${skipReason}`);

test.describe('Electron app', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  test('launches a sandboxed window that shows the database information', async () => {
    const binary = findElectronBinary(ROOT);
    if (!('path' in binary)) throw new Error('unreachable');
    const dir = mkdtempSync(join(tmpdir(), 'kommo-mirror-electron-'));
    const databasePath = join(dir, 'mirror.sqlite');
    const app = await electron.launch({ executablePath: binary.path, args: [ROOT, `--db=${databasePath}`], cwd: ROOT });
    try {
      const window = await app.firstWindow();
      await expect(window.getByTestId('database-path')).toHaveText(databasePath);
      // No Node in the page, and no raw IPC: only the contract's functions.
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await window.evaluate(() => Object.keys((globalThis as unknown as { kommoMirror: object }).kommoMirror).sort())).toEqual(['on', 'requests']);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
