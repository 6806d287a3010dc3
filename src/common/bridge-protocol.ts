/**
 * Messages of the web preview's WebSocket bridge: the same contract as Electron IPC, framed as
 * JSON (kept free of zod so the renderer bundle stays small; the host validates). The renderer sends requests; the host answers each by id and pushes events.
 */
export const BRIDGE_PATH = '/bridge';
/** The query parameter that carries the per-launch secret, in the page URL and the socket URL. */
export const BRIDGE_SECRET_PARAM = 'k';
/**
 * The largest message the host reads. The biggest request the contract accepts (a settings patch
 * at the UI-state cap, a filter with every id list full) is far below it; a bigger frame closes
 * the socket with 1009.
 */
export const BRIDGE_MAX_MESSAGE_BYTES = 1024 * 1024;
/** Close code (application range) for a socket without the right access key: the page stops retrying. */
export const BRIDGE_CLOSE_NO_ACCESS = 4403;

export interface ClientMessage {
  kind: 'request';
  id: number;
  name: string;
  args: unknown;
}

export type ServerMessage = { kind: 'response'; id: number; result: unknown } | { kind: 'event'; name: string; payload: unknown };
