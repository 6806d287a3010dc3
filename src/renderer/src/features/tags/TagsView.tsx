import { useEffect, useState } from 'react';
import type { EntityType, TagWithCount } from '../../../../common/model/mirror';
import { TagChip } from '../../components/TagChip';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';

const TYPES: readonly EntityType[] = ['leads', 'contacts', 'companies'];

/** Every tag per entity type with its count; a lead or contact tag opens its list filtered by it. */
export function TagsView() {
  const t = useT();
  const fmt = useFormat();
  const [entityType, setEntityType] = useState<EntityType>('leads');
  const [query, setQuery] = useState('');
  const tags = useAppStore((state) => state.tags[entityType]);
  const error = useAppStore((state) => state.tagsError);
  const loadTags = useAppStore((state) => state.loadTags);
  const openTag = useOpenTag();
  useEffect(() => {
    void loadTags(entityType);
  }, [loadTags, entityType]);

  const needle = query.trim().toLocaleLowerCase();
  const shown = (tags ?? [])
    .filter((tag) => !needle || tag.name.toLocaleLowerCase().includes(needle))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return (
    <section className="view" aria-labelledby="tags-title">
      <header className="view-head">
        <h1 id="tags-title">{t('nav.tags')}</h1>
        <div role="tablist" aria-label={t('tags.entityType')} className="tabs">
          {TYPES.map((type) => (
            <button
              key={type}
              type="button"
              role="tab"
              aria-selected={type === entityType}
              tabIndex={type === entityType ? 0 : -1}
              className="tab"
              onClick={() => setEntityType(type)}
              onKeyDown={(event) => {
                // Arrow keys move between tabs, as the ARIA tabs pattern expects.
                const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
                if (!step) return;
                const next = TYPES[(TYPES.indexOf(type) + step + TYPES.length) % TYPES.length]!;
                setEntityType(next);
                (event.currentTarget.parentElement?.querySelector(`[data-type="${next}"]`) as HTMLElement | null)?.focus();
              }}
              data-type={type}
            >
              {t(`tags.type.${type}`)}
            </button>
          ))}
        </div>
        <input
          type="search"
          className="input"
          aria-label={t('tags.find')}
          placeholder={t('tags.find')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </header>
      {error && (
        <p className="inline-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="tags-panel" role="tabpanel">
        {tags && shown.length === 0 && <p className="empty-state">{t('tags.none')}</p>}
        <table className="simple-table">
          <caption className="visually-hidden">{t('tags.caption', { type: t(`tags.type.${entityType}`) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tags.col.tag')}</th>
              <th scope="col" className="align-end">
                {t('tags.col.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((tag) => (
              <tr key={tag.id}>
                <td>
                  {entityType === 'companies' ? (
                    <TagChip tag={tag} />
                  ) : (
                    <button
                      type="button"
                      className="tag-link"
                      onClick={() => openTag({ ...tag, entityType })}
                      aria-label={t('tags.open', { tag: tag.name, type: t(`tags.type.${entityType}`) })}
                    >
                      <TagChip tag={tag} />
                    </button>
                  )}
                </td>
                <td className="align-end num">{fmt.number(tag.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Opens the lead or contact list filtered by exactly this tag. */
function useOpenTag(): (tag: TagWithCount) => void {
  const leads = useAppStore((state) => state.leads.actions);
  const contacts = useAppStore((state) => state.contacts.actions);
  const navigate = useAppStore((state) => state.navigate);
  return (tag) => {
    if (tag.entityType === 'leads') {
      leads.replaceFilter({ tagIds: [tag.id], tagMode: 'any' });
      navigate('leads');
    } else if (tag.entityType === 'contacts') {
      contacts.replaceFilter({ tagIds: [tag.id], tagMode: 'any' });
      navigate('contacts');
    }
  };
}
