import { useId, useMemo, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { parseSavedViews, resolveSavedView, SAVED_VIEWS_KEY, showsView, type SavedView } from '../../store/saved-views';

/** The sidebar's saved lead views: open one, name the current one, rename or delete. */
export function SavedViews() {
  const t = useT();
  const headingId = useId();
  const raw = useAppStore((state) => state.settings.ui[SAVED_VIEWS_KEY]);
  const views = useMemo(() => parseSavedViews(raw), [raw]);
  const onLeads = useAppStore((state) => state.view === 'leads');
  const shown = useAppStore((state) => state.leads.view);
  const currentUserId = useAppStore((state) => state.meta.currentUserId);
  const pipelines = useAppStore((state) => state.lookup.pipelines);
  const saveView = useAppStore((state) => state.saveView);
  const openView = useAppStore((state) => state.openView);
  const renameView = useAppStore((state) => state.renameView);
  const deleteView = useAppStore((state) => state.deleteView);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const nameOf = (view: SavedView) => view.name ?? t('views.myOpenLeads');

  return (
    <section className="saved-views" aria-labelledby={headingId}>
      <h2 id={headingId} className="saved-views-heading">
        {t('views.heading')}
      </h2>
      <ul>
        {views.map((view) =>
          editing === view.id ? (
            <li key={view.id}>
              <NameForm
                label={t('views.renameLabel', { name: nameOf(view) })}
                initial={nameOf(view)}
                onDone={(name) => {
                  if (name !== null) renameView(view.id, name);
                  setEditing(null);
                }}
              />
            </li>
          ) : (
            <li key={view.id} className="saved-view">
              <button
                type="button"
                className={`nav-item saved-view-open${onLeads && showsView(shown, resolveSavedView(view, { currentUserId, pipelines })) ? ' is-current' : ''}`}
                title={t('views.open', { name: nameOf(view) })}
                onClick={() => openView(view.id)}
              >
                {nameOf(view)}
              </button>
              <button
                type="button"
                className="saved-view-action"
                aria-label={t('views.rename', { name: nameOf(view) })}
                onClick={() => setEditing(view.id)}
              >
                ✎
              </button>
              <button
                type="button"
                className="saved-view-action"
                aria-label={t('views.delete', { name: nameOf(view) })}
                onClick={() => deleteView(view.id)}
              >
                ×
              </button>
            </li>
          ),
        )}
      </ul>
      {editing === 'new' ? (
        <NameForm
          label={t('views.nameLabel')}
          initial=""
          onDone={(name) => {
            if (name !== null) saveView(name);
            setEditing(null);
          }}
        />
      ) : (
        <button type="button" className="nav-item saved-view-save" onClick={() => setEditing('new')}>
          + {t('views.saveCurrent')}
        </button>
      )}
    </section>
  );
}

/** A name typed inline: Enter or Save keeps it, Esc or Cancel drops it. */
function NameForm({ label, initial, onDone }: { label: string; initial: string; onDone(name: string | null): void }) {
  const t = useT();
  const [name, setName] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onDone(name.trim() === '' ? null : name);
  };
  return (
    <form className="saved-view-form" onSubmit={submit}>
      <input
        className="input"
        aria-label={label}
        placeholder={t('views.defaultName')}
        value={name}
        maxLength={80}
        autoFocus
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onDone(null);
        }}
      />
      <button type="submit" className="button">
        {t('views.save')}
      </button>
      <button type="button" className="button" onClick={() => onDone(null)}>
        {t('views.cancel')}
      </button>
    </form>
  );
}
