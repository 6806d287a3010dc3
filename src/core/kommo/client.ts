import type { ZodType } from 'zod';
import { silentLogger, type Logger } from '../log';
import type { Clock } from '../time';
import { StateObservable } from '../observable';
import type { KommoAccount, KommoContact, KommoLead, KommoPipeline, KommoUser } from './entities';
import { KommoAuthRequiredError, KommoMalformedResponseError, type KommoNetworkError } from './errors';
import type { GateState, HostGate } from './host-gate';
import { bodyExcerpt, exchange, kommoHttp, looksLikeJson, type HttpCall, type HttpDeps, type KommoHostOptions } from './http';
import { parseKommoJson } from './json-text';
import { encodeQuery, type QueryParams } from './query';
import { parseRecords, readPageEnvelope, type SkippedRecord } from './records';
import { LIST_RESOURCES, type ListItem, type ListResourceName } from './resources';
import { accountSchema, contactSchema, leadSchema, pipelineSchema, userSchema } from './schemas';
import { errorForStatus } from './status-errors';

/** Where the client gets its bearer token; implemented by the auth layer (refresh, single-flight). */
export interface AccessTokenProvider {
  getAccessToken(): Promise<string>;
  /**
   * Called once after a 401 with the token that was refused. Returns a token to retry with
   * (refreshed, or already refreshed by another caller), or throws KommoAuthRequiredError.
   */
  handleUnauthorized(rejectedToken: string): Promise<string>;
}

/** The account host's HTTP options (defaults: the shared gate and transport, the system clock) and the token source. */
export interface KommoClientOptions extends KommoHostOptions {
  auth: AccessTokenProvider;
}

/** The path and query of the next page (`/api/v4/leads?page=3&limit=250…`). Opaque; safe to persist. */
export type PageCursor = string;

export interface ListParams {
  with?: string[];
  /** Nested, encoded in bracket style: `{ updated_at: { from, to } }` → `filter[updated_at][from]=…`. */
  filter?: QueryParams;
  order?: Record<string, 'asc' | 'desc'>;
  /** Defaults to (and is capped at) the resource's maximum: 250, or 100 for events. */
  limit?: number;
  page?: number;
  query?: string;
}

export interface KommoPage<T> {
  items: T[];
  /** Pass back as `{ cursor }` for the next page; null at the end. */
  next: PageCursor | null;
  /** Records that failed validation (already logged with their ids). */
  skipped: SkippedRecord[];
  page: number | null;
  /**
   * The server's clock when it answered (Unix seconds, from the HTTP `Date` header), or null when
   * it sent none. The sync engine's cursors use only server time.
   */
  serverTime: number | null;
}

export type KommoClientState =
  | { kind: 'ok' }
  | { kind: 'rate_limited'; until: number }
  | { kind: 'blocked'; since: number; until: number }
  | { kind: 'auth_required'; message: string }
  | { kind: 'offline'; since: number; message: string };

/**
 * The Kommo API v4 client for one account. Reads are paced by the host's gate and retried; the
 * sync engine reads one page at a time (`fetchPage`) or iterates (`pages`, `items`), and watches
 * `state()` to tell the user why it waits.
 */
export class KommoClient {
  readonly accountHost: string;
  readonly baseUrl: string;
  private readonly gate: HostGate;
  private readonly http: HttpDeps;
  private readonly auth: AccessTokenProvider;
  private readonly log: Logger;
  private readonly clock: Clock;
  private authProblem: string | null = null;
  private offline: { since: number; message: string } | null = null;
  private readonly states = new StateObservable<KommoClientState>();
  private latestServerTime: number | null = null;
  private readonly unsubscribeGate: () => void;

  constructor(options: KommoClientOptions) {
    this.accountHost = options.accountHost.toLowerCase();
    this.auth = options.auth;
    this.log = (options.log ?? silentLogger).child('kommo');
    this.http = kommoHttp({ ...options, log: this.log }, (error) => this.setOffline(error));
    this.baseUrl = this.http.baseUrl;
    this.clock = this.http.clock;
    this.gate = this.http.gate;
    this.states.startFrom(this.state());
    this.unsubscribeGate = this.gate.onChange(() => this.emitIfChanged());
  }

  // ── State ────────────────────────────────────────────────────────────────────────────────

  /** What the engine shows: blocked beats auth, auth beats rate limits, rate limits beat offline. */
  state(): KommoClientState {
    const gate: GateState = this.gate.state();
    if (gate.kind === 'blocked') return { kind: 'blocked', since: gate.since, until: gate.until };
    if (this.authProblem) return { kind: 'auth_required', message: this.authProblem };
    if (gate.kind === 'rate_limited' || gate.kind === 'paused') return { kind: 'rate_limited', until: gate.until };
    if (this.offline) return { kind: 'offline', ...this.offline };
    return { kind: 'ok' };
  }

  onStateChange(listener: (state: KommoClientState) => void): () => void {
    return this.states.subscribe(listener);
  }

  /** The user pressed "try again": lift a 403 block or the 429 circuit now instead of after the cool-down. */
  resetCircuit(): void {
    this.gate.resetCircuit();
    this.emitIfChanged();
  }

  /** The server's clock (Unix seconds) from the latest answer's `Date` header; null before any, or without the header. */
  lastServerTime(): number | null {
    return this.latestServerTime;
  }

  /** Stops listening to the shared gate (the gate and transport stay for other clients). */
  dispose(): void {
    this.unsubscribeGate();
    this.states.clear();
  }

  // ── Lists ────────────────────────────────────────────────────────────────────────────────

  /** One page: the first for `params`, or the one a previous page's `next` points to. */
  async fetchPage<R extends ListResourceName>(
    resource: R,
    request: ListParams | { cursor: PageCursor } = {},
  ): Promise<KommoPage<ListItem<R>>> {
    const spec = LIST_RESOURCES[resource];
    const pathAndQuery =
      'cursor' in request ? this.checkCursor(request.cursor, spec.path) : `${spec.path}?${this.listQuery(spec, request)}`;
    const { status, json, serverTime } = await this.request({ method: 'GET', pathAndQuery, idempotent: true });
    if (status === 204 || json === null) return { items: [], next: null, skipped: [], page: null, serverTime };
    const envelope = readPageEnvelope(json, spec.key, status, spec.path);
    const { items, skipped } = parseRecords(envelope.records, spec.schema as never, resource, this.log) as {
      items: ListItem<R>[];
      skipped: SkippedRecord[];
    };
    return { items, next: envelope.next, skipped, page: envelope.page, serverTime };
  }

  /** Every page, following `_links.next` until it is absent (or a 204). */
  async *pages<R extends ListResourceName>(resource: R, params: ListParams = {}): AsyncGenerator<KommoPage<ListItem<R>>> {
    let page = await this.fetchPage(resource, params);
    const seen = new Set<string>();
    for (;;) {
      yield page;
      if (!page.next) return;
      // A server that links a page to itself would otherwise loop forever ("uncontrolled iteration").
      if (seen.has(page.next))
        throw new KommoMalformedResponseError(200, LIST_RESOURCES[resource].path, 'pagination loops back to a page already read');
      seen.add(page.next);
      page = await this.fetchPage(resource, { cursor: page.next });
    }
  }

  async *items<R extends ListResourceName>(resource: R, params: ListParams = {}): AsyncGenerator<ListItem<R>> {
    for await (const page of this.pages(resource, params)) yield* page.items;
  }

  async listAll<R extends ListResourceName>(resource: R, params: ListParams = {}): Promise<ListItem<R>[]> {
    const all: ListItem<R>[] = [];
    for await (const page of this.pages(resource, params)) all.push(...page.items);
    return all;
  }

  // ── Single reads ─────────────────────────────────────────────────────────────────────────

  /** `with=datetime_settings` for the timezone; the post-sign-in "who am I" call. */
  async getAccount(withParts: string[] = []): Promise<KommoAccount> {
    const query = withParts.length ? `?${encodeQuery({ with: withParts.join(',') })}` : '';
    const { status, json } = await this.request({ method: 'GET', pathAndQuery: `/api/v4/account${query}`, idempotent: true });
    const parsed = accountSchema.safeParse(json);
    if (!parsed.success) throw new KommoMalformedResponseError(status, '/api/v4/account', 'not an account');
    return parsed.data;
  }

  /** Pipelines with their statuses (one request; Kommo does not paginate them). */
  async getPipelines(): Promise<KommoPipeline[]> {
    const { status, json } = await this.request({ method: 'GET', pathAndQuery: '/api/v4/leads/pipelines', idempotent: true });
    if (status === 204 || json === null) return [];
    const envelope = readPageEnvelope(json, 'pipelines', status, '/api/v4/leads/pipelines');
    return parseRecords(envelope.records, pipelineSchema, 'pipeline', this.log).items;
  }

  /** null when Kommo answers 204 (no such lead). */
  async getLead(id: number, withParts: string[] = []): Promise<KommoLead | null> {
    return this.getOne(`/api/v4/leads/${id}`, withParts, leadSchema, 'lead');
  }

  async getContact(id: number, withParts: string[] = []): Promise<KommoContact | null> {
    return this.getOne(`/api/v4/contacts/${id}`, withParts, contactSchema, 'contact');
  }

  /** One user; the users endpoints may need admin rights (KommoForbiddenError). */
  async getUser(id: number): Promise<KommoUser | null> {
    return this.getOne(`/api/v4/users/${id}`, [], userSchema, 'user');
  }

  private async getOne<T>(path: string, withParts: string[], schema: ZodType<T>, kind: string): Promise<T | null> {
    const query = withParts.length ? `?${encodeQuery({ with: withParts.join(',') })}` : '';
    const { status, json } = await this.request({ method: 'GET', pathAndQuery: `${path}${query}`, idempotent: true });
    if (status === 204 || json === null) return null;
    const parsed = parseRecords([json], schema, kind, this.log);
    return parsed.items[0] ?? null;
  }

  private listQuery(spec: (typeof LIST_RESOURCES)[ListResourceName], params: ListParams): string {
    const withParts = [...(params.with ?? []), ...(spec.fixed?.with ? [spec.fixed.with] : [])];
    return encodeQuery({
      with: withParts.length ? withParts.join(',') : undefined,
      page: params.page,
      limit: Math.min(params.limit ?? spec.limit, spec.limit),
      filter: params.filter,
      order: params.order,
      query: params.query,
    });
  }

  private checkCursor(cursor: PageCursor, path: string): string {
    if (!cursor.startsWith(`${path}?`) && cursor !== path) throw new Error(`A cursor for ${cursor.split('?')[0]} cannot page ${path}.`);
    return cursor;
  }

  /**
   * One authenticated request: bearer auth, one refresh on a 401, and status → typed error.
   * Returns the parsed JSON (null for 204). The typed reads above use it; so do the write helpers
   * of `testing/writes.ts` (the app's writes will come through an outbox).
   */
  async request(call: Omit<HttpCall, 'headers'>): Promise<{ status: number; json: unknown; serverTime: number | null }> {
    const path = call.pathAndQuery.split('?')[0] ?? call.pathAndQuery;
    let token = await this.withAuth(() => this.auth.getAccessToken());
    for (let refreshed = false; ; refreshed = true) {
      const response = await exchange(this.http, { ...call, headers: { authorization: `Bearer ${token}` } });
      if (response.status === 401) {
        if (refreshed) return this.withAuth(() => Promise.reject(new KommoAuthRequiredError()));
        this.log.info('401 from Kommo: refreshing the token once', { path });
        token = await this.withAuth(() => this.auth.handleUnauthorized(token));
        continue;
      }
      this.setAuthProblem(null);
      const serverTime = serverTimeOf(response.dateHeader);
      if (serverTime !== null) this.latestServerTime = serverTime;
      if (response.status === 204) return { status: 204, json: null, serverTime };
      if (response.status >= 200 && response.status < 300) {
        try {
          return { status: response.status, json: parseKommoJson(response.body), serverTime };
        } catch {
          this.log.warn('Kommo sent a body that is not JSON', { path, status: response.status, excerpt: bodyExcerpt(response.body) });
          throw new KommoMalformedResponseError(response.status, path, 'not JSON');
        }
      }
      throw errorForStatus(response.status, response.body, looksLikeJson(response), path, this.log);
    }
  }

  private async withAuth<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof KommoAuthRequiredError) this.setAuthProblem(error.message);
      throw error;
    }
  }

  private setAuthProblem(message: string | null): void {
    if (this.authProblem === message) return;
    this.authProblem = message;
    this.emitIfChanged();
  }

  private setOffline(error: KommoNetworkError | null): void {
    if (!error && !this.offline) return;
    if (error && this.offline) return;
    this.offline = error ? { since: this.clock.now(), message: error.message } : null;
    this.emitIfChanged();
  }

  private emitIfChanged(): void {
    this.states.emitIfChanged(this.state());
  }
}

/** `Date: Tue, 15 Nov 1994 08:12:31 GMT` → Unix seconds; null when absent or unreadable. */
export function serverTimeOf(dateHeader: string | null | undefined): number | null {
  if (!dateHeader) return null;
  const ms = Date.parse(dateHeader);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
}

/** The front door: the client for one account, its HTTP assembled by `kommoHttp` like every other request to that host. */
export function createKommoClient(options: KommoClientOptions): KommoClient {
  return new KommoClient(options);
}
