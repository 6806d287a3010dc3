import { ListScreen } from '../../components/ListScreen';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { countFilters } from '../../store/view-state';
import { LeadFilters } from './LeadFilters';
import { DEFAULT_LEAD_COLUMNS, leadColumns } from './lead-columns';

export function LeadsView() {
  const t = useT();
  const leads = useAppStore((state) => state.leads);
  const filtered = countFilters(leads.view.filter) > 0;

  return (
    <ListScreen
      name="leads"
      slice={leads}
      title={t('nav.leads')}
      countKey="list.leadsCount"
      tableLabel={t('leads.tableLabel')}
      columns={leadColumns}
      defaultColumns={DEFAULT_LEAD_COLUMNS}
      entityType="leads"
      filters={<LeadFilters />}
      opens="lead"
      exports="leads"
      empty={
        filtered ? (
          <>
            <p>{t('leads.emptyFiltered')}</p>
            <button type="button" className="button" onClick={() => leads.actions.replaceFilter({ tagMode: 'any' })}>
              {t('filters.clearAllPlain')}
            </button>
          </>
        ) : (
          <p>{t('leads.empty')}</p>
        )
      }
    />
  );
}
