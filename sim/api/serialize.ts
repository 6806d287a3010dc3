import { type Links } from '../http/links';
import { type ApiTag, type CompanyRecord, type ContactRecord, type LeadRecord } from '../model/types';
import { type AccountRuntime } from '../runtime/account-runtime';

/**
 * API bodies for records as JSON text, in Kommo's field order (docs/kommo-api.md §7–§8). `query` is
 * appended to every entity self link, as real responses echo the request's query string there.
 * Lead and contact bodies are assembled from cached fragments (api/fragments.ts).
 */
export interface SerializeOptions {
  links: Links;
  query: string;
  with: ReadonlySet<string>;
}

const q = JSON.stringify;

function selfLink(o: SerializeOptions, path: string, query = o.query): string {
  return `{"self":${q(o.links.href(path, query))}}`;
}

export function leadJson(acct: AccountRuntime, lead: LeadRecord, o: SerializeOptions): string {
  const s = acct.state;
  const f = acct.fragments.leads.get(lead);
  let out = `{${f.head}`;
  if (o.with.has('source_id')) out += `,"source_id":${q(lead.source_id)}`;
  out += `,${f.tail}`;
  if (o.with.has('is_price_modified_by_robot')) out += ',"is_price_modified_by_robot":false';
  out += `,"_links":${selfLink(o, `/api/v4/leads/${lead.id}`)},"_embedded":{"tags":${f.tags},"companies":[`;
  out += lead._embedded.companies.map((c) => `{"id":${c.id},"_links":${selfLink(o, `/api/v4/companies/${c.id}`)}}`).join(',');
  out += ']';
  if (o.with.has('contacts')) {
    const contacts = lead._embedded.contacts.filter((c) => s.contacts.getLive(c.id) !== undefined);
    out += `,"contacts":[${contacts.map((c) => `{"id":${c.id},"is_main":${c.is_main},"_links":${selfLink(o, `/api/v4/contacts/${c.id}`)}}`).join(',')}]`;
  }
  if (o.with.has('loss_reason') && lead.loss_reason_id !== null) {
    const reason = s.lossReasons.find((r) => r.id === lead.loss_reason_id);
    if (reason) out += `,"loss_reason":[${q({ ...reason, _links: { self: o.links.href(`/api/v4/leads/loss_reasons/${reason.id}`) } })}]`;
  }
  if (o.with.has('catalog_elements')) out += ',"catalog_elements":[]';
  return acct.corruptions.apply('leads', lead.id, `${out}}}`);
}

export function contactJson(acct: AccountRuntime, contact: ContactRecord, o: SerializeOptions): string {
  const s = acct.state;
  const f = acct.fragments.contacts.get(contact);
  let out = `{${f.body},"_links":${selfLink(o, `/api/v4/contacts/${contact.id}`)},"_embedded":{"tags":${f.tags},"companies":[`;
  out += contact._embedded.companies.map((c) => `{"id":${c.id},"_links":${selfLink(o, `/api/v4/companies/${c.id}`)}}`).join(',');
  out += ']';
  if (o.with.has('leads')) {
    const ids = [...(s.contactLeads.get(contact.id) ?? [])]
      .filter((id) => s.leads.getLive(id)?._embedded.contacts.some((c) => c.id === contact.id))
      .sort((a, b) => a - b);
    out += `,"leads":[${ids.map((id) => `{"id":${id},"_links":${selfLink(o, `/api/v4/leads/${id}`)}}`).join(',')}]`;
  }
  if (o.with.has('customers')) out += ',"customers":[]';
  if (o.with.has('catalog_elements')) out += ',"catalog_elements":[]';
  return acct.corruptions.apply('contacts', contact.id, `${out}}}`);
}

function tagsOut(tags: ApiTag[]): ApiTag[] {
  return tags.map((t) => ({ id: t.id, name: t.name, color: null }));
}

export function companyJson(acct: AccountRuntime, company: CompanyRecord, o: SerializeOptions): string {
  const s = acct.state;
  const embedded: Record<string, unknown> = { tags: tagsOut(company._embedded.tags) };
  if (o.with.has('contacts')) {
    const ids: number[] = [];
    for (const c of s.contacts.byId.values()) if (!c.is_deleted && c._embedded.companies.some((x) => x.id === company.id)) ids.push(c.id);
    embedded.contacts = ids.map((id) => ({ id, _links: { self: o.links.href(`/api/v4/contacts/${id}`, o.query) } }));
  }
  if (o.with.has('leads')) {
    const ids: number[] = [];
    for (const l of s.leads.byId.values()) if (!l.is_deleted && l._embedded.companies.some((x) => x.id === company.id)) ids.push(l.id);
    embedded.leads = ids.map((id) => ({ id, _links: { self: o.links.href(`/api/v4/leads/${id}`, o.query) } }));
  }
  return q({
    id: company.id,
    name: company.name,
    responsible_user_id: company.responsible_user_id,
    group_id: company.group_id,
    created_by: company.created_by,
    updated_by: company.updated_by,
    created_at: company.created_at,
    updated_at: company.updated_at,
    closest_task_at: company.closest_task_at,
    custom_fields_values: company.custom_fields_values,
    is_deleted: company.is_deleted,
    account_id: company.account_id,
    _links: { self: o.links.href(`/api/v4/companies/${company.id}`, o.query) },
    _embedded: embedded,
  });
}

/** `with=only_deleted` serves only id, modification date and is_deleted (docs/kommo-api.md §7.2). */
export function deletedJson(
  entity: 'leads' | 'contacts' | 'companies',
  rec: { id: number; updated_at: number },
  o: SerializeOptions,
): string {
  return `{"id":${rec.id},"updated_at":${rec.updated_at},"is_deleted":true,"_links":${selfLink(o, `/api/v4/${entity}/${rec.id}`)}}`;
}

/** A list page: `_page`, `_links` and the records under `_embedded.{key}`. */
export function pageJson(page: number, links: unknown, key: string, items: string[]): string {
  return `{"_page":${page},"_links":${q(links)},"_embedded":{${q(key)}:[${items.join(',')}]}}`;
}
