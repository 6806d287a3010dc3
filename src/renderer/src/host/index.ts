import { electronHost } from './electron-host';
import { asHost, type Host } from './host';
import { websocketHost } from './websocket-host';

/** The renderer cannot tell its hosts apart: inside Electron the preload answers, else the bridge. */
export function connectToHost(): Host {
  return asHost(electronHost() ?? websocketHost());
}

export type { Host } from './host';
