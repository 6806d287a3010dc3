import { pageLinks } from '../http/links';
import { intList } from '../http/query';
import { TAG_COLORS } from '../generate/metadata';
import { type EntityPlural } from '../model/types';
import { BodyError, type Handler } from './context';
import { readPaging } from './list-params';
import { ERR, type FieldError, isObject, requestIdOf } from './write-validation';

/** GET /api/v4/{entity}/tags: each entity type has its own tag ids; colour only on leads (docs/kommo-api.md §10). */
export function listTags(entity: EntityPlural): Handler {
  return (ctx) => {
    const s = ctx.acct.state;
    const paging = readPaging(ctx.query, ctx.reply, s.behaviour);
    if (!paging) return;
    const { page, limit } = paging;
    const filter = typeof ctx.query.filter === 'object' ? ctx.query.filter : {};
    const ids = filter.id !== undefined ? new Set(intList(filter.id, true) ?? []) : null;
    const name = typeof filter.name === 'string' ? filter.name.toLowerCase() : null;
    const text = typeof ctx.query.query === 'string' ? ctx.query.query.toLowerCase() : '';
    const all = s.tags[entity]
      .filter(
        (t) =>
          (ids ? ids.has(t.id) : true) && (name !== null ? t.name.toLowerCase() === name : true) && t.name.toLowerCase().includes(text),
      )
      .sort((a, b) => a.id - b.id);
    const items = all.slice((page - 1) * limit, page * limit);
    if (items.length === 0) return ctx.reply.noContent();
    ctx.reply.hal(200, {
      _page: page,
      _links: pageLinks(ctx.links, `/api/v4/${entity}/tags`, ctx.rawQuery, page, limit, all.length > page * limit),
      _embedded: { tags: items.map((t) => ({ id: t.id, name: t.name, color: entity === 'leads' ? t.color : null })) },
    });
  };
}

/** POST /api/v4/{entity}/tags. */
export function createTags(entity: EntityPlural): Handler {
  return async (ctx) => {
    let body: unknown;
    try {
      body = await ctx.readJson();
    } catch (e) {
      if (e instanceof BodyError) return ctx.reply.badRequest('Request data can not be empty');
      throw e;
    }
    if (!Array.isArray(body) || body.length === 0) return ctx.reply.badRequest('Request data can not be empty');
    if (body.length > 250) return ctx.reply.tooManyItems();
    const failures: Array<{ request_id: string; errors: FieldError[] }> = [];
    body.forEach((raw, i) => {
      const errors: FieldError[] = [];
      if (!isObject(raw) || typeof raw.name !== 'string' || raw.name.trim() === '') errors.push(ERR.required('name'));
      else if (
        raw.color !== undefined &&
        raw.color !== null &&
        (entity !== 'leads' || !(TAG_COLORS as readonly unknown[]).includes(raw.color))
      )
        errors.push(ERR.choice('color'));
      if (errors.length > 0) failures.push({ request_id: requestIdOf(raw, i), errors });
    });
    if (failures.length > 0) return ctx.reply.validation(failures);
    const s = ctx.acct.state;
    const tags = body.map((raw, i) => {
      const item = raw as Record<string, unknown>;
      const tag = s.ensureTag(entity, String(item.name), typeof item.color === 'string' ? item.color : null);
      return { id: tag.id, name: tag.name, ...(entity === 'leads' ? { color: tag.color } : {}), request_id: requestIdOf(raw, i) };
    });
    ctx.reply.hal(200, { _total_items: tags.length, _embedded: { tags } });
  };
}
