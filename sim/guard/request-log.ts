/**
 * What the API saw: a bounded log of requests (never headers or bodies, so no tokens) and
 * counters per account. Control requests are not recorded.
 */
export interface LogEntry {
  /** Simulator clock, Unix seconds. */
  at: number;
  /** Monotonic milliseconds (see SimClock.monoMs). */
  ms: number;
  account: string;
  client: string;
  method: string;
  /** Path without the `/a/{sub}` prefix, with the query string. */
  path: string;
  /** The route, ids replaced: `GET /api/v4/leads/{id}`. */
  endpoint: string;
  status: number;
  durationMs: number;
}

export interface SimCounters {
  total: number;
  perEndpoint: Record<string, number>;
  perStatus: Record<string, number>;
  /** The most requests seen in any one-second sliding window (all requests, served or refused). */
  maxPerSecond: number;
  served429: number;
  served403: number;
}

const LOG_LIMIT = 20_000;

export class AccountCounters {
  counters: SimCounters = emptyCounters();
  private window: number[] = [];

  /** Called when a request arrives (before any refusal), for the per-second peak. */
  arrived(ms: number): void {
    this.window.push(ms);
    let drop = 0;
    while (drop < this.window.length && (this.window[drop] as number) <= ms - 1000) drop++;
    if (drop > 0) this.window.splice(0, drop);
    this.counters.maxPerSecond = Math.max(this.counters.maxPerSecond, this.window.length);
  }

  finished(endpoint: string, status: number): void {
    const c = this.counters;
    c.total++;
    c.perEndpoint[endpoint] = (c.perEndpoint[endpoint] ?? 0) + 1;
    c.perStatus[String(status)] = (c.perStatus[String(status)] ?? 0) + 1;
    if (status === 429) c.served429++;
    if (status === 403) c.served403++;
  }

  reset(): void {
    this.counters = emptyCounters();
    this.window = [];
  }
}

function emptyCounters(): SimCounters {
  return { total: 0, perEndpoint: {}, perStatus: {}, maxPerSecond: 0, served429: 0, served403: 0 };
}

export class RequestLog {
  private entries: LogEntry[] = [];

  add(entry: LogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > LOG_LIMIT) this.entries.splice(0, this.entries.length - LOG_LIMIT);
  }

  list(filter: { account?: string; limit?: number } = {}): LogEntry[] {
    const rows = filter.account ? this.entries.filter((e) => e.account === filter.account) : this.entries.slice();
    return filter.limit ? rows.slice(-filter.limit) : rows;
  }

  clear(): void {
    this.entries = [];
  }
}
