import { electronHost } from './electron-host';
import type { Host } from './host';
import { websocketHost } from './websocket-host';

/**
 * The renderer cannot tell its hosts apart: inside Electron the preload answers, else the bridge.
 * `onAccessRefused`: the web preview's host refused this page's access key (never in Electron).
 */
export function connectToHost(onAccessRefused?: () => void): Host {
  return electronHost() ?? websocketHost(window.location, onAccessRefused);
}

export type { Host } from './host';
