/** The engine's tunables. Defaults follow the issue; tests shrink pages and intervals. */
export interface SyncOptions {
  /** Time between the end of one incremental cycle and the start of the next. */
  cycleIntervalMs: number;
  /**
   * Seconds of server time a second stays "open" after a read began: a read that started at server
   * time S confirms only seconds before S − overlap. Covers Kommo's replicas, clock differences
   * between its servers and the gap between reading and stamping the answer's Date.
   */
  overlapSeconds: number;
  /** Page size of entity lists (Kommo's maximum is 250). */
  pageLimit: number;
  /** Page size of the events feed (100 is safe: the RU docs cap it there). */
  eventsLimit: number;
  metadataRefreshMs: number;
  /** An unknown status, user, tag or field in a page refreshes metadata, at most this often. */
  unknownIdRefreshMinMs: number;
  /** Readers running side by side during the first download (each a keyset over its own time range). */
  initialReaders: number;
  /** A range is split for an idle reader only when at least this many seconds remain in it. */
  minSplitSeconds: number;
  /** Network failures: retry after base·2ⁿ (capped), with jitter. */
  offlineBackoffMs: { base: number; max: number };
  /** Other failures (a malformed answer, a 402): retried more slowly. */
  errorBackoffMs: { base: number; max: number };
  /** A sweep that would remove more than this share of a table is refused. */
  sweepGuardFraction: number;
  /** How often the deleted-record lists (`with=only_deleted`) are reconciled. */
  reconcileIntervalMs: number;
  /**
   * How long Kommo is assumed to keep events (UNCONFIRMED, docs/kommo-api.md §13.2). When the events cursor is older,
   * deletions may be lost from the feed: the engine reconciles the whole mirror instead.
   */
  eventRetentionSeconds: number;
  /** During the first download, `lead_update`/`contact_update` are merged and sent at most this often. */
  initialUpdateThrottleMs: number;
  /** An incremental cycle shows "syncing" only once it has run this long (no flicker every 5 s). */
  busyAfterMs: number;
  /** Random numbers for jitter (injected so tests are deterministic). */
  random: () => number;
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = {
  cycleIntervalMs: 5_000,
  overlapSeconds: 15,
  pageLimit: 250,
  eventsLimit: 100,
  metadataRefreshMs: 10 * 60_000,
  unknownIdRefreshMinMs: 60_000,
  initialReaders: 3,
  minSplitSeconds: 2,
  offlineBackoffMs: { base: 1_000, max: 30_000 },
  errorBackoffMs: { base: 5_000, max: 5 * 60_000 },
  sweepGuardFraction: 0.2,
  reconcileIntervalMs: 24 * 3600_000,
  eventRetentionSeconds: 14 * 86_400,
  initialUpdateThrottleMs: 1_000,
  busyAfterMs: 1_500,
  random: Math.random,
};

export function syncOptions(overrides: Partial<SyncOptions> = {}): SyncOptions {
  return { ...DEFAULT_SYNC_OPTIONS, ...overrides };
}

/** Capped exponential backoff with equal jitter (half fixed, half random). */
export function backoffMs(attempt: number, policy: { base: number; max: number }, random: () => number): number {
  const step = Math.min(policy.max, policy.base * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}
