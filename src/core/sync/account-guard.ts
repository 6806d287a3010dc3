import { clearMirror, mirroredAccountId, type SqlStore } from '../db';
import type { Logger } from '../log';

/**
 * One account per mirror: before syncing `accountId` into a mirror that holds another account
 * (a rep who tried the demo and then connects their own; a command-line sync pointed at the
 * app's database with another token), the mirror is emptied, so two accounts' records never mix.
 * Call it while no engine writes to the mirror. Returns true when the mirror was emptied.
 */
export async function claimMirrorFor(mirror: { readonly store: SqlStore }, accountId: number | null, log: Logger): Promise<boolean> {
  const held = await mirroredAccountId(mirror.store);
  if (held === null || accountId === null || held === accountId) return false;
  await clearMirror(mirror.store);
  log.info('The mirror held another Kommo account: it was emptied for the one being synced', { previous: held, now: accountId });
  return true;
}
