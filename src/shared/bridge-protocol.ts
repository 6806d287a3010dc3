/**
 * Messages of the web preview's WebSocket bridge: the same contract as Electron IPC, framed as
 * JSON (kept free of zod so the renderer bundle stays small; the host validates). The renderer sends requests; the host answers each by id and pushes events.
 */
export const BRIDGE_PATH = '/bridge';
/** The query parameter that carries the per-launch secret, in the page URL and the socket URL. */
export const BRIDGE_SECRET_PARAM = 'k';

export interface ClientMessage {
  kind: 'request';
  id: number;
  name: string;
  args: unknown;
}

export type ServerMessage =
  | { kind: 'response'; id: number; result: unknown }
  | { kind: 'event'; name: string; payload: unknown };
