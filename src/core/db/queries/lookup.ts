import type { StageRef } from '../../../common/model/changes';
import type { MirrorDatabase } from '../open';
import { statement } from '../statements';

/**
 * Synchronous lookups for code that reacts to a committed batch (the notification policy's
 * NotificationLookup): a lead's name and owner, a stage's name, who the signed-in user is.
 */
export function leadFacts(mirror: MirrorDatabase, leadId: number): { name: string; responsibleUserId: number | null } | null {
  const row = statement(mirror.sqlite, 'SELECT name, responsible_user_id FROM leads WHERE id = ?').get(leadId) as
    { name: string; responsible_user_id: number } | undefined;
  return row ? { name: row.name, responsibleUserId: row.responsible_user_id } : null;
}

export function stageName(mirror: MirrorDatabase, stage: StageRef): string | null {
  const name = statement(mirror.sqlite, 'SELECT name FROM statuses WHERE pipeline_id = ? AND id = ?')
    .pluck()
    .get(stage.pipelineId, stage.statusId);
  return typeof name === 'string' ? name : null;
}

/** The Kommo user the mirror's account was last read as (`current_user_id` of /api/v4/account), or null. */
export function accountCurrentUserId(mirror: MirrorDatabase): number | null {
  const id = statement(mirror.sqlite, 'SELECT current_user_id FROM account').pluck().get();
  return typeof id === 'number' ? id : null;
}

/** Rows in a table, read synchronously (the command line reports them the moment a cycle ends). */
export function recordCountNow(mirror: MirrorDatabase, entity: 'leads' | 'contacts'): number {
  return statement(mirror.sqlite, `SELECT count(*) FROM ${entity}`).pluck().get() as number;
}

/**
 * A sync state value (see repositories/sync-state.ts), read synchronously for a status shown at
 * once; the engine itself reads and writes it through the storage port.
 */
export function syncStateNow<T>(mirror: MirrorDatabase, key: string): T | null {
  const value = statement(mirror.sqlite, 'SELECT value FROM sync_state WHERE key = ?').pluck().get(key);
  return typeof value === 'string' ? (JSON.parse(value) as T) : null;
}

/**
 * Refreshes the query planner's statistics. Call after the first download and now and then
 * (cheap when little changed): with them SQLite picks the filter's index over the sort's when the
 * filter is selective.
 */
export function optimizeMirror(mirror: MirrorDatabase): void {
  mirror.sqlite.pragma('optimize');
}
