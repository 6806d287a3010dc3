import type { Translate } from '../../../../common/i18n';
import type { LeadRow } from '../../../../common/model/mirror';
import type { Column } from '../../components/DataGrid';
import { StatusPill } from '../../components/StatusPill';
import { TagChips } from '../../components/TagChip';
import { UserName } from '../../components/UserName';
import type { Formatters } from '../../i18n/format';
import type { LeadSortField } from '../../store/view-state';
import { PhoneNumber } from '../../components/PhoneNumber';

type LeadColumn = Column<LeadRow> & { sortField?: LeadSortField };

/** The lead table's columns, in order; `sortField` ties each sortable column to the contract's sort. */
export function leadColumns(t: Translate, fmt: Formatters): LeadColumn[] {
  return [
    {
      id: 'name',
      label: t('leads.col.name'),
      width: 240,
      sortField: 'name',
      render: (row) => <span className="cell-strong">{row.name || t('leads.unnamed', { id: row.id })}</span>,
    },
    {
      id: 'price',
      label: t('leads.col.price'),
      width: 100,
      sortField: 'price',
      align: 'end',
      render: (row) => <span className="num">{fmt.money(row.price)}</span>,
    },
    {
      id: 'status',
      label: t('leads.col.status'),
      width: 220,
      sortField: 'status',
      render: (row) => <StatusPill pipelineId={row.pipelineId} statusId={row.statusId} withPipeline />,
    },
    {
      id: 'responsible',
      label: t('leads.col.responsible'),
      width: 140,
      sortField: 'responsible',
      render: (row) => <UserName id={row.responsibleUserId} />,
    },
    { id: 'tags', label: t('leads.col.tags'), width: 160, render: (row) => <TagChips tags={row.tags} max={2} /> },
    {
      id: 'contact',
      label: t('leads.col.contact'),
      width: 220,
      sortField: 'contact',
      render: (row) =>
        row.mainContact ? (
          <span className="contact-cell">
            <span>{row.mainContact.name}</span>
            {row.mainContact.phone && (
              <span className="muted">
                <PhoneNumber raw={row.mainContact.phone} compact />
              </span>
            )}
          </span>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      id: 'updated',
      label: t('leads.col.updated'),
      width: 118,
      sortField: 'updated_at',
      render: (row) => <span className="muted">{fmt.dateTime(row.updatedAt)}</span>,
    },
    {
      id: 'created',
      label: t('leads.col.created'),
      width: 118,
      sortField: 'created_at',
      render: (row) => <span className="muted">{fmt.dateTime(row.createdAt)}</span>,
    },
  ];
}
