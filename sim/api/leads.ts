import { leaves, withSet } from '../http/query';
import { pageLinks, pageQuery } from '../http/links';
import { type LeadRecord } from '../model/types';
import { type LeadChanges, type NewLead } from '../state/mutations';
import { BodyError, type ApiContext, type Handler } from './context';
import { runList, type ListSpec } from './list-engine';
import { readIntFilter, readOrder, readPaging, readRanges, searchText } from './list-params';
import { deletedJson, leadJson, pageJson } from './serialize';
import { ERR, type FieldError, ItemErrors, isObject, readCustomFields, readTags, requestIdOf } from './write-validation';

const LEAD_ORDERS = ['id', 'updated_at', 'created_at'] as const;
const LEAD_RANGES = ['updated_at', 'created_at', 'closed_at', 'closest_task_at', 'price'] as const;

/** GET /api/v4/leads (docs/kommo-api.md §7). */
export const listLeads: Handler = (ctx) => {
  const { acct, query, reply } = ctx;
  const s = acct.state;
  const paging = readPaging(query, reply, s.behaviour);
  if (!paging) return;
  const w = withSet(query);
  const deleted = w.has('only_deleted');
  acct.paging.beforeList('leads');
  const spec: ListSpec<LeadRecord> = {
    table: s.leads,
    deleted,
    order: readOrder(query, LEAD_ORDERS, s.behaviour),
    ids: readIntFilter(query, 'id') ?? null,
    ranges: readRanges(query, LEAD_RANGES),
    predicate: leadPredicate(ctx),
    inclusive: s.behaviour.rangeInclusive,
    tieSalt: s.tieSalt(),
  };
  const { items, hasNext } = runList(spec, paging.page, paging.limit);
  if (items.length === 0) return reply.noContent();
  acct.paging.afterList('leads', items, spec.order.field);
  const o = { links: ctx.links, query: pageQuery(ctx.rawQuery, paging.page, paging.limit), with: w };
  const links = pageLinks(ctx.links, '/api/v4/leads', ctx.rawQuery, paging.page, paging.limit, hasNext);
  reply.halText(
    200,
    pageJson(
      paging.page,
      links,
      'leads',
      items.map((l) => (deleted ? deletedJson('leads', l, o) : leadJson(acct, l, o))),
    ),
  );
};

function leadPredicate(ctx: ApiContext): ((l: LeadRecord) => boolean) | null {
  const { query, acct } = ctx;
  const tests: Array<(l: LeadRecord) => boolean> = [];
  for (const key of ['pipeline_id', 'responsible_user_id', 'created_by', 'updated_by'] as const) {
    const ids = readIntFilter(query, key);
    if (ids) {
      const set = new Set(ids);
      tests.push((l) => set.has(l[key]));
    }
  }
  const statuses = query.filter && typeof query.filter === 'object' ? query.filter.statuses : undefined;
  if (typeof statuses === 'object') {
    const pairs: Array<{ p: number; s: number }> = [];
    for (const v of Object.values(statuses)) {
      if (typeof v !== 'object') continue;
      const p = Number(v.pipeline_id);
      const st = Number(v.status_id);
      if (Number.isInteger(p) && Number.isInteger(st)) pairs.push({ p, s: st });
    }
    tests.push((l) => pairs.some((x) => x.p === l.pipeline_id && x.s === l.status_id));
  }
  const names = typeof query.filter === 'object' ? leaves(query.filter.name).map((n) => n.toLowerCase()) : [];
  if (names.length > 0) tests.push((l) => names.includes(l.name.toLowerCase()));
  const text = typeof query.query === 'string' ? query.query.trim().toLowerCase() : '';
  if (text !== '')
    tests.push((l) =>
      acct
        .searchText('leads', l.id, () =>
          searchText(
            l,
            l._embedded.tags.map((t) => t.name),
          ),
        )
        .includes(text),
    );
  if (tests.length === 0) return null;
  return (l) => tests.every((t) => t(l));
}

/** GET /api/v4/leads/{id}: 204 for an unknown or deleted id. */
export const getLead: Handler = (ctx, [id]) => {
  const lead = ctx.acct.state.leads.getLive(Number(id));
  if (!lead) return ctx.reply.noContent();
  ctx.reply.halText(200, leadJson(ctx.acct, lead, { links: ctx.links, query: ctx.rawQuery, with: withSet(ctx.query) }));
};

type Prepared = { id: number; requestId: string; changes: LeadChanges };

/** Validates one PATCH item; tag creation is deferred until the whole batch is valid. */
function prepareUpdate(
  ctx: ApiContext,
  raw: unknown,
  index: number,
  idFromPath: number | null,
  deferred: Array<() => void>,
): { ok: Prepared } | { errors: FieldError[] } {
  const s = ctx.acct.state;
  const errs = new ItemErrors();
  const requestId = requestIdOf(raw, index);
  if (!isObject(raw)) return { errors: [ERR.type('', 'array')] };
  const id = idFromPath ?? errs.int(raw, 'id');
  if (id === undefined || id === null) {
    if (idFromPath === null && raw.id === undefined) errs.add(ERR.required('id'));
    return { errors: errs.errors };
  }
  const lead = s.leads.getLive(id);
  if (!lead) return { errors: [ERR.notFound('id')] };
  const changes = readLeadFields(ctx, raw, errs, lead.pipeline_id, deferred);
  return errs.errors.length > 0 ? { errors: errs.errors } : { ok: { id, requestId, changes } };
}

/** The settable lead fields of docs/kommo-api.md §14.3. */
function readLeadFields(
  ctx: ApiContext,
  raw: Record<string, unknown>,
  errs: ItemErrors,
  currentPipeline: number | null,
  deferred: Array<() => void>,
): LeadChanges {
  const s = ctx.acct.state;
  const c: LeadChanges = {};
  const name = errs.string(raw, 'name');
  if (name !== undefined) c.name = name;
  const price = errs.int(raw, 'price', 'price', { min: 0 });
  if (typeof price === 'number') c.price = price;
  const pipelineId = errs.int(raw, 'pipeline_id');
  if (typeof pipelineId === 'number') {
    if (!s.pipeline(pipelineId)) errs.add(ERR.choice('pipeline_id'));
    else c.pipeline_id = pipelineId;
  }
  const statusId = errs.int(raw, 'status_id');
  if (typeof statusId === 'number') {
    const pipeline = c.pipeline_id ?? currentPipeline ?? s.pipelines.find((p) => p.is_main)?.id ?? 0;
    if (!s.status(pipeline, statusId)) errs.add(ERR.choice('status_id'));
    else c.status_id = statusId;
  }
  const responsible = errs.int(raw, 'responsible_user_id');
  if (typeof responsible === 'number') {
    if (!s.user(responsible)) errs.add(ERR.choice('responsible_user_id'));
    else c.responsible_user_id = responsible;
  }
  const lossReason = errs.int(raw, 'loss_reason_id', 'loss_reason_id', { nullable: true });
  if (lossReason === null) c.loss_reason_id = null;
  else if (typeof lossReason === 'number') {
    if (!s.lossReasons.some((r) => r.id === lossReason)) errs.add(ERR.choice('loss_reason_id'));
    else c.loss_reason_id = lossReason;
  }
  for (const key of ['closed_at', 'created_at', 'updated_at'] as const) {
    const v = errs.int(raw, key, key, { nullable: key === 'closed_at', min: 0 });
    if (v === null && key === 'closed_at') c.closed_at = null;
    else if (typeof v === 'number') c[key] = v;
  }
  const fields = readCustomFields(s, 'leads', raw.custom_fields_values, errs);
  if (fields.length > 0) c.custom_fields = fields;
  const toAdd = raw.tags_to_add !== undefined ? readTags(s, 'leads', raw.tags_to_add, 'tags_to_add', errs) : undefined;
  const toDelete = raw.tags_to_delete !== undefined ? readTags(s, 'leads', raw.tags_to_delete, 'tags_to_delete', errs) : undefined;
  const embedded = isObject(raw._embedded) ? raw._embedded : undefined;
  const replace = embedded && 'tags' in embedded ? readTags(s, 'leads', embedded.tags, '_embedded.tags', errs) : undefined;
  deferred.push(() => {
    if (toAdd) c.tags_to_add = toAdd.map((f) => f());
    if (toDelete) c.tags_to_delete = toDelete.map((f) => f());
    if (replace !== undefined) c.tags = replace === null ? null : replace.map((f) => f());
  });
  return c;
}

async function readBatch(ctx: ApiContext, single: boolean): Promise<unknown[] | null> {
  let body: unknown;
  try {
    body = await ctx.readJson();
  } catch (e) {
    if (e instanceof BodyError) {
      ctx.reply.badRequest('Request data can not be empty');
      return null;
    }
    throw e;
  }
  const items = single ? (isObject(body) ? [body] : null) : Array.isArray(body) ? body : null;
  if (items === null) {
    if (body === undefined || body === null || (isObject(body) && Object.keys(body).length === 0))
      ctx.reply.badRequest('Request data can not be empty');
    else ctx.reply.validation([{ request_id: '0', errors: [ERR.type('', single ? 'object' : 'array')] }]);
    return null;
  }
  if (items.length === 0) {
    ctx.reply.badRequest('Request data can not be empty');
    return null;
  }
  if (items.length > 250) {
    ctx.reply.tooManyItems();
    return null;
  }
  return items;
}

/** PATCH /api/v4/leads (array) and PATCH /api/v4/leads/{id} (object). */
export const patchLeads: Handler = async (ctx, [idParam]) => {
  const single = idParam !== undefined;
  const items = await readBatch(ctx, single);
  if (!items) return;
  const deferred: Array<() => void> = [];
  const prepared: Prepared[] = [];
  const failures: Array<{ request_id: string; errors: FieldError[] }> = [];
  items.forEach((raw, i) => {
    const r = prepareUpdate(ctx, raw, i, single ? Number(idParam) : null, deferred);
    if ('ok' in r) prepared.push(r.ok);
    else failures.push({ request_id: requestIdOf(raw, i), errors: r.errors });
  });
  if (failures.length > 0) return ctx.reply.validation(failures);
  for (const d of deferred) d();
  const results = prepared.map((p) => ({ p, lead: ctx.acct.mutator.updateLead(p.id, p.changes, ctx.userId) }));
  if (single) {
    const first = results[0];
    if (!first) return ctx.reply.noContent();
    return ctx.reply.hal(200, {
      id: first.lead.id,
      updated_at: first.lead.updated_at,
      _links: { self: ctx.links.href(`/api/v4/leads/${first.lead.id}`) },
    });
  }
  ctx.reply.hal(200, {
    _links: { self: ctx.links.href('/api/v4/leads') },
    _embedded: {
      leads: results.map(({ p, lead }) => ({
        id: lead.id,
        updated_at: lead.updated_at,
        request_id: p.requestId,
        _links: { self: ctx.links.href(`/api/v4/leads/${lead.id}`) },
      })),
    },
  });
};

/** POST /api/v4/leads (array). */
export const createLeads: Handler = async (ctx) => {
  const items = await readBatch(ctx, false);
  if (!items) return;
  const s = ctx.acct.state;
  const deferred: Array<() => void> = [];
  const prepared: Array<{ requestId: string; input: NewLead }> = [];
  const failures: Array<{ request_id: string; errors: FieldError[] }> = [];
  items.forEach((raw, i) => {
    const requestId = requestIdOf(raw, i);
    if (!isObject(raw)) return failures.push({ request_id: requestId, errors: [ERR.type('', 'array')] });
    const errs = new ItemErrors();
    const input: NewLead = readLeadFields(ctx, raw, errs, null, deferred);
    const embedded = isObject(raw._embedded) ? raw._embedded : {};
    if (Array.isArray(embedded.contacts)) {
      input.contacts = [];
      embedded.contacts.forEach((c, j) => {
        if (!isObject(c) || typeof c.id !== 'number' || !s.contacts.getLive(c.id))
          return errs.add(ERR.notFound(`_embedded.contacts.${j}.id`));
        input.contacts?.push({ id: c.id, ...(typeof c.is_main === 'boolean' ? { is_main: c.is_main } : {}) });
      });
    }
    if (Array.isArray(embedded.companies) && isObject(embedded.companies[0])) {
      const cid = embedded.companies[0].id;
      if (typeof cid !== 'number' || !s.companies.getLive(cid)) errs.add(ERR.notFound('_embedded.companies.0.id'));
      else input.company_id = cid;
    }
    if (errs.errors.length > 0) failures.push({ request_id: requestId, errors: errs.errors });
    else prepared.push({ requestId, input });
  });
  if (failures.length > 0) return ctx.reply.validation(failures);
  for (const d of deferred) d();
  const created = prepared.map((p) => ({ p, lead: ctx.acct.mutator.createLead(p.input, ctx.userId) }));
  ctx.reply.hal(200, {
    _links: { self: ctx.links.href('/api/v4/leads') },
    _embedded: {
      leads: created.map(({ p, lead }) => ({
        id: lead.id,
        request_id: p.requestId,
        _links: { self: ctx.links.href(`/api/v4/leads/${lead.id}`) },
      })),
    },
  });
};
