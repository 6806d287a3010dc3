import { type ContactRecord, type CustomFieldValue, type LeadRecord, type NoteRecord } from '../model/types';
import { type AccountState } from '../state/account-state';
import { type ChangeNotice } from '../state/mutations';

/**
 * Webhook bodies as Kommo sends them (docs/kommo-api.md §15.2): form-urlencoded, bracketed keys, every
 * value a string, old-style keys (last_modified, date_create, …), `custom_fields` rather than
 * `custom_fields_values`, enum ids under `enum`, and an `account` block.
 */
type Tree = string | number | boolean | null | Tree[] | { [k: string]: Tree };

export function flatten(tree: Tree, prefix = '', out: Array<[string, string]> = []): Array<[string, string]> {
  if (tree === null) out.push([prefix, '']);
  else if (Array.isArray(tree)) tree.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  else if (typeof tree === 'object') for (const [k, v] of Object.entries(tree)) flatten(v, prefix ? `${prefix}[${k}]` : k, out);
  else out.push([prefix, typeof tree === 'boolean' ? (tree ? '1' : '0') : String(tree)]);
  return out;
}

function customFields(values: CustomFieldValue[] | null): Tree[] {
  return (values ?? []).map((f) => {
    const item: { [k: string]: Tree } = { id: f.field_id, name: f.field_name };
    if (f.field_code) item.code = f.field_code;
    item.values = f.values.map((v) => {
      const o: { [k: string]: Tree } = { value: typeof v.value === 'boolean' ? (v.value ? '1' : '0') : v.value };
      if (v.enum_id !== undefined) o.enum = v.enum_id;
      return o;
    });
    return item;
  });
}

function leadItem(lead: LeadRecord, notice: ChangeNotice): { [k: string]: Tree } {
  const item: { [k: string]: Tree } = {
    id: lead.id,
    name: lead.name,
    status_id: lead.status_id,
    price: lead.price,
    responsible_user_id: lead.responsible_user_id,
    last_modified: lead.updated_at,
    modified_user_id: lead.updated_by,
    created_user_id: lead.created_by,
    date_create: lead.created_at,
    pipeline_id: lead.pipeline_id,
    account_id: lead.account_id,
    created_at: lead.created_at,
    updated_at: lead.updated_at,
  };
  if ((notice.action === 'status' || notice.action === 'update') && notice.old?.status_id !== undefined)
    item.old_status_id = notice.old.status_id;
  if (notice.action === 'responsible' && notice.old?.responsible_user_id !== undefined)
    item.old_responsible_user_id = notice.old.responsible_user_id;
  if (lead._embedded.tags.length > 0) item.tags = lead._embedded.tags.map((t) => ({ id: t.id, name: t.name }));
  const cf = customFields(lead.custom_fields_values);
  if (cf.length > 0) item.custom_fields = cf;
  return item;
}

function contactItem(contact: ContactRecord, notice: ChangeNotice): { [k: string]: Tree } {
  const item: { [k: string]: Tree } = {
    id: contact.id,
    name: contact.name,
    responsible_user_id: contact.responsible_user_id,
    date_create: contact.created_at,
    last_modified: contact.updated_at,
    created_user_id: contact.created_by,
    modified_user_id: contact.updated_by,
    account_id: contact.account_id,
    created_at: contact.created_at,
    updated_at: contact.updated_at,
    type: 'contact',
  };
  if (notice.action === 'responsible' && notice.old?.responsible_user_id !== undefined)
    item.old_responsible_user_id = notice.old.responsible_user_id;
  if (contact._embedded.tags.length > 0) item.tags = contact._embedded.tags.map((t) => ({ id: t.id, name: t.name }));
  const cf = customFields(contact.custom_fields_values);
  if (cf.length > 0) item.custom_fields = cf;
  return item;
}

function noteItem(note: NoteRecord): { [k: string]: Tree } {
  return {
    note: {
      id: note.id,
      text: typeof note.params.text === 'string' ? note.params.text : '',
      note_type: note.note_type === 'common' ? 4 : 25,
      element_id: note.entity_id,
      element_type: note.entity_type === 'contacts' ? 1 : note.entity_type === 'leads' ? 2 : 3,
      date_create: note.created_at,
      created_by: note.created_by,
      responsible_user_id: note.responsible_user_id,
      account_id: note.account_id,
    },
  };
}

/** The body for one change, or null when the record is gone. */
export function webhookBody(s: AccountState, notice: ChangeNotice): string | null {
  let item: { [k: string]: Tree } | null = null;
  if (notice.action === 'note') {
    const note = s.notes.find((n) => n.id === notice.noteId);
    if (note) item = noteItem(note);
  } else if (notice.entity === 'leads') {
    const lead = s.leads.get(notice.id);
    if (lead)
      item =
        notice.action === 'delete' ? { id: lead.id, status_id: lead.status_id, pipeline_id: lead.pipeline_id } : leadItem(lead, notice);
  } else {
    const contact = s.contacts.get(notice.id);
    if (contact) item = notice.action === 'delete' ? { id: contact.id, type: 'contact' } : contactItem(contact, notice);
  }
  if (!item) return null;
  const tree: { [k: string]: Tree } = {
    [notice.entity]: { [notice.action]: [item] },
    account: { subdomain: s.subdomain, id: s.info.id, _links: { self: `https://${s.address.host}` } },
  };
  return new URLSearchParams(flatten(tree)).toString();
}

/** The `settings` code a change needs (`add_lead`, `status_lead`, `note_contact`, …). */
export function settingFor(notice: ChangeNotice): string {
  return `${notice.action}_${notice.entity === 'leads' ? 'lead' : 'contact'}`;
}
