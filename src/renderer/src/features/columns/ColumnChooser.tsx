import { useState, type DragEvent } from 'react';
import type { Column } from '../../components/DataGrid';
import { Popover } from '../../components/Popover';
import { useT } from '../../i18n/use-t';
import { moveColumn, placeColumn, toggleColumn } from '../../store/column-choice';
import { customFieldIdOf } from '../../../../common/model/fields';

interface ColumnChooserProps {
  all: readonly Pick<Column<never>, 'id' | 'label'>[];
  /** The ids shown, in order. */
  shown: readonly string[];
  onChange(columns: string[] | undefined): void;
}

/**
 * Shows, hides and orders a list's columns. The columns shown come first, in order, each with
 * buttons that move it left or right (and it can be dragged onto another); the rest follow,
 * standard fields then custom fields. "Restore" goes back to the list's defaults.
 */
export function ColumnChooser({ all, shown, onChange }: ColumnChooserProps) {
  const t = useT();
  const [dragged, setDragged] = useState<string | null>(null);
  const byId = new Map(all.map((column) => [column.id, column]));
  const hidden = all.filter((column) => !shown.includes(column.id));
  const standard = hidden.filter((column) => customFieldIdOf(column.id) === null);
  const custom = hidden.filter((column) => customFieldIdOf(column.id) !== null);
  const drop = (event: DragEvent, before: string) => {
    event.preventDefault();
    if (dragged) onChange(placeColumn(shown, dragged, before));
    setDragged(null);
  };

  const checkbox = (id: string, label: string, checked: boolean) => (
    <label className="column-option">
      <input
        type="checkbox"
        checked={checked}
        disabled={checked && shown.length === 1}
        onChange={(event) => onChange(toggleColumn(shown, id, event.target.checked))}
      />
      <span className="check-label">{label}</span>
    </label>
  );

  return (
    <Popover label={t('columns.button')} ariaLabel={t('columns.panel')} className="column-chooser">
      {() => (
        <div className="column-chooser-panel">
          <ol className="column-list">
            {shown.map((id, index) => {
              const label = byId.get(id)?.label ?? id;
              return (
                <li
                  key={id}
                  draggable
                  data-column={id}
                  className={dragged === id ? 'is-dragged' : undefined}
                  onDragStart={() => setDragged(id)}
                  onDragOver={(event) => event.preventDefault()}
                  onDrop={(event) => drop(event, id)}
                  onDragEnd={() => setDragged(null)}
                >
                  {checkbox(id, label, true)}
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('columns.moveUp', { column: label })}
                    disabled={index === 0}
                    onClick={() => onChange(moveColumn(shown, id, -1))}
                  >
                    ←
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('columns.moveDown', { column: label })}
                    disabled={index === shown.length - 1}
                    onClick={() => onChange(moveColumn(shown, id, 1))}
                  >
                    →
                  </button>
                </li>
              );
            })}
          </ol>
          {standard.length > 0 && (
            <fieldset className="column-group">
              <legend>{t('columns.standard')}</legend>
              {standard.map((column) => (
                <div key={column.id}>{checkbox(column.id, column.label, false)}</div>
              ))}
            </fieldset>
          )}
          {custom.length > 0 && (
            <fieldset className="column-group">
              <legend>{t('columns.custom')}</legend>
              {custom.map((column) => (
                <div key={column.id}>{checkbox(column.id, column.label, false)}</div>
              ))}
            </fieldset>
          )}
          <div className="popover-foot">
            <button type="button" className="link-button" onClick={() => onChange(undefined)}>
              {t('columns.reset')}
            </button>
          </div>
        </div>
      )}
    </Popover>
  );
}
