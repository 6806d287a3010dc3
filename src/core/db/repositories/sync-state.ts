import type { MirrorDatabase } from '../open';
import { statement } from '../statements';

/**
 * Cursors and other sync state, as JSON the sync engine owns. Write them inside the same
 * `mirror.transaction` as the page they describe, so a kill keeps both or neither. `now` is the
 * host clock in epoch ms (injected, so tests control it).
 */

export function readCursor<T>(mirror: MirrorDatabase, stream: string): T | null {
  const value = statement(mirror.sqlite, 'SELECT value FROM sync_cursors WHERE stream = ?').pluck().get(stream);
  return typeof value === 'string' ? (JSON.parse(value) as T) : null;
}

export function writeCursor(mirror: MirrorDatabase, stream: string, value: unknown, now: number): void {
  statement(
    mirror.sqlite,
    `INSERT INTO sync_cursors (stream, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (stream) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(stream, JSON.stringify(value), now);
}

export function clearCursors(mirror: MirrorDatabase): void {
  statement(mirror.sqlite, 'DELETE FROM sync_cursors').run();
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

export function readSyncState<T>(mirror: MirrorDatabase, key: string): T | null {
  const value = statement(mirror.sqlite, 'SELECT value FROM sync_state WHERE key = ?').pluck().get(key);
  return typeof value === 'string' ? (JSON.parse(value) as T) : null;
}

/** Stores `value` under `key`; `null` removes it. */
export function writeSyncState(mirror: MirrorDatabase, key: string, value: unknown, now: number): void {
  if (value === null) {
    statement(mirror.sqlite, 'DELETE FROM sync_state WHERE key = ?').run(key);
    return;
  }
  statement(
    mirror.sqlite,
    `INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, JSON.stringify(value), now);
}
