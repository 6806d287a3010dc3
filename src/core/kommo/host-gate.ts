import Bottleneck from 'bottleneck';
import type { Logger } from '../log';
import { systemClock, type Clock } from '../time';
import { StateObservable } from '../observable';
import { KommoBlockedError, KommoRateLimitedError } from './errors';
import { RoundTrips } from './round-trips';

export interface HostGateOptions {
  /**
   * Least spacing between request starts: `windowMs / maxPerWindow`, so requests never leave
   * faster than 7 a second even briefly (should Kommo meter like nginx's limit_req, which refuses
   * a request that comes sooner than the rate allows). 7 × 143 ms stays under the window rule's
   * 1,025 ms, so that rule, with its margin, sets the pace.
   */
  minTimeMs: number;
  /** Requests in flight at once, so that latency does not lower the rate. */
  maxConcurrent: number;
  /** The server's bound: at most `maxPerWindow` arrivals in any `windowMs`. */
  maxPerWindow: number;
  windowMs: number;
  /**
   * Slack added to the window. The server counts arrivals, which we cannot see. A request leaves
   * only `windowMs` + this after the latest moment the one `maxPerWindow` requests back can have
   * arrived: its departure plus the part of its round trip beyond the fastest recent one of its
   * kind (RoundTrips), since that excess may have been spent on the way there (jitter, a stall).
   * Then no `maxPerWindow + 1` arrivals fit in one window, whatever the jitter, while a steady
   * network costs no more than this slack. The slack covers the server's work varying between
   * answers of one kind and the clocks' granularity.
   */
  jitterMarginMs: number;
  /** A 429 without `retry_after`: backoff base and cap. */
  rateLimitBackoffMs: number;
  rateLimitBackoffMaxMs: number;
  /**
   * This many 429s in a row open the rate-limit circuit: calls fail fast until it cools down.
   * 429s to requests that left before the previous 429 was known count as that one (one burst).
   */
  rateLimitCircuitAfter: number;
  rateLimitCircuitCooldownMs: number;
  /** A 403 block stops all traffic this long (or until resetCircuit()). At least 5 minutes. */
  blockCooldownMs: number;
  /** A caller waits out a pause up to this long; a longer pause fails the call with KommoRateLimitedError. */
  maxCallerWaitMs: number;
  /**
   * After a 429 the gate lowers its own per-window bound below what it had just sent (the server's
   * limit may be stricter than 7: another client of the account, a changed policy); it gives one
   * back after this many successes in a row.
   */
  recoverAfterSuccesses: number;
}

export const DEFAULT_GATE_OPTIONS: HostGateOptions = {
  minTimeMs: 143,
  maxConcurrent: 4,
  maxPerWindow: 7,
  windowMs: 1_000,
  jitterMarginMs: 25,
  rateLimitBackoffMs: 2_000,
  rateLimitBackoffMaxMs: 60_000,
  rateLimitCircuitAfter: 4,
  rateLimitCircuitCooldownMs: 5 * 60_000,
  blockCooldownMs: 5 * 60_000,
  maxCallerWaitMs: 60_000,
  recoverAfterSuccesses: 200,
};

const MIN_BLOCK_COOLDOWN_MS = 5 * 60_000;

export type GateState =
  | { kind: 'open' }
  | { kind: 'paused'; until: number }
  | { kind: 'rate_limited'; until: number }
  | { kind: 'blocked'; since: number; until: number };

/** One request as the gate saw it: when it left and, once answered (or failed), the latest it can have arrived. */
interface Departure {
  at: number;
  arrivedBy: number | null;
  answered: Promise<void>;
  markAnswered(): void;
}

/**
 * The one gate every request to one Kommo account host passes, whoever makes it. Bottleneck
 * queues and bounds concurrency; the gate spaces departures on its own clock and keeps a log of
 * actual departures and answers (a stalled timer can start one job late and the next on time),
 * pauses everything on a 429, and holds two circuits: repeated 429s, and a 403 block.
 */
export class HostGate {
  readonly options: HostGateOptions;
  private readonly limiter: Bottleneck;
  private readonly departures: Departure[] = [];
  private lastDeparture = -Infinity;
  private departureChain: Promise<void> = Promise.resolve();
  private minTimeMs: number;
  /** The per-window bound in force: `maxPerWindow`, or less after a 429 taught us the server's. */
  private perWindow: number;
  private pausedUntil = 0;
  private consecutive429 = 0;
  /** When the last 429 was reported: a 429 to a request that left before it is the same burst. */
  private lastRateLimitAt = -Infinity;
  private successesSinceSlowdown = 0;
  private rateCircuitUntil = 0;
  private block: { since: number; until: number } | null = null;
  /** Set when a circuit opens: the first request after it is a lone probe. */
  private halfOpen = false;
  private readonly states = new StateObservable<GateState>().startFrom({ kind: 'open' });
  private readonly roundTrips = new RoundTrips();

  constructor(
    readonly host: string,
    options: Partial<HostGateOptions> = {},
    private readonly clock: Clock = systemClock,
    private readonly log?: Logger,
  ) {
    this.options = { ...DEFAULT_GATE_OPTIONS, ...options };
    this.options.blockCooldownMs = Math.max(this.options.blockCooldownMs, MIN_BLOCK_COOLDOWN_MS);
    this.minTimeMs = this.options.minTimeMs;
    this.perWindow = this.options.maxPerWindow;
    // Bottleneck bounds what is in flight; spacing is kept in admit() on the gate's own clock.
    this.limiter = new Bottleneck({ maxConcurrent: this.options.maxConcurrent });
  }

  /**
   * Runs `send` when the host may take another request; fails fast while a circuit is open.
   * `send` gets its departure time, which reportRateLimited() wants back. `kindOf` names what
   * was answered (see RoundTrips): answers of one kind take the server about as long.
   */
  schedule<T>(send: (departedAt: number) => Promise<T>, kindOf: (result: T) => string = () => 'any'): Promise<T> {
    this.throwIfOpen();
    return this.limiter.schedule(async () => {
      const { departure, release } = await this.admit();
      let kind = 'failed';
      try {
        const result = await send(departure.at);
        kind = kindOf(result);
        return result;
      } finally {
        this.answered(departure, kind);
        release();
      }
    });
  }

  private answered(departure: Departure, kind: string): void {
    const now = this.clock.now();
    this.roundTrips.record(kind, now - departure.at);
    departure.arrivedBy = Math.max(departure.at, now - this.roundTrips.fastest(kind));
    departure.markAnswered();
  }

  state(): GateState {
    const now = this.clock.now();
    if (this.block && now < this.block.until) return { kind: 'blocked', ...this.block };
    if (now < this.rateCircuitUntil) return { kind: 'rate_limited', until: this.rateCircuitUntil };
    if (now < this.pausedUntil) return { kind: 'paused', until: this.pausedUntil };
    return { kind: 'open' };
  }

  onChange(listener: (state: GateState) => void): () => void {
    return this.states.subscribe(listener);
  }

  /** A 2xx (or any answer that is not a limit): the server is taking our rate. */
  reportSuccess(): void {
    this.consecutive429 = 0;
    if (this.perWindow < this.options.maxPerWindow && ++this.successesSinceSlowdown >= this.options.recoverAfterSuccesses) {
      this.setPerWindow(this.perWindow + 1);
    }
    this.emitIfChanged();
  }

  /**
   * A 429. Pauses every request to the host for `retryAfterMs` (Kommo's body `retry_after`) or a
   * growing backoff, slows the spacing, and opens the circuit after repeated 429s.
   */
  reportRateLimited(retryAfterMs: number | null, departedAt: number = this.clock.now()): void {
    const now = this.clock.now();
    // Sent before the previous 429 was known (in flight together): the same burst, one refusal.
    const sameBurst = departedAt < this.lastRateLimitAt;
    this.lastRateLimitAt = now;
    if (sameBurst) {
      this.pausedUntil = Math.max(this.pausedUntil, now + (retryAfterMs ?? 0));
      this.log?.info('429 to a request sent before the pause: same burst', { host: this.host });
      this.emitIfChanged();
      return;
    }
    this.consecutive429 += 1;
    const backoff = Math.min(this.options.rateLimitBackoffMaxMs, this.options.rateLimitBackoffMs * 2 ** (this.consecutive429 - 1));
    const pause = retryAfterMs ?? backoff;
    this.pausedUntil = Math.max(this.pausedUntil, now + pause);
    // After the pause one request goes alone: if Kommo still refuses, that costs one 429, not a
    // burst of them that would count toward the circuit.
    this.halfOpen = true;
    // We had sent `recent` requests in the last window, the refused one included, and that was
    // too many: the server's bound is below it.
    const recent = this.departures.filter((d) => d.at > now - this.windowSpan()).length;
    this.setPerWindow(Math.max(1, Math.min(this.perWindow, recent - 1)));
    if (this.consecutive429 >= this.options.rateLimitCircuitAfter) {
      this.rateCircuitUntil = Math.max(this.pausedUntil, now + this.options.rateLimitCircuitCooldownMs);
      this.pausedUntil = this.rateCircuitUntil;
      this.halfOpen = true;
      this.log?.warn('Repeated 429s: the rate-limit circuit is open', {
        host: this.host,
        until: new Date(this.rateCircuitUntil).toISOString(),
      });
    } else {
      this.log?.warn('429 Too Many Requests: pausing every request to the host', { host: this.host, pauseMs: pause });
    }
    this.emitIfChanged();
  }

  /** A 403 block: no traffic until the cool-down ends or resetCircuit(). */
  reportBlocked(): void {
    const now = this.clock.now();
    this.block = { since: now, until: now + this.options.blockCooldownMs };
    this.halfOpen = true;
    this.log?.error('Kommo blocked this client (403): all requests stop', {
      host: this.host,
      until: new Date(this.block.until).toISOString(),
    });
    this.emitIfChanged();
  }

  /**
   * The user asked to try again: close both circuits and the pause. The next request is a lone
   * probe: nothing else leaves until it is answered, so a refusal costs one request, not a burst.
   */
  resetCircuit(): void {
    if (this.state().kind !== 'open') this.halfOpen = true;
    this.block = null;
    this.rateCircuitUntil = 0;
    this.pausedUntil = 0;
    this.consecutive429 = 0;
    this.emitIfChanged();
  }

  async close(): Promise<void> {
    await this.limiter.stop({ dropWaitingJobs: true }).catch(() => undefined);
  }

  private throwIfOpen(): void {
    const now = this.clock.now();
    if (this.block && now < this.block.until) throw new KommoBlockedError(this.block.until);
    if (now < this.rateCircuitUntil) throw new KommoRateLimitedError(this.rateCircuitUntil);
    if (this.pausedUntil - now > this.options.maxCallerWaitMs) throw new KommoRateLimitedError(this.pausedUntil);
  }

  /**
   * Waits out any pause, then takes a departure slot: departures are serialized so that, whatever
   * bottleneck's timers did, starts stay `minTime` apart, and a request leaves only a window
   * (plus slack) after the latest arrival of the one `perWindow` requests back: no more than
   * `perWindow` can then arrive at the server within `windowMs`, however late each arrived.
   */
  private async admit(): Promise<{ departure: Departure; release: () => void }> {
    const previous = this.departureChain;
    let release!: () => void;
    this.departureChain = new Promise<void>((resolve) => (release = resolve));
    let holdUntilAnswered = false;
    try {
      await previous;
      for (;;) {
        this.throwIfOpen();
        const bound = this.departures.length >= this.perWindow ? this.departures[this.departures.length - this.perWindow]! : null;
        // Its arrival can be bounded only once it is answered: wait for that.
        if (bound && bound.arrivedBy === null) {
          await bound.answered;
          continue;
        }
        const now = this.clock.now();
        const windowEnd = bound ? bound.arrivedBy! + this.windowSpan() : -Infinity;
        const earliest = Math.max(this.pausedUntil, this.lastDeparture + this.minTimeMs, windowEnd);
        if (earliest <= now) break;
        await this.clock.sleep(earliest - now);
      }
      const now = this.clock.now();
      this.lastDeparture = now;
      let markAnswered!: () => void;
      const answered = new Promise<void>((resolve) => (markAnswered = resolve));
      const departure: Departure = { at: now, arrivedBy: null, answered, markAnswered };
      this.departures.push(departure);
      if (this.departures.length > Math.max(this.options.maxPerWindow, 1) * 2) this.departures.shift();
      // Half-open after a circuit: this request is the probe; nobody else leaves until it is answered.
      holdUntilAnswered = this.halfOpen;
      this.halfOpen = false;
      this.emitIfChanged();
      return { departure, release: holdUntilAnswered ? release : () => {} };
    } finally {
      if (!holdUntilAnswered) release();
    }
  }

  private windowSpan(): number {
    return this.options.windowMs + this.options.jitterMarginMs;
  }

  /** A new per-window bound, with the spacing widened to match so requests stay evenly spread. */
  private setPerWindow(perWindow: number): void {
    this.successesSinceSlowdown = 0;
    if (perWindow === this.perWindow) return;
    this.perWindow = perWindow;
    this.minTimeMs = Math.max(this.options.minTimeMs, perWindow < this.options.maxPerWindow ? Math.ceil(this.windowSpan() / perWindow) : 0);
    this.log?.info('Request pacing changed', { host: this.host, perWindow, minTimeMs: this.minTimeMs });
  }

  /** The pacing in force (for logs, benches and tests). */
  pacing(): { perWindow: number; minTimeMs: number } {
    return { perWindow: this.perWindow, minTimeMs: this.minTimeMs };
  }

  private emitIfChanged(): void {
    this.states.emitIfChanged(this.state());
  }
}

/** One gate per account host, shared by every client and caller in the process. */
export class HostGateRegistry {
  private readonly gates = new Map<string, HostGate>();

  constructor(
    private readonly options: Partial<HostGateOptions> = {},
    private readonly clock: Clock = systemClock,
    private readonly log?: Logger,
  ) {}

  get(host: string): HostGate {
    const key = host.toLowerCase();
    let gate = this.gates.get(key);
    if (!gate) {
      gate = new HostGate(key, this.options, this.clock, this.log?.child('gate'));
      this.gates.set(key, gate);
    }
    return gate;
  }

  async close(): Promise<void> {
    await Promise.all([...this.gates.values()].map((gate) => gate.close()));
    this.gates.clear();
  }
}

/** The process-wide registry the hosts use; tests make their own. */
export const sharedGates = new HostGateRegistry();
