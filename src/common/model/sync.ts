/** The states the UI shows; times are epoch milliseconds of the host's clock. */
export type SyncState = 'disconnected' | 'idle' | 'syncing' | 'paused' | 'offline' | 'rate_limited' | 'blocked' | 'auth_required' | 'error';

export type SyncPhase = 'metadata' | 'leads' | 'contacts' | 'companies' | 'events' | 'incremental';

export interface SyncProgress {
  phase: SyncPhase;
  /** Records (or metadata steps) done in this phase. */
  done: number;
  /** Best estimate of the phase's total, or null while unknown (Kommo lists carry no totals). */
  estimatedTotal: number | null;
}

/**
 * Why syncing stopped, when it is something the user can act on; the page words it in the user's
 * language (the `message` is the host's English detail, for the log and for other reasons).
 */
export type SyncFailureReason = 'disk_full' | 'read_only' | 'cannot_open' | 'damaged' | 'disk_error' | 'payment_required' | 'forbidden';

export interface SyncStatus {
  state: SyncState;
  /** Set while the first full download is running; null afterwards. */
  progress: SyncProgress | null;
  /** True once the first full download has completed (the mirror is complete). */
  initialSyncComplete: boolean;
  lastSuccessfulSyncAt: number | null;
  /** When the engine will try again (offline, rate-limited, blocked), if it knows. */
  nextAttemptAt: number | null;
  /** A human-readable explanation for offline/blocked/error states. */
  message: string | null;
  /** In the error state, a known reason the page explains in the user's language. */
  reason?: SyncFailureReason | null;
  /** Records Kommo sent that the mirror could not keep (listed by the `sync:setAside` request). */
  setAside?: number;
}

/** A record Kommo sent that the mirror could not keep; it is stored again once Kommo sends it valid. */
export interface SetAsideRecord {
  entity: 'leads' | 'contacts' | 'companies';
  id: number;
  /** Which fields were unusable (paths and problem codes), never the record's content. */
  reason: string;
  /** When Kommo last sent it (host clock, epoch ms). */
  at: number;
}

export interface SetAsideList {
  total: number;
  /** The most recent first, at most the limit asked for. */
  records: SetAsideRecord[];
}
