import type { HostApi } from '../../../shared/contract';
import { PRELOAD_GLOBAL, type PreloadApi } from '../../../shared/ipc';

/** The Electron host, reached through the functions the preload put on `window`. */
export function electronHost(): HostApi | null {
  const api = (window as unknown as Record<string, PreloadApi | undefined>)[PRELOAD_GLOBAL];
  if (!api) return null;
  return {
    request: (name, args) => api.requests[name](args),
    on: (name, listener) => api.on(name, listener),
  };
}
