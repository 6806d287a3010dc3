import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { ROOT } from '../fixtures/web-preview';
import { findElectronBinary } from './electron-binary';

export interface LaunchedApp {
  app: ElectronApplication;
  page: Page;
  databasePath: string;
  close(): Promise<void>;
}

/**
 * Launches the built app (`out/`) with a fresh database and app-data folder of its own, so the
 * single-instance lock and the stored credentials of one launch never meet another's.
 */
export async function launchApp(env: Record<string, string> = {}): Promise<LaunchedApp> {
  const binary = findElectronBinary(ROOT);
  if (!('path' in binary)) throw new Error(binary.missing);
  const dir = mkdtempSync(join(tmpdir(), 'kommo-mirror-electron-'));
  const databasePath = join(dir, 'mirror.sqlite');
  const app = await electron.launch({
    executablePath: binary.path,
    // The connect screen, not the demo a newcomer's first launch opens.
    args: [ROOT, `--db=${databasePath}`, '--no-demo'],
    cwd: ROOT,
    env: { ...process.env, KOMMO_MIRROR_USER_DATA: join(dir, 'profile'), ...env },
  });
  const page = await app.firstWindow();
  return {
    app,
    page,
    databasePath,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Calls one of the contract's requests as the page would, through the preload's API. */
export function request(page: Page, name: string, args: unknown): Promise<unknown> {
  return page.evaluate(
    ([name, args]) =>
      (globalThis as unknown as { kommoMirror: { requests: Record<string, (a: unknown) => Promise<unknown>> } }).kommoMirror.requests[
        name as string
      ]!(args),
    [name, args] as const,
  );
}
