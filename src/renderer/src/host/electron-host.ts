import type { HostApi } from '../../../common/contract';
import { PRELOAD_GLOBAL, type PreloadApi } from '../../../common/ipc';
import { fail } from '../../../common/result';

/** The Electron host, reached through the functions the preload put on `window`. */
export function electronHost(): HostApi | null {
  const api = (window as unknown as Record<string, PreloadApi | undefined>)[PRELOAD_GLOBAL];
  if (!api) return null;
  const requests = api.requests as unknown as Record<string, ((args: unknown) => Promise<never>) | undefined>;
  return {
    // A name the preload does not expose answers like the web bridge does for an unknown name,
    // instead of throwing a TypeError.
    request: (name, args) => requests[name]?.(args) ?? Promise.resolve(fail('invalid_input', `Unknown request "${name}".`) as never),
    on: (name, listener) => api.on(name, listener),
  };
}
