/**
 * The write side of the mirror, for the sync engine (its only writer), over the storage port
 * (`SqlSession`), so the same code runs on SQLite and PostgreSQL. Given the store, each function is
 * atomic on its own; run a page and its cursor together with
 * `await mirror.store.transaction(async (tx) => { ... })`, passing `tx`.
 */
export { upsertAccount } from './account';
export {
  deleteActivity,
  pruneActivityTombstones,
  upsertNotes,
  upsertTasks,
  type ActivityKind,
  type ActivityUpsertResult,
} from './activity';
export { pruneChangeLog, readChanges, recordChanges, type ChangeSet } from './change-log';
export { upsertCompanies } from './companies';
export { upsertContacts } from './contacts';
export { upsertCustomFields } from './custom-fields';
export { countRecords, deleteRecords, planSweep, pruneTombstones, restoreRecords, type SweepPlan } from './deletions';
export { upsertLeads } from './leads';
export { upsertLossReasons } from './loss-reasons';
export { clearMirror, eraseMirror, mirroredAccountId } from './mirror-reset';
export { replacePipelines } from './pipelines';
export { clearSetAside, countSetAside, listSetAside, setAside, type SetAsideEntry } from './set-aside';
export { clearCursors, readCursor, readSyncState, SYNC_STATE_KEYS, writeCursor, writeSyncState } from './sync-state';
export { upsertTagList } from './tags';
export type { ContactUpsertResult, LeadUpsertResult, UpsertResult } from './types';
export { upsertUsers } from './users';
