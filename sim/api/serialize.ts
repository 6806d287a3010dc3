import { type Links } from '../http/links';
import { type ApiTag, type CompanyRecord, type ContactRecord, type LeadRecord } from '../model/types';
import { type AccountState } from '../state/account-state';

/**
 * API bodies for records, in Kommo's field order (reference §7–§8). `query` is appended to every
 * entity self link, as real responses echo the request's query string there.
 */
export interface SerializeOptions {
  links: Links;
  query: string;
  with: ReadonlySet<string>;
}

function tagsOut(tags: ApiTag[], colored: boolean): ApiTag[] {
  return tags.map((t) => ({ id: t.id, name: t.name, color: colored ? t.color : null }));
}

export function leadToApi(s: AccountState, lead: LeadRecord, o: SerializeOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: lead.id,
    name: lead.name,
    price: lead.price,
    responsible_user_id: lead.responsible_user_id,
    group_id: lead.group_id,
    status_id: lead.status_id,
    pipeline_id: lead.pipeline_id,
    loss_reason_id: lead.loss_reason_id,
  };
  if (o.with.has('source_id')) out.source_id = lead.source_id;
  Object.assign(out, {
    created_by: lead.created_by,
    updated_by: lead.updated_by,
    created_at: lead.created_at,
    updated_at: lead.updated_at,
    closed_at: lead.closed_at,
    closest_task_at: lead.closest_task_at,
    is_deleted: lead.is_deleted,
    custom_fields_values: lead.custom_fields_values,
    score: lead.score,
    account_id: lead.account_id,
    labor_cost: lead.labor_cost,
  });
  if (o.with.has('is_price_modified_by_robot')) out.is_price_modified_by_robot = false;
  out._links = { self: o.links.href(`/api/v4/leads/${lead.id}`, o.query) };
  const embedded: Record<string, unknown> = {
    tags: tagsOut(lead._embedded.tags, true),
    companies: lead._embedded.companies.map((c) => ({ id: c.id, _links: { self: o.links.href(`/api/v4/companies/${c.id}`, o.query) } })),
  };
  if (o.with.has('contacts')) {
    embedded.contacts = lead._embedded.contacts
      .filter((c) => s.contacts.getLive(c.id) !== undefined)
      .map((c) => ({ id: c.id, is_main: c.is_main, _links: { self: o.links.href(`/api/v4/contacts/${c.id}`, o.query) } }));
  }
  if (o.with.has('loss_reason') && lead.loss_reason_id !== null) {
    const reason = s.lossReasons.find((r) => r.id === lead.loss_reason_id);
    if (reason) embedded.loss_reason = [{ ...reason, _links: { self: o.links.href(`/api/v4/leads/loss_reasons/${reason.id}`) } }];
  }
  if (o.with.has('catalog_elements')) embedded.catalog_elements = [];
  out._embedded = embedded;
  return out;
}

export function contactToApi(s: AccountState, contact: ContactRecord, o: SerializeOptions): Record<string, unknown> {
  const embedded: Record<string, unknown> = {
    tags: tagsOut(contact._embedded.tags, false),
    companies: contact._embedded.companies.map((c) => ({ id: c.id, _links: { self: o.links.href(`/api/v4/companies/${c.id}`, o.query) } })),
  };
  if (o.with.has('leads')) {
    const ids = [...(s.contactLeads.get(contact.id) ?? [])].filter((id) => s.leads.getLive(id)?._embedded.contacts.some((c) => c.id === contact.id)).sort((a, b) => a - b);
    embedded.leads = ids.map((id) => ({ id, _links: { self: o.links.href(`/api/v4/leads/${id}`, o.query) } }));
  }
  if (o.with.has('customers')) embedded.customers = [];
  if (o.with.has('catalog_elements')) embedded.catalog_elements = [];
  return {
    id: contact.id,
    name: contact.name,
    first_name: contact.first_name,
    last_name: contact.last_name,
    responsible_user_id: contact.responsible_user_id,
    group_id: contact.group_id,
    created_by: contact.created_by,
    updated_by: contact.updated_by,
    created_at: contact.created_at,
    updated_at: contact.updated_at,
    closest_task_at: contact.closest_task_at,
    is_deleted: contact.is_deleted,
    is_unsorted: contact.is_unsorted,
    custom_fields_values: contact.custom_fields_values,
    account_id: contact.account_id,
    _links: { self: o.links.href(`/api/v4/contacts/${contact.id}`, o.query) },
    _embedded: embedded,
  };
}

export function companyToApi(s: AccountState, company: CompanyRecord, o: SerializeOptions): Record<string, unknown> {
  const embedded: Record<string, unknown> = { tags: tagsOut(company._embedded.tags, false) };
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
  return {
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
  };
}

/** `with=only_deleted` serves only id, modification date and is_deleted (reference §7.2). */
export function deletedToApi(entity: 'leads' | 'contacts' | 'companies', rec: { id: number; updated_at: number }, o: SerializeOptions): Record<string, unknown> {
  return { id: rec.id, updated_at: rec.updated_at, is_deleted: true, _links: { self: o.links.href(`/api/v4/${entity}/${rec.id}`, o.query) } };
}
