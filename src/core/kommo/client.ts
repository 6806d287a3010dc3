import type { ZodType } from 'zod';
import { silentLogger, type Logger } from '../log';
import type { KommoAccount, KommoContact, KommoLead, KommoPipeline, KommoUser } from './entities';
import {
  KommoAuthRequiredError,
  KommoForbiddenError,
  KommoMalformedResponseError,
  KommoNotFoundError,
  KommoPaymentRequiredError,
  KommoServerError,
  KommoUnexpectedStatusError,
  KommoValidationError,
  type KommoError,
  type KommoNetworkError,
  type KommoValidationIssue,
} from './errors';
import { sharedGates, type GateState, type HostGate, type HostGateRegistry } from './host-gate';
import { bodyExcerpt, exchange, httpDeps, looksLikeJson, type HttpCall, type HttpDeps } from './http';
import { parseKommoJson } from './json-text';
import { encodeQuery, resolveBaseUrl, type QueryParams } from './query';
import { parseRecords, readPageEnvelope, type SkippedRecord } from './records';
import { LIST_RESOURCES, type ListItem, type ListResourceName } from './resources';
import { systemClock, type Clock } from '../time';
import { DEFAULT_RETRY_POLICY, type Random, type RetryPolicy } from './retry';
import { accountSchema, contactSchema, leadSchema, pipelineSchema, userSchema, writtenItemSchema, type KommoWrittenItem } from './schemas';
import { createUndiciTransport, type Transport } from './transport';

/** Where the client gets its bearer token; implemented by the auth layer (refresh, single-flight). */
export interface AccessTokenProvider {
  getAccessToken(): Promise<string>;
  /**
   * Called once after a 401 with the token that was refused. Returns a token to retry with
   * (refreshed, or already refreshed by another caller), or throws KommoAuthRequiredError.
   */
  handleUnauthorized(rejectedToken: string): Promise<string>;
}

export interface KommoClientOptions {
  /** The account's own host, e.g. `acme.kommo.com`: the limiter's key and the default base URL. */
  accountHost: string;
  /** Overrides `https://{accountHost}` (the simulator, a proxy). */
  baseUrl?: string | null;
  auth: AccessTokenProvider;
  log?: Logger;
  clock?: Clock;
  random?: Random;
  /** Gates are per host and shared by every client in the process unless a test passes its own. */
  gates?: HostGateRegistry;
  transport?: Transport;
  retry?: Partial<RetryPolicy>;
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

export interface NoteInput {
  entity_id: number;
  note_type: string;
  params: Record<string, unknown>;
  [field: string]: unknown;
}

export interface TaskInput {
  text: string;
  /** Unix seconds. */
  complete_till: number;
  entity_id?: number;
  entity_type?: 'leads' | 'contacts' | 'companies' | 'customers';
  responsible_user_id?: number;
  task_type_id?: number;
  [field: string]: unknown;
}

export type LeadPatch = Partial<Omit<KommoLead, 'id' | '_embedded'>> & { [field: string]: unknown };

const WRITE_BATCH = 50;

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
  private readonly listeners = new Set<(state: KommoClientState) => void>();
  private lastState = '';
  private latestServerTime: number | null = null;
  private readonly unsubscribeGate: () => void;

  constructor(options: KommoClientOptions) {
    this.accountHost = options.accountHost.toLowerCase();
    this.baseUrl = resolveBaseUrl(this.accountHost, options.baseUrl);
    this.auth = options.auth;
    this.log = (options.log ?? silentLogger).child('kommo');
    this.clock = options.clock ?? systemClock;
    this.http = httpDeps({
      accountHost: this.accountHost,
      baseUrl: this.baseUrl,
      gates: options.gates ?? sharedGates,
      transport: options.transport ?? sharedTransport(),
      clock: this.clock,
      random: options.random ?? Math.random,
      retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
      log: this.log,
      onReachability: (error) => this.setOffline(error),
    });
    this.gate = this.http.gate;
    this.lastState = JSON.stringify(this.state());
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
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
    this.listeners.clear();
  }

  // ── Lists ────────────────────────────────────────────────────────────────────────────────

  /** One page: the first for `params`, or the one a previous page's `next` points to. */
  async fetchPage<R extends ListResourceName>(resource: R, request: ListParams | { cursor: PageCursor } = {}): Promise<KommoPage<ListItem<R>>> {
    const spec = LIST_RESOURCES[resource];
    const pathAndQuery = 'cursor' in request ? this.checkCursor(request.cursor, spec.path) : `${spec.path}?${this.listQuery(spec, request)}`;
    const { status, json, serverTime } = await this.call({ method: 'GET', pathAndQuery, idempotent: true });
    if (status === 204 || json === null) return { items: [], next: null, skipped: [], page: null, serverTime };
    const envelope = readPageEnvelope(json, spec.key, status, spec.path);
    const { items, skipped } = parseRecords(envelope.records, spec.schema as never, resource, this.log) as { items: ListItem<R>[]; skipped: SkippedRecord[] };
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
      if (seen.has(page.next)) throw new KommoMalformedResponseError(200, LIST_RESOURCES[resource].path, 'pagination loops back to a page already read');
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
    const { status, json } = await this.call({ method: 'GET', pathAndQuery: `/api/v4/account${query}`, idempotent: true });
    const parsed = accountSchema.safeParse(json);
    if (!parsed.success) throw new KommoMalformedResponseError(status, '/api/v4/account', 'not an account');
    return parsed.data;
  }

  /** Pipelines with their statuses (one request; Kommo does not paginate them). */
  async getPipelines(): Promise<KommoPipeline[]> {
    const { status, json } = await this.call({ method: 'GET', pathAndQuery: '/api/v4/leads/pipelines', idempotent: true });
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

  // ── Writes ───────────────────────────────────────────────────────────────────────────────

  /** POST /api/v4/{entity}/notes. Not retried after it may have reached Kommo (it would add the note twice). */
  async addNotes(entityType: 'leads' | 'contacts' | 'companies', notes: NoteInput[]): Promise<KommoWrittenItem[]> {
    return this.postBatches(`/api/v4/${entityType}/notes`, 'notes', notes);
  }

  async addNote(entityType: 'leads' | 'contacts' | 'companies', entityId: number, text: string): Promise<KommoWrittenItem> {
    const [note] = await this.addNotes(entityType, [{ entity_id: entityId, note_type: 'common', params: { text } }]);
    if (!note) throw new KommoMalformedResponseError(200, `/api/v4/${entityType}/notes`, 'no note in the answer');
    return note;
  }

  /** POST /api/v4/tasks. Not retried after it may have reached Kommo. */
  async createTasks(tasks: TaskInput[]): Promise<KommoWrittenItem[]> {
    return this.postBatches('/api/v4/tasks', 'tasks', tasks);
  }

  async createTask(task: TaskInput): Promise<KommoWrittenItem> {
    const [created] = await this.createTasks([task]);
    if (!created) throw new KommoMalformedResponseError(200, '/api/v4/tasks', 'no task in the answer');
    return created;
  }

  /**
   * PATCH /api/v4/leads in batches of 50. Setting fields is idempotent, so it is retried; a 504
   * (batch too slow for Kommo) splits the batch in two.
   */
  async updateLeads(patches: Array<LeadPatch & { id: number }>): Promise<KommoWrittenItem[]> {
    const results: KommoWrittenItem[] = [];
    for (let start = 0; start < patches.length; start += WRITE_BATCH) {
      results.push(...(await this.patchLeadBatch(patches.slice(start, start + WRITE_BATCH))));
    }
    return results;
  }

  /** PATCH /api/v4/leads/{id} with an object; Kommo answers `{ id, updated_at }`. */
  async updateLead(id: number, patch: LeadPatch): Promise<KommoWrittenItem> {
    const path = `/api/v4/leads/${id}`;
    const { status, json } = await this.call({ method: 'PATCH', pathAndQuery: path, body: patch, idempotent: true });
    const parsed = writtenItemSchema.safeParse(json);
    if (!parsed.success) throw new KommoMalformedResponseError(status, path, 'no id in the answer');
    return parsed.data;
  }

  // ── Internals ────────────────────────────────────────────────────────────────────────────

  private async patchLeadBatch(batch: Array<LeadPatch & { id: number }>): Promise<KommoWrittenItem[]> {
    try {
      const { status, json } = await this.call({ method: 'PATCH', pathAndQuery: '/api/v4/leads', body: batch, idempotent: true });
      return this.writtenItems(json, 'leads', status, '/api/v4/leads');
    } catch (error) {
      if (!(error instanceof KommoServerError && error.status === 504 && batch.length > 1)) throw error;
      const half = Math.ceil(batch.length / 2);
      this.log.info('504 on a batch update: splitting it', { size: batch.length });
      return [...(await this.patchLeadBatch(batch.slice(0, half))), ...(await this.patchLeadBatch(batch.slice(half)))];
    }
  }

  private async postBatches(path: string, key: string, items: Array<Record<string, unknown>>): Promise<KommoWrittenItem[]> {
    const results: KommoWrittenItem[] = [];
    for (let start = 0; start < items.length; start += WRITE_BATCH) {
      const batch = items.slice(start, start + WRITE_BATCH).map((item, index) => ({ request_id: String(start + index), ...item }));
      const { status, json } = await this.call({ method: 'POST', pathAndQuery: path, body: batch, idempotent: false });
      results.push(...this.writtenItems(json, key, status, path));
    }
    return results;
  }

  private writtenItems(json: unknown, key: string, status: number, path: string): KommoWrittenItem[] {
    const envelope = readPageEnvelope(json, key, status, path);
    return parseRecords(envelope.records, writtenItemSchema, `${key} result`, this.log).items;
  }

  private async getOne<T>(path: string, withParts: string[], schema: ZodType<T>, kind: string): Promise<T | null> {
    const query = withParts.length ? `?${encodeQuery({ with: withParts.join(',') })}` : '';
    const { status, json } = await this.call({ method: 'GET', pathAndQuery: `${path}${query}`, idempotent: true });
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

  /** Bearer auth, one refresh on a 401, and status → typed error. Returns the parsed JSON (null for 204). */
  private async call(call: Omit<HttpCall, 'headers'>): Promise<{ status: number; json: unknown; serverTime: number | null }> {
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
      throw this.statusError(response.status, response.body, looksLikeJson(response), path);
    }
  }

  private statusError(status: number, body: string, isJson: boolean, path: string): KommoError {
    let json: { 'validation-errors'?: unknown; detail?: unknown } = {};
    if (isJson) {
      try {
        json = JSON.parse(body) as typeof json;
      } catch {
        json = {};
      }
    }
    switch (status) {
      case 400:
      case 422:
        return new KommoValidationError(status, validationIssues(json['validation-errors']), typeof json.detail === 'string' ? json.detail : null);
      case 402:
        return new KommoPaymentRequiredError();
      case 403:
        return new KommoForbiddenError(path);
      case 404:
        return new KommoNotFoundError(path);
      default:
        this.log.warn('Unexpected answer from Kommo', { path, status, excerpt: bodyExcerpt(body) });
        return new KommoUnexpectedStatusError(status, path);
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
    const state = this.state();
    const text = JSON.stringify(state);
    if (text === this.lastState) return;
    this.lastState = text;
    for (const listener of this.listeners) listener(state);
  }
}

/** `Date: Tue, 15 Nov 1994 08:12:31 GMT` → Unix seconds; null when absent or unreadable. */
export function serverTimeOf(dateHeader: string | null | undefined): number | null {
  if (!dateHeader) return null;
  const ms = Date.parse(dateHeader);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
}

function validationIssues(raw: unknown): KommoValidationIssue[] {
  if (!Array.isArray(raw)) return [];
  const text = (value: unknown): string | null => (value == null ? null : String(value));
  return raw.flatMap((group: { request_id?: unknown; errors?: unknown }) =>
    Array.isArray(group?.errors)
      ? group.errors.map((error: { code?: unknown; path?: unknown; detail?: unknown }) => ({
          requestId: text(group.request_id),
          code: text(error?.code),
          path: text(error?.path),
          detail: text(error?.detail),
        }))
      : [],
  );
}

let transport: Transport | null = null;
/** One undici agent for the process: its keep-alive pool is shared by every client. */
export function sharedTransport(): Transport {
  transport ??= createUndiciTransport();
  return transport;
}
