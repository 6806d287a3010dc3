import type { Translate } from '../../../../common/i18n';
import type { LeadRow } from '../../../../common/model/mirror';
import type { Column } from '../../components/DataGrid';
import { StatusPill } from '../../components/StatusPill';
import { TagChips } from '../../components/TagChip';
import { UserName } from '../../components/UserName';
import type { Formatters } from '../../i18n/format';
import type { LeadSortField } from '../../store/view-state';
import { PhoneNumber } from '../../components/PhoneNumber';
import type { MetaNames } from '../columns/names';

/** A date and time, whole: "23/11/26, 11:40 a. m." in es-PE is the widest. */
export const DATE_WIDTH = 166;

type LeadColumn = Column<LeadRow> & { sortField?: LeadSortField };

/**
 * The columns a lead list shows until the rep chooses: they fit 1440 px with the detail panel
 * open (about 750 px), the dates whole. Tags and the responsible user are a click away.
 */
export const DEFAULT_LEAD_COLUMNS = ['name', 'price', 'status', 'contact', 'updated', 'created'];

/** Every built-in lead column; `sortField` ties each sortable column to the contract's sort. */
export function leadColumns(t: Translate, fmt: Formatters, names: MetaNames): LeadColumn[] {
  return [
    {
      id: 'name',
      label: t('leads.col.name'),
      width: 240,
      minWidth: 110,
      sortField: 'name',
      text: (row) => row.name || t('leads.unnamed', { id: row.id }),
      render: (row) => <span className="cell-strong">{row.name || t('leads.unnamed', { id: row.id })}</span>,
    },
    {
      id: 'price',
      label: t('leads.col.price'),
      width: 100,
      minWidth: 80,
      sortField: 'price',
      align: 'end',
      text: (row) => fmt.money(row.price),
      render: (row) => <span className="num">{fmt.money(row.price)}</span>,
    },
    {
      id: 'status',
      label: t('leads.col.status'),
      width: 220,
      minWidth: 116,
      sortField: 'status',
      text: (row) => names.status(row.pipelineId, row.statusId),
      render: (row) => <StatusPill pipelineId={row.pipelineId} statusId={row.statusId} withPipeline />,
    },
    {
      id: 'responsible',
      label: t('leads.col.responsible'),
      width: 140,
      minWidth: 100,
      sortField: 'responsible',
      text: (row) => names.user(row.responsibleUserId),
      render: (row) => <UserName id={row.responsibleUserId} />,
    },
    {
      id: 'tags',
      label: t('leads.col.tags'),
      width: 160,
      minWidth: 100,
      text: (row) => row.tags.map((tag) => tag.name).join(', '),
      render: (row) => <TagChips tags={row.tags} max={2} />,
    },
    {
      id: 'contact',
      label: t('leads.col.contact'),
      width: 220,
      minWidth: 124,
      sortField: 'contact',
      text: (row) => [row.mainContact?.name, row.mainContact?.phone].filter(Boolean).join(' '),
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
      width: DATE_WIDTH,
      sortField: 'updated_at',
      text: (row) => fmt.dateTime(row.updatedAt),
      render: (row) => <span className="muted">{fmt.dateTime(row.updatedAt)}</span>,
    },
    {
      id: 'created',
      label: t('leads.col.created'),
      width: DATE_WIDTH,
      sortField: 'created_at',
      text: (row) => fmt.dateTime(row.createdAt),
      render: (row) => <span className="muted">{fmt.dateTime(row.createdAt)}</span>,
    },
  ];
}
