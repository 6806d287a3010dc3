import { SearchInput } from '../../components/SearchInput';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { countFilters } from '../../store/view-state';
import { FieldFilter } from '../filters/FieldFilter';
import { FilterBar } from '../filters/FilterBar';
import { TagFilter } from '../filters/TagFilter';
import { UserFilter } from '../filters/UserFilter';

/** The contact list's filter bar: text, phone, tags and responsible user. */
export function ContactFilters() {
  const t = useT();
  const filter = useAppStore((state) => state.contacts.view.filter);
  const { setFilter, replaceFilter } = useAppStore((state) => state.contacts.actions);
  return (
    <FilterBar label={t('contacts.filters')} active={countFilters(filter)} onClearAll={() => replaceFilter({ tagMode: 'any' })}>
      <SearchInput className="search-text" value={filter.text} onCommit={(text) => setFilter({ text })} label={t('contacts.searchText')} />
      <SearchInput
        className="search-phone"
        value={filter.phone}
        onCommit={(phone) => setFilter({ phone })}
        label={t('contacts.searchPhone')}
        inputMode="tel"
      />
      <TagFilter
        entityType="contacts"
        tagIds={filter.tagIds}
        mode={filter.tagMode ?? 'any'}
        onChange={(tagIds, tagMode) => setFilter({ tagIds, tagMode })}
      />
      <UserFilter userIds={filter.responsibleUserIds} onChange={(responsibleUserIds) => setFilter({ responsibleUserIds })} />
      <FieldFilter entityType="contacts" filters={filter.fields} onChange={(fields) => setFilter({ fields })} />
    </FilterBar>
  );
}
