import { pageLinks, pageQuery } from '../http/links';
import { leaves, withSet } from '../http/query';
import { type CompanyRecord, type ContactRecord } from '../model/types';
import { type ApiContext, type Handler } from './context';
import { runList, type ListSpec } from './list-engine';
import { readIntFilter, readOrder, readPaging, readRanges, searchText } from './list-params';
import { companyJson, contactJson, deletedJson, pageJson } from './serialize';

// created_at ordering on contacts is UNCONFIRMED (docs/kommo-api.md §5); it is accepted here.
const ORDERS = ['id', 'updated_at', 'created_at'] as const;
const RANGES = ['updated_at', 'created_at', 'closest_task_at'] as const;

function predicate<T extends ContactRecord | CompanyRecord>(ctx: ApiContext, entity: 'contacts' | 'companies'): ((r: T) => boolean) | null {
  const { query, acct } = ctx;
  const tests: Array<(r: T) => boolean> = [];
  for (const key of ['responsible_user_id', 'created_by', 'updated_by'] as const) {
    const ids = readIntFilter(query, key);
    if (ids) {
      const set = new Set(ids);
      tests.push((r) => set.has(r[key]));
    }
  }
  const names = typeof query.filter === 'object' ? leaves(query.filter.name).map((n) => n.toLowerCase()) : [];
  if (names.length > 0) tests.push((r) => names.includes(r.name.toLowerCase()));
  const text = typeof query.query === 'string' ? query.query.trim().toLowerCase() : '';
  if (text !== '') {
    tests.push((r) =>
      acct.searchText(entity, r.id, () => searchText(r, 'first_name' in r ? [r.first_name, r.last_name] : [])).includes(text),
    );
  }
  if (tests.length === 0) return null;
  return (r) => tests.every((t) => t(r));
}

/** GET /api/v4/contacts (docs/kommo-api.md §8). */
export const listContacts: Handler = (ctx) => {
  const { acct, query, reply } = ctx;
  const s = acct.state;
  const paging = readPaging(query, reply, s.behaviour);
  if (!paging) return;
  const w = withSet(query);
  const deleted = w.has('only_deleted');
  acct.paging.beforeList('contacts');
  const spec: ListSpec<ContactRecord> = {
    table: s.contacts,
    deleted,
    order: readOrder(query, ORDERS, s.behaviour),
    ids: readIntFilter(query, 'id') ?? null,
    ranges: readRanges(query, RANGES),
    predicate: predicate<ContactRecord>(ctx, 'contacts'),
    inclusive: s.behaviour.rangeInclusive,
    tieSalt: s.tieSalt(),
  };
  const { items, hasNext } = runList(spec, paging.page, paging.limit);
  if (items.length === 0) return reply.noContent();
  acct.paging.afterList('contacts', items, spec.order.field);
  const o = { links: ctx.links, query: pageQuery(ctx.rawQuery, paging.page, paging.limit), with: w };
  const links = pageLinks(ctx.links, '/api/v4/contacts', ctx.rawQuery, paging.page, paging.limit, hasNext);
  reply.halText(
    200,
    pageJson(
      paging.page,
      links,
      'contacts',
      items.map((c) => (deleted ? deletedJson('contacts', c, o) : contactJson(acct, c, o))),
    ),
  );
};

export const getContact: Handler = (ctx, [id]) => {
  const contact = ctx.acct.state.contacts.getLive(Number(id));
  if (!contact) return ctx.reply.noContent();
  ctx.reply.halText(200, contactJson(ctx.acct, contact, { links: ctx.links, query: ctx.rawQuery, with: withSet(ctx.query) }));
};

/** GET /api/v4/companies: basic (docs/kommo-api.md §8.3). */
export const listCompanies: Handler = (ctx) => {
  const { acct, query, reply } = ctx;
  const s = acct.state;
  const paging = readPaging(query, reply, s.behaviour);
  if (!paging) return;
  const w = withSet(query);
  const deleted = w.has('only_deleted');
  const spec: ListSpec<CompanyRecord> = {
    table: s.companies,
    deleted,
    order: readOrder(query, ORDERS, s.behaviour),
    ids: readIntFilter(query, 'id') ?? null,
    ranges: readRanges(query, RANGES),
    predicate: predicate<CompanyRecord>(ctx, 'companies'),
    inclusive: s.behaviour.rangeInclusive,
    tieSalt: s.tieSalt(),
  };
  const { items, hasNext } = runList(spec, paging.page, paging.limit);
  if (items.length === 0) return reply.noContent();
  const o = { links: ctx.links, query: pageQuery(ctx.rawQuery, paging.page, paging.limit), with: w };
  const links = pageLinks(ctx.links, '/api/v4/companies', ctx.rawQuery, paging.page, paging.limit, hasNext);
  reply.halText(
    200,
    pageJson(
      paging.page,
      links,
      'companies',
      items.map((c) => (deleted ? deletedJson('companies', c, o) : companyJson(acct, c, o))),
    ),
  );
};

export const getCompany: Handler = (ctx, [id]) => {
  const company = ctx.acct.state.companies.getLive(Number(id));
  if (!company) return ctx.reply.noContent();
  ctx.reply.halText(200, companyJson(ctx.acct, company, { links: ctx.links, query: ctx.rawQuery, with: withSet(ctx.query) }));
};
