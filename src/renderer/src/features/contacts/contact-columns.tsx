import type { Translate } from '../../../../common/i18n';
import type { ContactRow } from '../../../../common/model/mirror';
import type { Column } from '../../components/DataGrid';
import { TagChips } from '../../components/TagChip';
import { UserName } from '../../components/UserName';
import type { Formatters } from '../../i18n/format';
import type { ContactSortField } from '../../store/view-state';
import { PhoneNumber } from '../../components/PhoneNumber';
import type { MetaNames } from '../columns/names';
import { DATE_WIDTH } from '../leads/lead-columns';

type ContactColumn = Column<ContactRow> & { sortField?: ContactSortField };

/** The columns a contact list shows until the rep chooses (they fit with the detail panel open). */
export const DEFAULT_CONTACT_COLUMNS = ['name', 'phones', 'emails', 'company', 'responsible', 'updated'];

/** Every built-in contact column. */
export function contactColumns(t: Translate, fmt: Formatters, names: MetaNames): ContactColumn[] {
  return [
    {
      id: 'name',
      label: t('contacts.col.name'),
      width: 240,
      minWidth: 130,
      sortField: 'name',
      text: (row) => row.name || t('contacts.unnamed', { id: row.id }),
      render: (row) => <span className="cell-strong">{row.name || t('contacts.unnamed', { id: row.id })}</span>,
    },
    {
      id: 'phones',
      label: t('contacts.col.phones'),
      width: 200,
      minWidth: 130,
      text: (row) => row.phones.map((phone) => phone.raw).join(', '),
      render: (row) => (
        <span className="contact-cell" title={row.phones.map((phone) => phone.raw).join(', ')}>
          {row.phones[0] ? <PhoneNumber raw={row.phones[0].raw} compact /> : '—'}
          {row.phones.length > 1 && <span className="muted"> +{row.phones.length - 1}</span>}
        </span>
      ),
    },
    {
      id: 'emails',
      label: t('contacts.col.emails'),
      width: 210,
      minWidth: 110,
      text: (row) => row.emails.map((email) => email.value).join(', '),
      render: (row) => <span className="muted">{row.emails[0]?.value ?? '—'}</span>,
    },
    {
      id: 'company',
      label: t('contacts.col.company'),
      width: 170,
      minWidth: 100,
      text: (row) => row.company?.name ?? '',
      render: (row) => row.company?.name ?? <span className="muted">—</span>,
    },
    {
      id: 'tags',
      label: t('contacts.col.tags'),
      width: 170,
      minWidth: 100,
      text: (row) => row.tags.map((tag) => tag.name).join(', '),
      render: (row) => <TagChips tags={row.tags} max={2} />,
    },
    {
      id: 'responsible',
      label: t('contacts.col.responsible'),
      width: 150,
      minWidth: 100,
      sortField: 'responsible',
      text: (row) => names.user(row.responsibleUserId),
      render: (row) => <UserName id={row.responsibleUserId} />,
    },
    {
      id: 'leads',
      label: t('contacts.col.leads'),
      width: 70,
      align: 'end',
      text: (row) => fmt.number(row.leadCount),
      render: (row) => <span className="num">{fmt.number(row.leadCount)}</span>,
    },
    {
      id: 'updated',
      label: t('contacts.col.updated'),
      width: DATE_WIDTH,
      sortField: 'updated_at',
      text: (row) => fmt.dateTime(row.updatedAt),
      render: (row) => <span className="muted">{fmt.dateTime(row.updatedAt)}</span>,
    },
    {
      id: 'created',
      label: t('contacts.col.created'),
      width: DATE_WIDTH,
      sortField: 'created_at',
      text: (row) => fmt.dateTime(row.createdAt),
      render: (row) => <span className="muted">{fmt.dateTime(row.createdAt)}</span>,
    },
  ];
}
