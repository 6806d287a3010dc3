import type { Translate } from '../../../../common/i18n';
import type { ContactRow } from '../../../../common/model/mirror';
import type { Column } from '../../components/DataGrid';
import { TagChips } from '../../components/TagChip';
import { UserName } from '../../components/UserName';
import type { Formatters } from '../../i18n/format';
import type { ContactSortField } from '../../store/view-state';
import { PhoneNumber } from '../../components/PhoneNumber';

type ContactColumn = Column<ContactRow> & { sortField?: ContactSortField };

export function contactColumns(t: Translate, fmt: Formatters): ContactColumn[] {
  return [
    {
      id: 'name',
      label: t('contacts.col.name'),
      width: 240,
      sortField: 'name',
      render: (row) => <span className="cell-strong">{row.name || t('contacts.unnamed', { id: row.id })}</span>,
    },
    {
      id: 'phones',
      label: t('contacts.col.phones'),
      width: 200,
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
      render: (row) => <span className="muted">{row.emails[0]?.value ?? '—'}</span>,
    },
    { id: 'company', label: t('contacts.col.company'), width: 170, render: (row) => row.company?.name ?? <span className="muted">—</span> },
    { id: 'tags', label: t('contacts.col.tags'), width: 170, render: (row) => <TagChips tags={row.tags} max={2} /> },
    {
      id: 'responsible',
      label: t('contacts.col.responsible'),
      width: 150,
      sortField: 'responsible',
      render: (row) => <UserName id={row.responsibleUserId} />,
    },
    {
      id: 'leads',
      label: t('contacts.col.leads'),
      width: 70,
      align: 'end',
      render: (row) => <span className="num">{fmt.number(row.leadCount)}</span>,
    },
    {
      id: 'updated',
      label: t('contacts.col.updated'),
      width: 130,
      sortField: 'updated_at',
      render: (row) => <span className="muted">{fmt.dateTime(row.updatedAt)}</span>,
    },
  ];
}
