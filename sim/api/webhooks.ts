import { at } from '../http/query';
import { type WebhookRecord } from '../model/types';
import { BodyError, type ApiContext, type Handler } from './context';
import { ERR, type FieldError, isObject } from './write-validation';

const LIMIT = 100;

function isAdmin(ctx: ApiContext): boolean {
  return ctx.acct.state.user(ctx.userId)?.rights.is_admin ?? false;
}

function hookToApi(h: WebhookRecord): Record<string, unknown> {
  return { ...h };
}

async function body(ctx: ApiContext): Promise<Record<string, unknown> | null> {
  try {
    const b = await ctx.readJson();
    if (isObject(b)) return b;
  } catch (e) {
    if (!(e instanceof BodyError)) throw e;
  }
  ctx.reply.badRequest('Request data can not be empty');
  return null;
}

/** GET /api/v4/webhooks (admin only; docs/kommo-api.md §15.1). */
export const listWebhooks: Handler = (ctx) => {
  if (!isAdmin(ctx)) return ctx.reply.problem(403, 'Forbidden', 'Access denied');
  const destination = at(ctx.query, 'filter', 'destination');
  const hooks = ctx.acct.state.webhooks.filter((h) => typeof destination !== 'string' || h.destination === destination);
  if (hooks.length === 0) return ctx.reply.noContent();
  ctx.reply.hal(200, {
    _total_items: hooks.length,
    _links: { self: ctx.links.href('/api/v4/webhooks', ctx.rawQuery) },
    _embedded: { webhooks: hooks.map(hookToApi) },
  });
};

/** POST /api/v4/webhooks: returns the single webhook object, not `_embedded`. */
export const subscribeWebhook: Handler = async (ctx) => {
  if (!isAdmin(ctx)) return ctx.reply.problem(403, 'Forbidden', 'Access denied');
  const b = await body(ctx);
  if (!b) return;
  const errors: FieldError[] = [];
  let url: URL | null = null;
  try {
    url = typeof b.destination === 'string' ? new URL(b.destination) : null;
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    errors.push(b.destination === undefined ? ERR.required('destination') : ERR.type('destination', 'url'));
  const settings = b.settings;
  if (!Array.isArray(settings) || settings.length === 0 || settings.some((x) => typeof x !== 'string' || !/^[a-z_]+$/.test(x)))
    errors.push(ERR.choice('settings'));
  if (b.sort !== undefined && (typeof b.sort !== 'number' || !Number.isInteger(b.sort))) errors.push(ERR.type('sort', 'int'));
  if (errors.length > 0) return ctx.reply.validation([{ request_id: '0', errors }]);
  const s = ctx.acct.state;
  const now = s.now();
  const existing = s.webhooks.find((h) => h.destination === b.destination);
  if (existing) {
    existing.settings = [...new Set(settings as string[])];
    existing.sort = typeof b.sort === 'number' ? b.sort : existing.sort;
    existing.disabled = false;
    existing.updated_at = now;
    return ctx.reply.hal(200, hookToApi(existing));
  }
  if (s.webhooks.length >= LIMIT) return ctx.reply.problem(400, 'Bad Request', `Webhooks limit (${LIMIT}) exceeded`);
  const hook: WebhookRecord = {
    id: s.newId('webhook'),
    destination: b.destination as string,
    created_at: now,
    updated_at: now,
    account_id: s.info.id,
    created_by: ctx.userId,
    sort: typeof b.sort === 'number' ? b.sort : 1,
    disabled: false,
    settings: [...new Set(settings as string[])],
  };
  s.webhooks.push(hook);
  ctx.reply.hal(200, hookToApi(hook));
};

/** DELETE /api/v4/webhooks with a JSON body `{destination}`: the key is the destination, not an id. */
export const unsubscribeWebhook: Handler = async (ctx) => {
  if (!isAdmin(ctx)) return ctx.reply.problem(403, 'Forbidden', 'Access denied');
  const b = await body(ctx);
  if (!b) return;
  if (typeof b.destination !== 'string') return ctx.reply.validation([{ request_id: '0', errors: [ERR.required('destination')] }]);
  const hooks = ctx.acct.state.webhooks;
  const index = hooks.findIndex((h) => h.destination === b.destination);
  if (index >= 0) hooks.splice(index, 1);
  ctx.reply.noContent();
};
