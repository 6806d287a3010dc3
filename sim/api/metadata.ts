import { pageLinks } from '../http/links';
import { withSet } from '../http/query';
import { type CustomFieldDefinition, type EntityPlural, type PipelineRecord, type StatusRecord, type UserRecord } from '../model/types';
import { type ApiContext, type Handler } from './context';
import { readPaging } from './list-params';

/** GET /api/v4/account (docs/kommo-api.md §12). */
export const getAccount: Handler = (ctx) => {
  const s = ctx.acct.state;
  const w = withSet(ctx.query);
  const { amojo_id: amojoId, version, ...info } = s.info;
  const body: Record<string, unknown> = { ...info, current_user_id: ctx.userId };
  if (w.has('amojo_id')) body.amojo_id = amojoId;
  if (w.has('version')) body.version = version;
  if (w.has('entity_names')) body.entity_names = { leads: { ru: { gender: 'f', plural_form: {} }, en: {}, es: {} } };
  body._links = { self: ctx.links.href('/api/v4/account', ctx.rawQuery) };
  const embedded: Record<string, unknown> = {};
  if (w.has('users_groups')) embedded.users_groups = s.groups.map((g) => ({ id: g.id, name: g.name, uuid: null }));
  if (w.has('task_types')) {
    embedded.task_types = [
      { id: 1, name: 'Seguimiento', color: null, icon_id: null, code: 'FOLLOW_UP' },
      { id: 2, name: 'Reunión', color: null, icon_id: null, code: 'MEETING' },
    ];
  }
  if (w.has('datetime_settings')) {
    embedded.datetime_settings = {
      date_pattern: 'd.m.Y H:i',
      short_date_pattern: 'd.m.Y',
      short_time_pattern: 'H:i',
      date_format: 'd.m.Y',
      time_format: 'H:i:s',
      timezone: 'America/Lima',
      timezone_offset: '-05:00',
    };
  }
  if (w.has('amojo_rights')) embedded.amojo_rights = { can_direct: true, can_create_groups: true };
  if (Object.keys(embedded).length > 0) body._embedded = embedded;
  ctx.reply.hal(200, body);
};

function userToApi(ctx: ApiContext, u: UserRecord): Record<string, unknown> {
  return { ...u, _links: { self: ctx.links.href(`/api/v4/users/${u.id}`) } };
}

function isAdmin(ctx: ApiContext): boolean {
  return ctx.acct.state.user(ctx.userId)?.rights.is_admin ?? false;
}

/** GET /api/v4/users: admin only; carries totals (docs/kommo-api.md §12). */
export const listUsers: Handler = (ctx) => {
  if (!isAdmin(ctx)) return ctx.reply.problem(403, 'Forbidden', 'Access denied');
  const s = ctx.acct.state;
  const paging = readPaging(ctx.query, ctx.reply, s.behaviour);
  if (!paging) return;
  const { page, limit } = paging;
  const items = s.users.slice((page - 1) * limit, page * limit);
  if (items.length === 0) return ctx.reply.noContent();
  ctx.reply.hal(200, {
    _total_items: s.users.length,
    _page: page,
    _page_count: Math.ceil(s.users.length / limit),
    _links: pageLinks(ctx.links, '/api/v4/users', ctx.rawQuery, page, limit, s.users.length > page * limit),
    _embedded: { users: items.map((u) => userToApi(ctx, u)) },
  });
};

export const getUser: Handler = (ctx, [id]) => {
  const u = ctx.acct.state.user(Number(id));
  if (!u) return ctx.reply.noContent();
  ctx.reply.hal(200, userToApi(ctx, u));
};

function statusToApi(ctx: ApiContext, st: StatusRecord): Record<string, unknown> {
  return { ...st, _links: { self: ctx.links.href(`/api/v4/leads/pipelines/${st.pipeline_id}/statuses/${st.id}`) } };
}

function pipelineToApi(ctx: ApiContext, p: PipelineRecord): Record<string, unknown> {
  const { statuses, ...rest } = p;
  return {
    ...rest,
    _links: { self: ctx.links.href(`/api/v4/leads/pipelines/${p.id}`) },
    _embedded: { statuses: statuses.map((st) => statusToApi(ctx, st)) },
  };
}

/** GET /api/v4/leads/pipelines: not paginated, `_total_items` only (docs/kommo-api.md §11). */
export const listPipelines: Handler = (ctx) => {
  const s = ctx.acct.state;
  ctx.reply.hal(200, {
    _total_items: s.pipelines.length,
    _links: { self: ctx.links.href('/api/v4/leads/pipelines') },
    _embedded: { pipelines: s.pipelines.map((p) => pipelineToApi(ctx, p)) },
  });
};

export const getPipeline: Handler = (ctx, [id]) => {
  const p = ctx.acct.state.pipeline(Number(id));
  if (!p) return ctx.reply.noContent();
  ctx.reply.hal(200, pipelineToApi(ctx, p));
};

export const listStatuses: Handler = (ctx, [pipelineId]) => {
  const p = ctx.acct.state.pipeline(Number(pipelineId));
  if (!p) return ctx.reply.noContent();
  ctx.reply.hal(200, {
    _total_items: p.statuses.length,
    _links: { self: ctx.links.href(`/api/v4/leads/pipelines/${p.id}/statuses`) },
    _embedded: { statuses: p.statuses.map((st) => statusToApi(ctx, st)) },
  });
};

export const getStatus: Handler = (ctx, [pipelineId, statusId]) => {
  const st = ctx.acct.state.status(Number(pipelineId), Number(statusId));
  if (!st) return ctx.reply.noContent();
  ctx.reply.hal(200, statusToApi(ctx, st));
};

export const listLossReasons: Handler = (ctx) => {
  const s = ctx.acct.state;
  ctx.reply.hal(200, {
    _total_items: s.lossReasons.length,
    _links: { self: ctx.links.href('/api/v4/leads/loss_reasons') },
    _embedded: {
      loss_reasons: s.lossReasons.map((r) => ({ ...r, _links: { self: ctx.links.href(`/api/v4/leads/loss_reasons/${r.id}`) } })),
    },
  });
};

function fieldToApi(ctx: ApiContext, f: CustomFieldDefinition): Record<string, unknown> {
  return { ...f, _links: { self: ctx.links.href(`/api/v4/${f.entity_type}/custom_fields/${f.id}`) } };
}

/** GET /api/v4/{entity}/custom_fields: paginated with `_total_items`, `_page`, `_page_count` (docs/kommo-api.md §9). */
export function listCustomFields(entity: EntityPlural): Handler {
  return (ctx) => {
    const s = ctx.acct.state;
    const paging = readPaging(ctx.query, ctx.reply, s.behaviour);
    if (!paging) return;
    const { page, limit } = paging;
    const all = s.customFields[entity];
    const items = all.slice((page - 1) * limit, page * limit);
    if (items.length === 0) return ctx.reply.noContent();
    ctx.reply.hal(200, {
      _total_items: all.length,
      _page: page,
      _page_count: Math.ceil(all.length / limit),
      _links: pageLinks(ctx.links, `/api/v4/${entity}/custom_fields`, ctx.rawQuery, page, limit, all.length > page * limit),
      _embedded: { custom_fields: items.map((f) => fieldToApi(ctx, f)) },
    });
  };
}

export function getCustomField(entity: EntityPlural): Handler {
  return (ctx, [id]) => {
    const f = ctx.acct.state.field(entity, Number(id));
    if (!f) return ctx.reply.noContent();
    ctx.reply.hal(200, fieldToApi(ctx, f));
  };
}
