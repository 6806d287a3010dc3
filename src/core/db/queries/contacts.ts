import type { ContactDetail, ContactRow, PageOf } from '../../../common/model/mirror';
import type { MirrorDatabase } from '../open';
import { withFieldCells } from './field-sql';
import { contactConditions, type ContactFilterInput } from './filters';
import { listQuery, type ListArgs, type ListCursor } from './plans';
import { responsibleSeek } from './seeks';
import { contactById, contactsByIds, customFieldsOf, leadIdsOfContacts, leadsByIds } from './rows';

export type ContactSortField = 'name' | 'responsible' | 'created_at' | 'updated_at';

export type ContactListArgs = ListArgs<ContactSortField, ContactFilterInput>;

const contactList = listQuery<ContactSortField, ContactFilterInput>(
  {
    table: 'contacts',
    alias: 'c',
    sorts: {
      name: { column: 'c.sort_name', index: 'contacts_by_name' },
      responsible: { column: 'c.sort_responsible', index: 'contacts_by_responsible_name' },
      created_at: { column: 'c.created_at', index: 'contacts_by_created' },
      updated_at: { column: 'c.updated_at', index: 'contacts_by_updated' },
    },
  },
  contactConditions,
  // See leadSortSeek.
  (mirror, args) => (args.sort.field === 'responsible' ? responsibleSeek(mirror, 'c', args.filter.responsibleUserIds) : null),
);

/** As leadListSql: ids first, and the page plan chosen from the total. */
export const contactListSql = contactList.sql;

export function listContacts(mirror: MirrorDatabase, args: ContactListArgs): PageOf<ContactRow> {
  const { ids, total } = contactList.readPage(mirror, args);
  return { rows: withFieldCells(mirror.sqlite, 'contacts', contactsByIds(mirror, ids), args.fieldIds), total };
}

/** The contacts after `after` in the list's order (a keyset page, as listLeadsAfter). */
export function listContactsAfter(
  mirror: MirrorDatabase,
  args: ContactListArgs,
  after: ListCursor | null,
): { rows: ContactRow[]; next: ListCursor | null } {
  const { ids, next } = contactList.readAfter(mirror, args, after);
  return { rows: contactsByIds(mirror, ids), next };
}

export function getContact(mirror: MirrorDatabase, id: number): ContactDetail | null {
  const found = contactById(mirror, id);
  if (!found) return null;
  const { row, contact } = found;
  return {
    ...contact,
    firstName: row.first_name,
    lastName: row.last_name,
    customFields: customFieldsOf(mirror.sqlite, 'contacts', id),
    leads: leadsByIds(mirror, leadIdsOfContacts(mirror, [id]).get(id) ?? []),
  };
}
