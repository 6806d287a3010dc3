import type { Translate } from '../../../../common/i18n';
import type { CompanyRow } from '../../../../common/model/mirror';
import type { Column } from '../../components/DataGrid';
import { PhoneNumber } from '../../components/PhoneNumber';
import { TagChips } from '../../components/TagChip';
import { UserName } from '../../components/UserName';
import type { Formatters } from '../../i18n/format';
import type { CompanySortField } from '../../store/view-state';

type CompanyColumn = Column<CompanyRow> & { sortField?: CompanySortField };

export function companyColumns(t: Translate, fmt: Formatters): CompanyColumn[] {
  return [
    {
      id: 'name',
      label: t('companies.col.name'),
      width: 260,
      sortField: 'name',
      render: (row) => <span className="cell-strong">{row.name}</span>,
    },
    {
      id: 'phone',
      label: t('companies.col.phone'),
      width: 180,
      render: (row) => (row.phone ? <PhoneNumber raw={row.phone} compact /> : <span className="muted">—</span>),
    },
    { id: 'email', label: t('companies.col.email'), width: 200, render: (row) => <span className="muted">{row.email ?? '—'}</span> },
    { id: 'responsible', label: t('companies.col.responsible'), width: 150, render: (row) => <UserName id={row.responsibleUserId} /> },
    { id: 'tags', label: t('companies.col.tags'), width: 170, render: (row) => <TagChips tags={row.tags} max={2} /> },
    {
      id: 'contacts',
      label: t('companies.col.contacts'),
      width: 90,
      align: 'end',
      render: (row) => <span className="num">{fmt.number(row.contactCount)}</span>,
    },
    {
      id: 'leads',
      label: t('companies.col.leads'),
      width: 70,
      align: 'end',
      render: (row) => <span className="num">{fmt.number(row.leadCount)}</span>,
    },
    {
      id: 'updated',
      label: t('companies.col.updated'),
      width: 130,
      sortField: 'updated_at',
      render: (row) => <span className="muted">{fmt.dateTime(row.updatedAt)}</span>,
    },
  ];
}
