import type { z } from 'zod';
import type { Result } from '../result';
import type { RequestSpec } from './define';
import { appRequests } from './app';
import { authRequests } from './auth';
import { events, type EventSpec } from './events';
import { exportRequests } from './export';
import { mirrorRequests } from './mirror';
import { settingsRequests } from './settings';
import { syncRequests } from './sync';

/**
 * The one contract between a renderer and its host (Electron IPC or the web preview's WebSocket).
 * Each domain declares its requests in its own file; this object is the union the hosts register
 * and the preload exposes. A request missing a handler is a compile error in every host.
 */
export const requests = {
  ...appRequests,
  ...mirrorRequests,
  ...authRequests,
  ...settingsRequests,
  ...syncRequests,
  ...exportRequests,
};

export type Requests = typeof requests;
export type RequestName = keyof Requests;
export const REQUEST_NAMES = Object.keys(requests) as RequestName[];

/** What a caller passes (before defaults are applied). */
export type RequestArgs<K extends RequestName> = z.input<Requests[K]['args']>;
/** What a handler receives (after validation). */
export type ParsedArgs<K extends RequestName> = z.output<Requests[K]['args']>;
export type RequestValue<K extends RequestName> = Requests[K] extends RequestSpec<z.ZodType, infer V> ? V : never;

export { events };
export type EventName = keyof typeof events;
export const EVENT_NAMES = Object.keys(events) as EventName[];
/** Event name → payload type. */
export type Events = {
  [E in EventName]: (typeof events)[E] extends EventSpec<infer P> ? P : never;
};

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.hasOwn(requests, name);
}

/** Everything a renderer can do with its host. Both hosts' bridges implement exactly this. */
export interface HostApi {
  request<K extends RequestName>(name: K, args: RequestArgs<K>): Promise<Result<RequestValue<K>>>;
  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void;
}

/** A handler per request; the hosts run them after validating the argument. */
export type Handlers = {
  [K in RequestName]: (args: ParsedArgs<K>) => Promise<RequestValue<K>>;
};
