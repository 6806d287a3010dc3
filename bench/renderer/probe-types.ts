/** What the renderer benchmark's in-page probe measures, and the browser shapes it touches. */

/** The DOM events that count as the user's input for a change. */
export type InputTrigger = 'click' | 'keydown' | 'input';

/** One filter change, from the user's input to the painted rows (page clock, milliseconds). */
export interface FilterTiming {
  /** The input event's own timestamp (when the browser received it). */
  inputAt: number;
  inputType: InputTrigger;
  /** The new query's first page (`leads.list`, offset 0) left the page, and its answer arrived. */
  sentAt: number;
  respondedAt: number;
  /** The frame that first showed the new rows, and the moment just after it was painted. */
  frameAt: number;
  paintedAt: number;
  total: number;
}

/** One live update, from the `lead_update` event's arrival to the painted row (page clock). */
export interface LiveTiming {
  arrivedAt: number;
  /** The same moment on the wall clock (performance.timeOrigin + now), to compare with the host's emit. */
  arrivedEpoch: number;
  /** The refresh's `leads.list` request and its answer (null if the rows came without one). */
  sentAt: number | null;
  respondedAt: number | null;
  frameAt: number;
  paintedAt: number;
}

export interface ProbeApi {
  /** Watches for the next filter change: the last `triggers` event before the new query's request starts the clock. */
  armFilter(triggers: InputTrigger[], timeoutMs: number): void;
  filterResult(): Promise<FilterTiming>;
  /** Watches for the next `lead_update` and the row `leadId` showing `name`. */
  armLive(leadId: number, name: string, timeoutMs: number): void;
  liveResult(): Promise<LiveTiming>;
  /** Ids of the lead rows wholly inside the grid's viewport. */
  visibleLeadIds(): number[];
  /** Resolves once no request has been in flight for `quietMs`. */
  idle(quietMs: number): Promise<void>;
}

export interface ProbeHost {
  __rendererBench: ProbeApi;
}

// The bench's tsconfig has no DOM library (it runs under Node); these are the few browser shapes
// the probe touches.
export interface ProbeElement {
  getAttribute(name: string): string | null;
  querySelector(selectors: string): ProbeElement | null;
  querySelectorAll(selectors: string): ArrayLike<ProbeElement>;
  getBoundingClientRect(): { top: number; bottom: number };
  readonly textContent: string | null;
}
export interface ProbeSocket {
  send(data: string): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}
export interface ProbeGlobal {
  document: ProbeElement;
  performance: { now(): number; timeOrigin: number };
  WebSocket: new (url: string, protocols?: string | string[]) => ProbeSocket;
  MessageChannel: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(message: unknown): void } };
  requestAnimationFrame(callback: () => void): number;
  addEventListener(type: string, listener: (event: { timeStamp: number }) => void, capture: boolean): void;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
}
