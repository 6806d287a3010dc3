import type { EventName, Events, RequestArgs, RequestName, RequestValue } from './contract';
import type { Result } from './result';

/** Electron IPC channel names, derived from the contract so they are never spelled twice. */
export const requestChannel = (name: RequestName): string => `kommo:request:${name}`;
export const eventChannel = (name: EventName): string => `kommo:event:${name}`;

/** The global the preload defines in the renderer's main world. */
export const PRELOAD_GLOBAL = 'kommoMirror';

/**
 * What the preload exposes: one function per request of the contract and a subscription to
 * the contract's events. Nothing else of Electron reaches the page.
 */
export interface PreloadApi {
  readonly requests: {
    readonly [K in RequestName]: (args: RequestArgs<K>) => Promise<Result<RequestValue<K>>>;
  };
  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void;
}
