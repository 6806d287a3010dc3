import type { HostApi } from '../../../shared/contract';
import { electronHost } from './electron-host';
import { websocketHost } from './websocket-host';

/** The renderer cannot tell its hosts apart: inside Electron the preload answers, else the bridge. */
export function connectToHost(): HostApi {
  return electronHost() ?? websocketHost();
}
