import type { Translate } from '../../../../common/i18n';
import type { CompanyRow } from '../../../../common/model/mirror';
import type { Column } from '../../components/DataGrid';
import { PhoneNumber } from '../../components/PhoneNumber';
import { TagChips } from '../../components/TagChip';
import { UserName } from '../../components/UserName';
import type { MetaNames } from '../columns/names';
import type { Formatters } from '../../i18n/format';
import type { CompanySortField } from '../../store/view-state';

type CompanyColumn = Column<CompanyRow> & { sortField?: CompanySortField };

/** What the companies list shows until the rep chooses (every column it has). */
export const DEFAULT_COMPANY_COLUMNS = ['name', 'phone', 'email', 'responsible', 'tags', 'contacts', 'leads', 'updated'];

export function companyColumns(t: Translate, fmt: Formatters, names: MetaNames): CompanyColumn[] {
  return [
    {
      id: 'name',
      label: t('companies.col.name'),
      width: 260,
      sortField: 'name',
      render: (row) => <span className="cell-strong">{row.name}</span>,
      text: (row) => row.name,
    },
    {
      id: 'phone',
      label: t('companies.col.phone'),
      width: 180,
      render: (row) => (row.phone ? <PhoneNumber raw={row.phone} compact /> : <span className="muted">—</span>),
      text: (row) => row.phone ?? '',
    },
    {
      id: 'email',
      label: t('companies.col.email'),
      width: 200,
      render: (row) => <span className="muted">{row.email ?? '—'}</span>,
      text: (row) => row.email ?? '',
    },
    {
      id: 'responsible',
      label: t('companies.col.responsible'),
      width: 150,
      render: (row) => <UserName id={row.responsibleUserId} />,
      text: (row) => names.user(row.responsibleUserId),
    },
    {
      id: 'tags',
      label: t('companies.col.tags'),
      width: 170,
      render: (row) => <TagChips tags={row.tags} max={2} />,
      text: (row) => row.tags.map((tag) => tag.name).join(', '),
    },
    {
      id: 'contacts',
      label: t('companies.col.contacts'),
      width: 90,
      align: 'end',
      render: (row) => <span className="num">{fmt.number(row.contactCount)}</span>,
      text: (row) => fmt.number(row.contactCount),
    },
    {
      id: 'leads',
      label: t('companies.col.leads'),
      width: 70,
      align: 'end',
      render: (row) => <span className="num">{fmt.number(row.leadCount)}</span>,
      text: (row) => fmt.number(row.leadCount),
    },
    {
      id: 'updated',
      label: t('companies.col.updated'),
      width: 130,
      sortField: 'updated_at',
      render: (row) => <span className="muted">{fmt.dateTime(row.updatedAt)}</span>,
      text: (row) => fmt.dateTime(row.updatedAt),
    },
  ];
}
