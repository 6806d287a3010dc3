import type { Page } from 'playwright-core';

/**
 * The in-page half of the renderer benchmark. It is installed before the app's own scripts, so it
 * can wrap the WebSocket the app talks to its host through, and it takes every timestamp with the
 * page's own performance.now(): Playwright's round trips to the browser never count.
 *
 * "Rendered" means painted: the first animation frame in which the grid's DOM shows the new
 * result, plus that frame's style, layout and paint. The frame is found by checking the DOM in a
 * requestAnimationFrame callback (which runs just before the frame's rendering); a message posted
 * from that callback is delivered only after the rendering step, and its arrival is the end time.
 */

import type { FilterTiming, InputTrigger, LiveTiming, ProbeApi, ProbeElement, ProbeGlobal, ProbeHost } from './probe-types';

export type { FilterTiming, InputTrigger, LiveTiming } from './probe-types';

/**
 * Runs in the page (serialized with toString, so it may use nothing from outside its own body).
 */
function installProbe(): void {
  const page = globalThis as unknown as ProbeGlobal;
  const now = () => page.performance.now();

  interface RequestRecord {
    name: string;
    offset: number | null;
    sentAt: number;
    respondedAt: number | null;
    rows: number[] | null;
    total: number | null;
  }
  interface Watch<T> {
    resolve(value: T): void;
    reject(error: Error): void;
    promise: Promise<T>;
    timer: number;
  }
  const requests = new Map<number, RequestRecord>();
  let lastActivity = now();
  let filter:
    | (Watch<FilterTiming> & { triggers: InputTrigger[]; input: { at: number; type: InputTrigger } | null; request: RequestRecord | null })
    | null = null;
  let live:
    | (Watch<LiveTiming> & { leadId: number; name: string; arrivedAt: number | null; arrivedEpoch: number; request: RequestRecord | null })
    | null = null;

  function watch<T>(timeoutMs: number, what: string): Watch<T> {
    let resolve!: (value: T) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<T>((yes, no) => {
      resolve = yes;
      reject = no;
    });
    // Playwright reports a rejection only if someone awaits it; keep an unawaited one quiet.
    promise.catch(() => undefined);
    const timer = page.setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    return { resolve, reject, promise, timer };
  }

  /** Calls `done` with the first frame in which `shows()` holds, and the moment after that frame was painted. */
  function whenPainted(shows: () => boolean, done: (frameAt: number, paintedAt: number) => void): void {
    const frame = () => {
      if (!shows()) {
        page.requestAnimationFrame(frame);
        return;
      }
      const frameAt = now();
      const channel = new page.MessageChannel();
      channel.port1.onmessage = () => done(frameAt, now());
      channel.port2.postMessage(null);
    };
    page.requestAnimationFrame(frame);
  }

  const grid = () => page.document.querySelector('[data-testid="leads-table"]');
  const gridRows = (element: ProbeElement) => Array.from(element.querySelectorAll('.grid-body > [role="row"]'));

  /** The grid shows `total` and, in every rendered row of the first page, the lead the host answered for that position. */
  function showsResult(total: number, ids: readonly number[]): boolean {
    const element = grid();
    if (!element || element.getAttribute('aria-rowcount') !== String(total + 1)) return false;
    const rows = gridRows(element);
    if (total === 0) return rows.length === 0 && element.querySelector('.grid-empty') !== null;
    let showsFirst = false;
    for (const row of rows) {
      const index = Number(row.getAttribute('aria-rowindex')) - 2;
      if (index >= ids.length) continue;
      // A row still loading has no data-id, so it fails here too.
      if (row.getAttribute('data-id') !== String(ids[index])) return false;
      if (index === 0) showsFirst = true;
    }
    return showsFirst;
  }

  function showsName(leadId: number, name: string): boolean {
    const cell = grid()?.querySelector(`.grid-body > [role="row"][data-id="${leadId}"] [aria-colindex="1"]`);
    return cell?.textContent === name;
  }

  for (const type of ['click', 'keydown', 'input'] as const) {
    page.addEventListener(
      type,
      (event) => {
        // Inputs after the query left are not what started it.
        if (!filter || filter.request || !filter.triggers.includes(type)) return;
        filter.input = { at: event.timeStamp > 0 ? event.timeStamp : now(), type };
      },
      true,
    );
  }

  function sent(text: string): void {
    lastActivity = now();
    const message = JSON.parse(text) as { id: number; name: string; args?: { offset?: number } };
    const record: RequestRecord = {
      name: message.name,
      offset: message.args?.offset ?? null,
      sentAt: lastActivity,
      respondedAt: null,
      rows: null,
      total: null,
    };
    requests.set(message.id, record);
    if (record.name !== 'leads.list') return;
    // A newer first page replaces an older one: the grid shows the newest query.
    if (filter?.input && record.offset === 0) filter.request = record;
    if (live && live.arrivedAt !== null && !live.request) live.request = record;
  }

  function received(text: string): void {
    lastActivity = now();
    // The host writes `kind` then `id` or `name` first; only a watched answer is parsed in full.
    const head = /^\{"kind":"(?:response","id":(\d+)|event","name":"([^"]+)")/.exec(text);
    if (!head) return;
    if (head[1] !== undefined) {
      const record = requests.get(Number(head[1]));
      if (!record) return;
      requests.delete(Number(head[1]));
      record.respondedAt = lastActivity;
      if (filter && record === filter.request) filterAnswered(filter, record, text);
      return;
    }
    if (head[2] === 'lead_update' && live && live.arrivedAt === null) {
      live.arrivedAt = lastActivity;
      live.arrivedEpoch = page.performance.timeOrigin + lastActivity;
      const watching = live;
      whenPainted(
        () => showsName(watching.leadId, watching.name),
        (frameAt, paintedAt) => {
          page.clearTimeout(watching.timer);
          watching.resolve({
            arrivedAt: watching.arrivedAt!,
            arrivedEpoch: watching.arrivedEpoch,
            sentAt: watching.request?.sentAt ?? null,
            respondedAt: watching.request?.respondedAt ?? null,
            frameAt,
            paintedAt,
          });
        },
      );
    }
  }

  function filterAnswered(watching: NonNullable<typeof filter>, record: RequestRecord, text: string): void {
    const message = JSON.parse(text) as { result: { ok: boolean; value?: { total: number; rows: Array<{ id: number }> } } };
    if (!message.result.ok || !message.result.value) {
      watching.reject(new Error(`leads.list failed: ${text.slice(0, 300)}`));
      return;
    }
    const { total, rows } = message.result.value;
    record.total = total;
    record.rows = rows.map((row) => row.id);
    const ids = record.rows;
    whenPainted(
      () => showsResult(total, ids),
      (frameAt, paintedAt) => {
        // A newer query may have replaced this one meanwhile; its own answer finishes the watch.
        if (watching.request !== record) return;
        page.clearTimeout(watching.timer);
        watching.resolve({
          inputAt: watching.input!.at,
          inputType: watching.input!.type,
          sentAt: record.sentAt,
          respondedAt: record.respondedAt!,
          frameAt,
          paintedAt,
          total,
        });
      },
    );
  }

  const Native = page.WebSocket;
  class ProbedSocket extends Native {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      // Added before the app's own listener, so arrival times precede the app's handling.
      this.addEventListener('message', (event) => received(String(event.data)));
    }
    override send(data: string): void {
      sent(data);
      super.send(data);
    }
  }
  page.WebSocket = ProbedSocket;

  const api: ProbeApi = {
    armFilter(triggers, timeoutMs) {
      filter = { ...watch<FilterTiming>(timeoutMs, `a ${triggers.join('/')} to change the rows`), triggers, input: null, request: null };
    },
    filterResult: () => filter!.promise,
    armLive(leadId, name, timeoutMs) {
      live = {
        ...watch<LiveTiming>(timeoutMs, `lead ${leadId} to show "${name}"`),
        leadId,
        name,
        arrivedAt: null,
        arrivedEpoch: 0,
        request: null,
      };
    },
    liveResult: () => live!.promise,
    visibleLeadIds() {
      const element = grid();
      if (!element) return [];
      const box = element.getBoundingClientRect();
      const header = element.querySelector('.grid-head')?.getBoundingClientRect().bottom ?? box.top;
      return gridRows(element)
        .filter((row) => {
          const rect = row.getBoundingClientRect();
          return rect.top >= header && rect.bottom <= box.bottom;
        })
        .map((row) => Number(row.getAttribute('data-id')))
        .filter((id) => id > 0);
    },
    idle(quietMs) {
      return new Promise((resolve) => {
        const check = () => (requests.size === 0 && now() - lastActivity >= quietMs ? resolve() : page.setTimeout(check, 25));
        check();
      });
    },
  };
  (globalThis as unknown as ProbeHost).__rendererBench = api;
}

/**
 * The init script. tsx compiles with esbuild's keepNames, which wraps named functions in a
 * `__name(...)` helper that exists only in Node; the page gets a stand-in.
 */
const PROBE_SCRIPT = `var __name = (target) => target;\n(${installProbe.toString()})();`;

/** The Node half: arms the probe, collects its timings. */
export class PageProbe {
  private constructor(private readonly page: Page) {}

  /** Installs the probe for every document `page` loads from now on. */
  static async install(page: Page): Promise<PageProbe> {
    await page.addInitScript({ content: PROBE_SCRIPT });
    return new PageProbe(page);
  }

  async measureFilter(triggers: InputTrigger[], act: () => Promise<void>, timeoutMs: number): Promise<FilterTiming> {
    await this.page.evaluate(([t, ms]) => (globalThis as unknown as ProbeHost).__rendererBench.armFilter(t, ms), [
      triggers,
      timeoutMs,
    ] as const);
    await act();
    return this.page.evaluate(() => (globalThis as unknown as ProbeHost).__rendererBench.filterResult());
  }

  async measureLive(leadId: number, name: string, emit: () => void, timeoutMs: number): Promise<LiveTiming> {
    await this.page.evaluate(([id, text, ms]) => (globalThis as unknown as ProbeHost).__rendererBench.armLive(id, text, ms), [
      leadId,
      name,
      timeoutMs,
    ] as const);
    emit();
    return this.page.evaluate(() => (globalThis as unknown as ProbeHost).__rendererBench.liveResult());
  }

  visibleLeadIds(): Promise<number[]> {
    return this.page.evaluate(() => (globalThis as unknown as ProbeHost).__rendererBench.visibleLeadIds());
  }

  idle(quietMs: number): Promise<void> {
    return this.page.evaluate((ms) => (globalThis as unknown as ProbeHost).__rendererBench.idle(ms), quietMs);
  }
}
