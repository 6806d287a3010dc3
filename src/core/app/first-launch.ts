import type { ConnectionManager } from '../auth';
import { type MirrorDatabase, mirroredAccountId, readSyncState, SYNC_STATE_KEYS } from '../db';
import type { Logger } from '../log';

/** `--no-demo` or KOMMO_MIRROR_NO_DEMO=1 (for `npm start`, whose arguments Electron never sees) opt out. */
export function demoOnFirstLaunchWanted(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  return !argv.includes('--no-demo') && !['1', 'true', 'yes'].includes((env.KOMMO_MIRROR_NO_DEMO ?? '').trim().toLowerCase());
}

/**
 * A newcomer's launch: no sign-in saved or given (KOMMO_TOKEN), no "Sign in with Kommo"
 * configured, and a mirror that is empty or holds only an earlier demo. Then the app opens on
 * the demo account instead of an empty screen; connecting a real account replaces it. A mirror of
 * a real account is never touched: its owner sees the connect screen and can browse it offline.
 */
export async function connectDemoOnFirstLaunch(connection: ConnectionManager, mirror: MirrorDatabase, log: Logger): Promise<boolean> {
  await connection.ready;
  const state = connection.state();
  if (state.status !== 'disconnected' || state.account !== null || connection.canSignInWithOAuth()) return false;
  const holdsRealAccount =
    (await mirroredAccountId(mirror.store)) !== null && (await readSyncState<boolean>(mirror.store, SYNC_STATE_KEYS.holdsDemo)) !== true;
  if (holdsRealAccount) return false;
  try {
    await connection.connectDemo();
    log.info('No Kommo account is configured: opened the demo account');
    return true;
  } catch (error) {
    // The connect screen still offers the demo and every other way in.
    log.warn('Could not open the demo account', error);
    return false;
  }
}
