import { REQUEST_NAMES } from '../common/contract';
import { requestChannel } from '../common/ipc';
import { fail } from '../common/result';
import type { RequestDispatcher } from '../core/host/dispatch';
import type { Logger } from '../core/log';
import type { SenderFrame } from './sender-check';

/** The part of Electron's ipcMain this module needs (injected so tests run without Electron). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: SenderFrame | null }, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface RegisterOptions {
  isTrustedSender(frame: SenderFrame | null): boolean;
  log: Logger;
}

/**
 * Registers a handler for every request of the contract, each through the same gate: our own
 * renderer as sender, then the contract's argument schema (inside dispatchRequest). Returns a
 * function that removes them all.
 */
export function registerContractHandlers(ipc: IpcMainLike, dispatch: RequestDispatcher, options: RegisterOptions): () => void {
  for (const name of REQUEST_NAMES) {
    ipc.handle(requestChannel(name), async (event, args) => {
      if (!options.isTrustedSender(event.senderFrame)) {
        options.log.warn('Refused IPC from a foreign frame', { request: name, url: event.senderFrame?.url ?? null });
        return fail('invalid_input', 'This window is not allowed to talk to Kommo Mirror.');
      }
      return dispatch(name, args);
    });
  }
  return () => {
    for (const name of REQUEST_NAMES) ipc.removeHandler(requestChannel(name));
  };
}
