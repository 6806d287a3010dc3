import { ListScreen } from '../../components/ListScreen';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { countFilters } from '../../store/view-state';
import { LeadFilters } from './LeadFilters';
import { DEFAULT_LEAD_COLUMNS, leadColumns } from './lead-columns';

export function LeadsView() {
  const t = useT();
  const leads = useAppStore((state) => state.leads);
  // With filters on, "no match" offers to clear them all at once.
  const empty =
    countFilters(leads.view.filter) > 0 ? (
      <>
        <p>{t('leads.emptyFiltered')}</p>
        <button type="button" className="button" onClick={() => leads.actions.replaceFilter({ tagMode: 'any' })}>
          {t('filters.clearAllPlain')}
        </button>
      </>
    ) : undefined;
  return (
    <ListScreen
      name="leads"
      slice={leads}
      columns={leadColumns}
      defaultColumns={DEFAULT_LEAD_COLUMNS}
      filters={<LeadFilters />}
      empty={empty}
    />
  );
}
