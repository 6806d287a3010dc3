/**
 * The Kommo API v4 client: what the rest of the core imports. See client.ts for the page-level
 * API the sync engine uses (fetchPage / pages / items), state() and the write methods.
 */
export {
  KommoClient,
  sharedTransport,
  type AccessTokenProvider,
  type KommoClientOptions,
  type KommoClientState,
  type KommoPage,
  type LeadPatch,
  type ListParams,
  type NoteInput,
  type PageCursor,
  type TaskInput,
} from './client';
export * from './entities';
export * from './errors';
export { DEFAULT_GATE_OPTIONS, HostGate, HostGateRegistry, sharedGates, type GateState, type HostGateOptions } from './host-gate';
export type { SkippedRecord } from './records';
export { LIST_RESOURCES, type ListItem, type ListResourceName } from './resources';
export { DEFAULT_RETRY_POLICY, type Random, type RetryPolicy } from './retry';
export type { KommoDeletedEntity, KommoWrittenItem } from './schemas';
export { createUndiciTransport, type Transport, type TransportRequest, type TransportResponse } from './transport';
