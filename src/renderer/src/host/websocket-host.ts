import {
  BRIDGE_CLOSE_NO_ACCESS,
  BRIDGE_PATH,
  BRIDGE_SECRET_PARAM,
  type ClientMessage,
  type ServerMessage,
} from '../../../common/bridge-protocol';
import type { EventName, Events, HostApi } from '../../../common/contract';
import { fail, type Result } from '../../../common/result';

const SECRET_STORAGE_KEY = 'kommo-mirror.bridge-secret';
const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 5000];
/** How long a request waits for a (re)connection before it reports the host unreachable. */
const CONNECT_WAIT_MS = 5000;
const HOST_LOST = 'The connection to the Kommo Mirror host was lost. Is `npm run web` still running?';
const NO_ACCESS = 'This address lacks the access key of the running `npm run web`; open the address it printed.';

/**
 * The web preview's host: the same contract over a WebSocket to the headless process that
 * served this page. The per-launch secret arrives in the page URL; it is moved to session storage
 * and taken out of the address bar so it does not linger in history or screenshots. Without the
 * right key the host closes the socket with BRIDGE_CLOSE_NO_ACCESS: retrying cannot help, so the
 * page stops and `onAccessRefused` lets it say why.
 */
export function websocketHost(location: Location = window.location, onAccessRefused: () => void = () => undefined): HostApi {
  const secret = takeSecret(location);
  const socketUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${BRIDGE_PATH}?${BRIDGE_SECRET_PARAM}=${encodeURIComponent(secret)}`;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let nextId = 1;
  let attempt = 0;
  let socket: WebSocket;
  let opened: Promise<void>;
  let refused = false;

  function connect(): void {
    socket = new WebSocket(socketUrl);
    opened = new Promise((resolve) => socket.addEventListener('open', () => resolve(), { once: true }));
    socket.addEventListener('open', () => {
      attempt = 0;
    });
    socket.addEventListener('message', (event) => receive(JSON.parse(String(event.data)) as ServerMessage));
    socket.addEventListener('close', (event) => {
      refused = event.code === BRIDGE_CLOSE_NO_ACCESS;
      for (const [id, settle] of pending) {
        pending.delete(id);
        settle(fail('offline', refused ? NO_ACCESS : HOST_LOST));
      }
      if (refused) return onAccessRefused();
      const delay = RECONNECT_DELAYS_MS[Math.min(attempt++, RECONNECT_DELAYS_MS.length - 1)];
      setTimeout(connect, delay);
    });
  }

  function receive(message: ServerMessage): void {
    if (message.kind === 'response') {
      pending.get(message.id)?.(message.result as Result<unknown>);
      pending.delete(message.id);
    } else {
      for (const listener of listeners.get(message.name as EventName) ?? []) listener(message.payload as never);
    }
  }

  connect();

  return {
    async request(name, args) {
      if (refused) return fail('offline', NO_ACCESS) as never;
      if (socket.readyState !== WebSocket.OPEN) {
        const timeout = new Promise<void>((resolve) => setTimeout(resolve, CONNECT_WAIT_MS));
        await Promise.race([opened, timeout]);
        if (socket.readyState !== WebSocket.OPEN) return fail('offline', refused ? NO_ACCESS : HOST_LOST) as never;
      }
      const id = nextId++;
      const result = new Promise<Result<unknown>>((resolve) => pending.set(id, resolve));
      socket.send(JSON.stringify({ kind: 'request', id, name, args } satisfies ClientMessage));
      return result as never;
    },
    on<E extends EventName>(name: E, listener: (payload: Events[E]) => void) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}

function takeSecret(location: Location): string {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get(BRIDGE_SECRET_PARAM);
  if (fromUrl) {
    sessionStorage.setItem(SECRET_STORAGE_KEY, fromUrl);
    url.searchParams.delete(BRIDGE_SECRET_PARAM);
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(SECRET_STORAGE_KEY) ?? '';
}
