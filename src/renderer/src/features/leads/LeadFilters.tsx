import { SearchInput } from '../../components/SearchInput';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { countFilters, type LeadViewFilter } from '../../store/view-state';
import { DateRangeFilter } from '../filters/DateRangeFilter';
import { FieldFilter } from '../filters/FieldFilter';
import { FilterBar } from '../filters/FilterBar';
import { LossReasonFilter } from '../filters/LossReasonFilter';
import { PriceFilter } from '../filters/PriceFilter';
import { StageFilter } from '../filters/StageFilter';
import { TagFilter } from '../filters/TagFilter';
import { UserFilter } from '../filters/UserFilter';

/** The lead list's filter bar: every filter the contract offers, each in its own small editor. */
export function LeadFilters() {
  const t = useT();
  const filter = useAppStore((state) => state.leads.view.filter);
  const { setFilter, replaceFilter } = useAppStore((state) => state.leads.actions);
  return (
    <FilterBar label={t('leads.filters')} active={countFilters(filter)} onClearAll={() => replaceFilter({ tagMode: 'any' })}>
      <SearchInput className="search-text" value={filter.text} onCommit={(text) => setFilter({ text })} label={t('leads.searchText')} />
      <StageFilter
        pipelineIds={filter.pipelineIds}
        stages={filter.stages}
        onChange={(pipelineIds, stages) => setFilter({ pipelineIds, stages })}
      />
      <TagFilter
        entityType="leads"
        tagIds={filter.tagIds}
        mode={filter.tagMode ?? 'any'}
        onChange={(tagIds, tagMode) => setFilter({ tagIds, tagMode })}
      />
      <UserFilter userIds={filter.responsibleUserIds} onChange={(responsibleUserIds) => setFilter({ responsibleUserIds })} />
      <PriceFilter min={filter.priceMin} max={filter.priceMax} onChange={(priceMin, priceMax) => setFilter({ priceMin, priceMax })} />
      <DateRangeFilter
        label={t('filters.created')}
        range={{ from: filter.createdFrom, to: filter.createdTo, preset: filter.createdRange }}
        onChange={(range) => setFilter({ createdFrom: range.from, createdTo: range.to, createdRange: range.preset })}
      />
      <DateRangeFilter
        label={t('filters.updated')}
        range={{ from: filter.updatedFrom, to: filter.updatedTo, preset: filter.updatedRange }}
        onChange={(range) => setFilter({ updatedFrom: range.from, updatedTo: range.to, updatedRange: range.preset })}
      />
      <DateRangeFilter
        label={t('filters.closed')}
        range={{ from: filter.closedFrom, to: filter.closedTo, preset: filter.closedRange }}
        onChange={(range) => setFilter({ closedFrom: range.from, closedTo: range.to, closedRange: range.preset })}
      />
      <LossReasonFilter reasonIds={filter.lossReasonIds} onChange={(lossReasonIds) => setFilter({ lossReasonIds })} />
      <FieldFilter entityType="leads" filters={filter.fields} onChange={(fields) => setFilter({ fields })} />
      {/* A native select styled as the other filters: three choices need no popover. */}
      <select
        className={`filter-button filter-select${filter.tasks ? ' is-active' : ''}`}
        aria-label={t('filters.tasks')}
        value={filter.tasks ?? ''}
        onChange={(event) => setFilter({ tasks: (event.target.value || undefined) as LeadViewFilter['tasks'] })}
      >
        <option value="">{t('filters.tasksAny')}</option>
        <option value="none_open">{t('filters.tasksNoneOpen')}</option>
        <option value="overdue">{t('filters.tasksOverdue')}</option>
      </select>
    </FilterBar>
  );
}
