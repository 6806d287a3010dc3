import { type ControlHandler } from '../http/dispatch';
import { readBody } from '../http/body';
import { NotFoundError } from '../state/mutations';
import { type Control } from './control';
import { type SimControl } from './types';

/** Every SimControl method, served as POST /__sim/{name} (JSON body = the argument object). */
const METHODS: ReadonlyArray<keyof SimControl> = [
  'create',
  'update',
  'delete',
  'restore',
  'moveStatus',
  'reassign',
  'tag',
  'untag',
  'link',
  'unlink',
  'addNote',
  'deleteNote',
  'addTask',
  'completeTask',
  'editTask',
  'deleteTask',
  'now',
  'advanceClock',
  'freezeClock',
  'unfreezeClock',
  'setFaults',
  'clearFaults',
  'block',
  'unblock',
  'revokeTokens',
  'revokeToken',
  'registerIntegration',
  'setRedirectUri',
  'setAutoApprove',
  'authorize',
  'issueLongLivedToken',
  'corrupt',
  'clearCorruptions',
  'mutateDuringPagination',
  'paginationStatus',
  'setActivity',
  'activityTick',
  'requestLog',
  'counters',
  'resetCounters',
  'snapshot',
  'behaviour',
  'setBehaviour',
  'webhookDeliveries',
  'flushWebhooks',
];

/** These may also be read with GET /__sim/{name}?account=…&limit=…. */
const READ_ONLY = new Set<string>(['now', 'paginationStatus', 'requestLog', 'counters', 'snapshot', 'behaviour', 'webhookDeliveries']);

function fromQuery(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of params) out[k] = /^-?\d+$/.test(v) ? Number(v) : v === 'true' ? true : v === 'false' ? false : v;
  return out;
}

/**
 * The HTTP twin of SimControl under /__sim/ (also under /a/{sub}/__sim/, which fills in
 * `account`). Answers plain JSON; errors are `{"error": message}` with 400 or 404.
 */
export function controlHttp(control: Control): ControlHandler {
  const table = control as unknown as Record<string, (args: Record<string, unknown>) => unknown>;
  return async (req, reply, path, params, account) => {
    const name = path.replace(/^\/+|\/+$/g, '');
    const method = req.method ?? 'GET';
    if (name === '') return reply.json(200, { methods: METHODS, readOnly: [...READ_ONLY] });
    if (!(METHODS as readonly string[]).includes(name)) return reply.json(404, { error: `no control method ${name}` });
    let args: Record<string, unknown>;
    if (method === 'GET') {
      if (!READ_ONLY.has(name)) return reply.json(405, { error: `${name} needs POST` });
      args = fromQuery(params);
    } else if (method === 'POST') {
      const text = await readBody(req);
      try {
        const parsed: unknown = text.trim() === '' ? {} : JSON.parse(text);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          return reply.json(400, { error: 'the body must be a JSON object' });
        args = parsed as Record<string, unknown>;
      } catch {
        return reply.json(400, { error: 'the body is not JSON' });
      }
    } else return reply.json(405, { error: 'use GET or POST' });
    if (account !== null && args.account === undefined) args.account = account;
    try {
      const result = await table[name]?.call(control, args);
      reply.json(200, result === undefined ? { ok: true } : result);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      reply.json(e instanceof NotFoundError ? 404 : 400, { error: message });
    }
  };
}
