/**
 * The preload: the only bridge between the sandboxed page and the main process. It exposes one
 * function per request of the contract and a subscription to the contract's events; the page
 * never sees ipcRenderer, and a name outside the contract cannot be reached.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { REQUEST_NAMES, isEventName } from '../common/contract';
import { eventChannel, PRELOAD_GLOBAL, requestChannel, type PreloadApi } from '../common/ipc';

const requests = Object.fromEntries(
  REQUEST_NAMES.map((name) => [name, (args: unknown) => ipcRenderer.invoke(requestChannel(name), args)]),
) as unknown as PreloadApi['requests'];

const api: PreloadApi = {
  requests,
  on(name, listener) {
    if (!isEventName(name)) throw new Error(`Unknown event ${String(name)}`);
    const channel = eventChannel(name);
    // Only the payload crosses; the IpcRendererEvent (which holds `sender`) stays here.
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload as never);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
};

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, api);
