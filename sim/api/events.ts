import { pageLinks } from '../http/links';
import { type QValue, at, commaList, intList, withSet } from '../http/query';
import { type EventRecord } from '../model/types';
import { type ApiContext, type Handler } from './context';
import { readPaging } from './list-params';
import { ERR } from './write-validation';

const ENTITIES = new Set(['lead', 'contact', 'company', 'customer', 'task']);
const PER_FIELD = /^custom_field_(\d+)_value_changed$/;

/** Every documented type (docs/kommo-api.md §13.2), for GET /api/v4/events/types. */
export const EVENT_TYPES = [
  'lead_added',
  'lead_deleted',
  'lead_restored',
  'lead_status_changed',
  'lead_linked',
  'lead_unlinked',
  'contact_added',
  'contact_deleted',
  'contact_restored',
  'contact_linked',
  'contact_unlinked',
  'company_added',
  'company_deleted',
  'company_restored',
  'company_linked',
  'company_unlinked',
  'task_added',
  'task_deleted',
  'task_completed',
  'task_type_changed',
  'task_text_changed',
  'task_deadline_changed',
  'task_result_added',
  'incoming_call',
  'outgoing_call',
  'incoming_chat_message',
  'outgoing_chat_message',
  'incoming_sms',
  'outgoing_sms',
  'entity_tag_added',
  'entity_tag_deleted',
  'entity_linked',
  'entity_unlinked',
  'sale_field_changed',
  'name_field_changed',
  'ltv_field_changed',
  'custom_field_value_changed',
  'entity_responsible_changed',
  'common_note_added',
  'common_note_deleted',
  'attachment_note_added',
  'geo_note_added',
  'service_note_added',
] as const;

function fieldIdOf(e: EventRecord): number | null {
  const first = (e.value_after[0] ?? e.value_before[0]) as { custom_field_value?: { field_id?: number } } | undefined;
  return first?.custom_field_value?.field_id ?? null;
}

function typeMatches(wanted: Set<string>, e: EventRecord): boolean {
  if (wanted.has(e.type)) return true;
  const perField = PER_FIELD.exec(e.type);
  if (perField && wanted.has('custom_field_value_changed')) return true;
  if (e.type === 'custom_field_value_changed') {
    const id = fieldIdOf(e);
    return id !== null && wanted.has(`custom_field_${id}_value_changed`);
  }
  return false;
}

/** created_at: a single value means "from"; `[from]`/`[to]`; or the legacy `ts1,ts2` pair (§13.2). */
function createdAtBounds(v: QValue | undefined): { from?: number; to?: number } | null {
  if (v === undefined) return {};
  if (typeof v === 'string') {
    const parts = v.split(',').map((x) => x.trim());
    const nums = parts.map(Number);
    if (nums.some((n) => !Number.isInteger(n))) return null;
    return parts.length === 1 ? { from: nums[0] } : { from: nums[0], to: nums[1] };
  }
  const from = v.from === undefined ? undefined : Number(v.from);
  const to = v.to === undefined ? undefined : Number(v.to);
  if ((from !== undefined && !Number.isInteger(from)) || (to !== undefined && !Number.isInteger(to))) return null;
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

function eventToApi(ctx: ApiContext, e: EventRecord, names: boolean): Record<string, unknown> {
  const s = ctx.acct.state;
  const entity: Record<string, unknown> = { id: e.entity_id };
  if (names) {
    const rec =
      e.entity_type === 'lead'
        ? s.leads.get(e.entity_id)
        : e.entity_type === 'contact'
          ? s.contacts.get(e.entity_id)
          : e.entity_type === 'company'
            ? s.companies.get(e.entity_id)
            : undefined;
    if (rec) entity.name = rec.name;
  }
  const plural = e.entity_type === 'company' ? 'companies' : `${e.entity_type}s`;
  entity._links = { self: ctx.links.href(`/api/v4/${plural}/${e.entity_id}`) };
  return { ...e, _links: { self: ctx.links.href(`/api/v4/events/${e.id}`) }, _embedded: { entity } };
}

/** GET /api/v4/events (docs/kommo-api.md §13.2). */
export const listEvents: Handler = (ctx) => {
  const { query, reply } = ctx;
  const s = ctx.acct.state;
  const b = s.behaviour;
  const paging = readPaging(query, reply, b, b.eventsMaxLimit);
  if (!paging) return;
  const filter = at(query, 'filter');
  const entities = commaList(at(filter, 'entity'));
  const badEntity = entities.findIndex((x) => !ENTITIES.has(x) && !/^catalog_\d+$/.test(x));
  if (badEntity >= 0) return reply.validation([{ request_id: '0', errors: [ERR.choice(`filter.entity.${badEntity}`)] }]);
  const entityIds = at(filter, 'entity_id') === undefined ? null : intList(at(filter, 'entity_id'), true);
  if (entityIds !== null && (entities.length !== 1 || entityIds.length > 10))
    return reply.validation([{ request_id: '0', errors: [ERR.choice('filter.entity_id')] }]);
  const bounds = createdAtBounds(at(filter, 'created_at'));
  if (bounds === null) return reply.validation([{ request_id: '0', errors: [ERR.type('filter.created_at', 'int')] }]);
  const types = new Set(commaList(at(filter, 'type')));
  const ids = new Set(commaList(at(filter, 'id')));
  const createdBy = at(filter, 'created_by') === undefined ? null : new Set(intList(at(filter, 'created_by'), true) ?? []);
  const entitySet = new Set(entities);
  const idSet = entityIds ? new Set(entityIds) : null;

  const all = s.events.all();
  const inc = b.rangeInclusive;
  let lo = 0;
  let hi = all.length;
  if (bounds.from !== undefined) lo = s.events.lowerBound(inc.from ? bounds.from : bounds.from + 1);
  if (bounds.to !== undefined) hi = s.events.lowerBound(inc.to ? bounds.to + 1 : bounds.to);
  const keep = (e: EventRecord): boolean =>
    (types.size === 0 || typeMatches(types, e)) &&
    (entitySet.size === 0 || entitySet.has(e.entity_type)) &&
    (idSet === null || idSet.has(e.entity_id)) &&
    (ids.size === 0 || ids.has(e.id)) &&
    (createdBy === null || createdBy.has(e.created_by));

  const { page, limit } = paging;
  const skip = (page - 1) * limit;
  const items: EventRecord[] = [];
  let matched = 0;
  let hasNext = false;
  const newestFirst = b.eventsOrder === 'newest_first';
  for (let i = 0; i < hi - lo; i++) {
    const e = all[newestFirst ? hi - 1 - i : lo + i] as EventRecord;
    if (!keep(e)) continue;
    if (matched++ < skip) continue;
    if (items.length === limit) {
      hasNext = true;
      break;
    }
    items.push(e);
  }
  if (items.length === 0) return reply.noContent();
  const names = [...withSet(query)].some((x) => x.endsWith('_name'));
  reply.hal(200, {
    _page: page,
    _links: pageLinks(ctx.links, '/api/v4/events', ctx.rawQuery, page, limit, hasNext),
    _embedded: { events: items.map((e) => eventToApi(ctx, e, names)) },
  });
};

export const getEvent: Handler = (ctx, [id]) => {
  const e = ctx.acct.state.events.get(id ?? '');
  if (!e) return ctx.reply.noContent();
  ctx.reply.hal(
    200,
    eventToApi(
      ctx,
      e,
      [...withSet(ctx.query)].some((x) => x.endsWith('_name')),
    ),
  );
};

export const listEventTypes: Handler = (ctx) => {
  ctx.reply.hal(200, {
    _total_items: EVENT_TYPES.length,
    _links: { self: ctx.links.href('/api/v4/events/types') },
    _embedded: { events_types: EVENT_TYPES.map((key) => ({ key, type: 0, lang: key.replace(/_/g, ' '), entity_type: key.split('_')[0] })) },
  });
};
