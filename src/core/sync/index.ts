/**
 * The sync engine: the mirror's only writer. See ARCHITECTURE.md ("Sync design") for the design (streams, cursors,
 * the confirmed boundary, tie groups, deletions) and service.ts for how the core runs it.
 */
export { claimMirrorFor } from './account-guard';
export type { SyncEmit, SyncEventName } from './change-emitter';
export type { SyncDeps, SyncMirror } from './context';
export { SyncEngine, type CycleEvent } from './engine';
export { InitialDownload } from './initial';
export { Metadata } from './metadata';
export { backoffMs, DEFAULT_SYNC_OPTIONS, syncOptions, type SyncOptions } from './options';
export { SyncService, type SyncRunner, type SyncServiceDeps } from './service';
