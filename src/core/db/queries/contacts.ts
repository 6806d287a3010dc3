import type { ContactDetail, ContactRow, PageOf } from '../../../shared/model/mirror';
import type { MirrorDatabase } from '../open';
import { statement } from '../statements';
import { contactConditions, type ContactFilterInput } from './filters';
import { pageSql, readPageIds, type ListTable, type PageRequest, type PagePlan, type PageSql } from './plans';
import { CONTACT_COLUMNS, CONTACT_FROM, contactsByIds, customFieldsOf, leadIdsOfContacts, leadsByIds, toContactRows, type ContactRecordRow } from './rows';
import type { SetForm } from './sql';

export type ContactSortField = 'name' | 'responsible' | 'created_at' | 'updated_at';

const CONTACT_LIST: ListTable<ContactSortField> = {
  table: 'contacts',
  alias: 'c',
  sorts: {
    name: { column: 'c.sort_name', index: 'contacts_by_name' },
    responsible: { column: 'c.sort_responsible', index: 'contacts_by_responsible_name' },
    created_at: { column: 'c.created_at', index: 'contacts_by_created' },
    updated_at: { column: 'c.updated_at', index: 'contacts_by_updated' },
  },
};

export interface ContactListArgs extends PageRequest<ContactSortField> {
  filter: Partial<ContactFilterInput>;
}

/** As leadListSql: ids first, and the page plan chosen from the total. */
export function contactListSql(args: ContactListArgs, plan: PagePlan = 'sort-matches', setForm: Exclude<SetForm, 'probe'> = 'in'): PageSql {
  return pageSql(CONTACT_LIST, contactConditions(args.filter), args, plan, setForm);
}

export function listContacts(mirror: MirrorDatabase, args: ContactListArgs): PageOf<ContactRow> {
  const correlated = args.sort.field === 'responsible' && !!args.filter.responsibleUserIds?.length; // see listLeads
  const { ids, total } = readPageIds(mirror, CONTACT_LIST, contactConditions(args.filter), args, correlated);
  return { rows: contactsByIds(mirror, ids), total };
}

export function getContact(mirror: MirrorDatabase, id: number): ContactDetail | null {
  const row = statement(mirror.sqlite, `SELECT ${CONTACT_COLUMNS} FROM ${CONTACT_FROM} WHERE c.id = ?`).get(id) as ContactRecordRow | undefined;
  if (!row) return null;
  const [contact] = toContactRows(mirror.sqlite, [row]);
  if (!contact) return null;
  return {
    ...contact,
    firstName: row.first_name,
    lastName: row.last_name,
    customFields: customFieldsOf(mirror.sqlite, 'contacts', id),
    leads: leadsByIds(mirror, leadIdsOfContacts(mirror, [id]).get(id) ?? []),
  };
}
