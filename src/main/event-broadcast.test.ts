import { describe, expect, it } from 'vitest';
import { eventChannel } from '../common/ipc';
import type { EventName } from '../common/contract';
import { createEventBroadcaster, type EventTargetWindow } from './event-broadcast';
import { createSenderCheck } from './sender-check';

const RENDERER = 'file:///app/out/renderer/index.html';

function fakeWindow(url: string, destroyed = false) {
  const received: Array<[string, unknown]> = [];
  const window: EventTargetWindow = {
    isDestroyed: () => destroyed,
    webContents: { mainFrame: { url, parent: null }, send: (channel, payload) => received.push([channel, payload]) },
  };
  return { window, received };
}

describe('host events', () => {
  it('reach our own windows and never Kommo’s sign-in window', () => {
    const main = fakeWindow(`${RENDERER}#/leads`);
    const second = fakeWindow(RENDERER);
    const signIn = fakeWindow('https://www.kommo.com/oauth?client_id=x');
    const broadcast = createEventBroadcaster({
      windows: () => [main.window, signIn.window, second.window],
      isOurPage: createSenderCheck(RENDERER),
    });
    broadcast('open_entity', { entity: 'lead', id: 42 });
    expect(main.received).toEqual([[eventChannel('open_entity'), { entity: 'lead', id: 42 }]]);
    expect(second.received).toHaveLength(1);
    expect(signIn.received).toEqual([]);
  });

  it('skip a window that was navigated away, a destroyed one, and names outside the contract', () => {
    const elsewhere = fakeWindow('file:///tmp/evil/index.html');
    const closed = fakeWindow(RENDERER, true);
    const main = fakeWindow(RENDERER);
    const broadcast = createEventBroadcaster({
      windows: () => [elsewhere.window, closed.window, main.window],
      isOurPage: createSenderCheck(RENDERER),
    });
    broadcast('sync_status', { state: 'idle' });
    broadcast('not_an_event' as EventName, { secret: true });
    expect(elsewhere.received).toEqual([]);
    expect(closed.received).toEqual([]);
    expect(main.received.map(([channel]) => channel)).toEqual([eventChannel('sync_status')]);
  });

  it('skip a window whose page is gone instead of throwing into the core', () => {
    const crashed: EventTargetWindow = {
      isDestroyed: () => false,
      webContents: {
        get mainFrame(): never {
          throw new Error('Render frame was disposed before WebFrameMain could be accessed');
        },
        send: () => {
          throw new Error('unreachable');
        },
      },
    };
    const main = fakeWindow(RENDERER);
    const broadcast = createEventBroadcaster({ windows: () => [crashed, main.window], isOurPage: createSenderCheck(RENDERER) });
    expect(() => broadcast('sync_status', { state: 'idle' })).not.toThrow();
    expect(main.received).toHaveLength(1);
  });
});
