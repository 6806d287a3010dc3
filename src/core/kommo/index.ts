/**
 * The Kommo API v4 client: the front door of core/kommo, and the only file code outside this
 * folder imports (eslint.config.mjs forbids deep imports; tests' doubles are in `./testing`).
 * `createKommoClient` builds an account's client; `kommoHttp` the same host's HTTP for the OAuth
 * token endpoint, so both go through one gate. See client.ts for the page-level API the sync
 * engine uses (fetchPage / pages / items) and state().
 */
export {
  createKommoClient,
  type KommoClient,
  type AccessTokenProvider,
  type KommoClientOptions,
  type KommoClientState,
  type KommoPage,
  type ListParams,
  type PageCursor,
} from './client';
export * from './entities';
export * from './errors';
export { DEFAULT_GATE_OPTIONS, HostGate, HostGateRegistry, sharedGates, type GateState, type HostGateOptions } from './host-gate';
export { exchange, kommoHttp, looksLikeJson, sharedTransport, type HttpCall, type HttpDeps, type KommoHostOptions } from './http';
export { normalizeAccountHost } from '../../common/account-host';
export { expandBaseUrlTemplate, isBaseUrlTemplate } from './query';
export type { SkippedRecord } from './records';
export { LIST_RESOURCES, type ListItem, type ListResourceName } from './resources';
export { DEFAULT_RETRY_POLICY, type Random, type RetryPolicy } from './retry';
export type { KommoDeletedEntity, KommoWrittenItem } from './schemas';
export { createUndiciTransport, type Transport, type TransportRequest, type TransportResponse } from './transport';
