import type { SqlSession } from '../sql/session';

/**
 * Cursors and other sync state, as JSON the sync engine owns. Write them in the same transaction
 * as the page they describe, so a kill keeps both or neither. `now` is the host clock in epoch ms
 * (injected, so tests control it).
 */

export async function readCursor<T>(session: SqlSession, stream: string): Promise<T | null> {
  const row = await session.get<{ value: string }>('SELECT value FROM sync_cursors WHERE stream = ?', [stream]);
  return row === undefined ? null : (JSON.parse(row.value) as T);
}

export async function writeCursor(session: SqlSession, stream: string, value: unknown, now: number): Promise<void> {
  await session.run(
    `INSERT INTO sync_cursors (stream, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (stream) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    [stream, JSON.stringify(value), now],
  );
}

export async function clearCursors(session: SqlSession): Promise<void> {
  await session.run('DELETE FROM sync_cursors');
}

/** Well-known state keys; the engine may add its own. */
export const SYNC_STATE_KEYS = {
  progress: 'progress',
  lastSuccessfulSyncAt: 'last_successful_sync_at',
  initialSyncComplete: 'initial_sync_complete',
  metadataRefreshedAt: 'metadata_refreshed_at',
  /** The mirror holds the demo account (sample data a real sign-in may replace). */
  holdsDemo: 'holds_demo',
} as const;

export async function readSyncState<T>(session: SqlSession, key: string): Promise<T | null> {
  const row = await session.get<{ value: string }>('SELECT value FROM sync_state WHERE key = ?', [key]);
  return row === undefined ? null : (JSON.parse(row.value) as T);
}

/** Stores `value` under `key`; `null` removes it. */
export async function writeSyncState(session: SqlSession, key: string, value: unknown, now: number): Promise<void> {
  if (value === null) {
    await session.run('DELETE FROM sync_state WHERE key = ?', [key]);
    return;
  }
  await session.run(
    `INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    [key, JSON.stringify(value), now],
  );
}
