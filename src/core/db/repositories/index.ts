/**
 * The write side of the mirror, for the sync engine (its only writer). Every function is atomic on
 * its own; run a page and its cursor together with `mirror.transaction(() => { ... })`.
 */
export { upsertAccount } from './account';
export { pruneChangeLog, readChanges, recordChanges, type ChangeSet } from './change-log';
export { upsertCompanies } from './companies';
export { upsertContacts } from './contacts';
export { upsertCustomFields } from './custom-fields';
export { countRecords, deleteRecords, planSweep, pruneTombstones, restoreRecords, type SweepPlan } from './deletions';
export { upsertLeads } from './leads';
export { clearMirror, eraseMirror, mirroredAccountId } from './mirror-reset';
export { replacePipelines } from './pipelines';
export { clearSetAside, countSetAside, listSetAside, setAside, type SetAsideEntry } from './set-aside';
export { clearCursors, readCursor, readSyncState, SYNC_STATE_KEYS, writeCursor, writeSyncState } from './sync-state';
export { upsertTagList } from './tags';
export type { ContactUpsertResult, LeadUpsertResult, UpsertResult } from './types';
export { upsertUsers } from './users';
