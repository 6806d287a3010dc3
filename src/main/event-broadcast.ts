import { isEventName, type EventName } from '../common/contract';
import { eventChannel } from '../common/ipc';
import type { SenderFrame } from './sender-check';

/** The part of Electron's BrowserWindow the broadcaster uses (injected so it is tested under Node). */
export interface EventTargetWindow {
  isDestroyed(): boolean;
  readonly webContents: {
    readonly mainFrame: SenderFrame | null;
    send(channel: string, payload: unknown): void;
  };
}

export interface EventBroadcasterDeps {
  /** Every open window (Electron's BrowserWindow.getAllWindows). */
  windows(): readonly EventTargetWindow[];
  /** The IPC sender check: the same rule decides who may ask and who is told. */
  isOurPage(frame: SenderFrame | null): boolean;
}

/**
 * Sends the contract's events only to windows showing our renderer in their top frame. Other
 * windows (Kommo's sign-in window, any page a window was somehow moved to) never receive the
 * mirror's data: a lead update names customers.
 */
export function createEventBroadcaster(deps: EventBroadcasterDeps): (name: EventName, payload: unknown) => void {
  return (name, payload) => {
    if (!isEventName(name)) return;
    for (const window of deps.windows()) {
      if (showsOurPage(window, deps.isOurPage)) window.webContents.send(eventChannel(name), payload);
    }
  };
}

/**
 * Electron throws when a frame is read while its renderer is gone (a crash, a reload under way);
 * such a window is skipped, and the core's emit, which runs inside the sync loop, never throws.
 */
function showsOurPage(window: EventTargetWindow, isOurPage: EventBroadcasterDeps['isOurPage']): boolean {
  try {
    return !window.isDestroyed() && isOurPage(window.webContents.mainFrame);
  } catch {
    return false;
  }
}
