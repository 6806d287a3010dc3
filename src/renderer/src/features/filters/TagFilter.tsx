import { useEffect } from 'react';
import type { EntityType } from '../../../../common/model/mirror';
import { CheckList } from '../../components/CheckList';
import { Popover } from '../../components/Popover';
import { TagChip } from '../../components/TagChip';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';

interface TagFilterProps {
  entityType: EntityType;
  tagIds: readonly number[] | undefined;
  mode: 'any' | 'all';
  onChange(tagIds: number[], mode: 'any' | 'all'): void;
}

/** Tags to filter by, matching any or all of them. */
export function TagFilter({ entityType, tagIds = [], mode, onChange }: TagFilterProps) {
  const t = useT();
  const tags = useAppStore((state) => state.tags[entityType]);
  const loadTags = useAppStore((state) => state.loadTags);
  useEffect(() => {
    if (!tags) void loadTags(entityType);
  }, [tags, loadTags, entityType]);

  const names = new Map((tags ?? []).map((tag) => [tag.id, tag.name]));
  const summary = tagIds.length === 1 ? (names.get(tagIds[0]!) ?? '1') : String(tagIds.length);
  return (
    <Popover
      label={tagIds.length ? `${t('filters.tags')}: ${summary}` : t('filters.tags')}
      ariaLabel={t('filters.tags')}
      active={tagIds.length > 0}
    >
      {() => (
        <>
          <fieldset className="segmented" aria-label={t('filters.tagMode')}>
            <label>
              <input type="radio" name={`${entityType}-tag-mode`} checked={mode === 'any'} onChange={() => onChange([...tagIds], 'any')} />
              {t('filters.tagAny')}
            </label>
            <label>
              <input type="radio" name={`${entityType}-tag-mode`} checked={mode === 'all'} onChange={() => onChange([...tagIds], 'all')} />
              {t('filters.tagAll')}
            </label>
          </fieldset>
          <CheckList
            items={(tags ?? []).map((tag) => ({ id: tag.id, label: tag.name, extra: <span className="count">{tag.count}</span> }))}
            selected={tagIds}
            onChange={(ids) => onChange(ids, mode)}
            searchLabel={t('filters.findTag')}
            emptyText={t('filters.noTags')}
          />
          {tagIds.length > 0 && (
            <div className="popover-foot">
              <span className="chips">
                {tagIds.slice(0, 6).map((id) => (
                  <TagChip key={id} tag={{ name: names.get(id) ?? `#${id}`, color: tags?.find((tag) => tag.id === id)?.color ?? null }} />
                ))}
              </span>
              <button type="button" className="link-button" onClick={() => onChange([], mode)}>
                {t('filters.clear')}
              </button>
            </div>
          )}
        </>
      )}
    </Popover>
  );
}
