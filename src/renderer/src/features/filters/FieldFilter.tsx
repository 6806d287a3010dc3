import { useState, type FormEvent } from 'react';
import { fieldFilterKind, fieldValueKind, type FieldFilter as Condition } from '../../../../common/model/fields';
import type { CustomFieldDefinitionView } from '../../../../common/model/mirror';
import { CheckList } from '../../components/CheckList';
import { Popover } from '../../components/Popover';
import { secondsToZonedDay, zonedDayToSeconds, type Formatters } from '../../i18n/format';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { columnFields } from '../columns/list-columns';

interface FieldFilterProps {
  entityType: 'leads' | 'contacts';
  filters: readonly Condition[] | undefined;
  onChange(filters: Condition[]): void;
}

/** A condition in words: "Canal: Feria, Google", "Presupuesto ≥ 1,000", "Factura: Marcado". */
function summary(field: CustomFieldDefinitionView | undefined, condition: Condition, fmt: Formatters, t: ReturnType<typeof useT>): string {
  const name = field?.name ?? `#${condition.fieldId}`;
  switch (condition.kind) {
    case 'enum':
      return `${name}: ${condition.enumIds.map((id) => field?.enums.find((option) => option.id === id)?.value ?? `#${id}`).join(', ')}`;
    case 'checkbox':
      return `${name}: ${t(condition.checked ? 'fieldFilter.checked' : 'fieldFilter.unchecked')}`;
    case 'text':
      return `${name} ∋ “${condition.contains}”`;
    case 'range': {
      const show = (value: number) => (field && fieldValueKind(field.type) === 'date' ? fmt.date(value) : fmt.number(value));
      if (condition.min !== undefined && condition.max !== undefined) return `${name}: ${show(condition.min)}–${show(condition.max)}`;
      return condition.min !== undefined ? `${name} ≥ ${show(condition.min)}` : `${name} ≤ ${show(condition.max!)}`;
    }
  }
}

/** Conditions on custom fields, one per field, each offering what the field's type allows. */
export function FieldFilter({ entityType, filters = [], onChange }: FieldFilterProps) {
  const t = useT();
  const fmt = useFormat();
  const all = useAppStore((state) => state.meta.customFields);
  const fields = columnFields(all, entityType).filter((field) => fieldFilterKind(field.type) !== null);
  const byId = new Map(fields.map((field) => [field.id, field]));
  const [chosen, setChosen] = useState<number | null>(null);
  const field = chosen === null ? undefined : byId.get(chosen);
  const replace = (fieldId: number, next: Condition | null) =>
    onChange([...filters.filter((f) => f.fieldId !== fieldId), ...(next ? [next] : [])]);

  return (
    <Popover
      label={filters.length > 0 ? t('fieldFilter.buttonActive', { count: filters.length }) : t('fieldFilter.button')}
      ariaLabel={t('fieldFilter.button')}
      active={filters.length > 0}
      className="field-filter"
    >
      {(close) => (
        <div className="range-form">
          {filters.length > 0 && (
            <ul className="field-conditions">
              {filters.map((condition) => {
                const text = summary(byId.get(condition.fieldId), condition, fmt, t);
                return (
                  <li key={condition.fieldId}>
                    <span className="check-label">{text}</span>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={t('fieldFilter.remove', { field: byId.get(condition.fieldId)?.name ?? `#${condition.fieldId}` })}
                      onClick={() => replace(condition.fieldId, null)}
                    >
                      ×
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          {fields.length === 0 ? (
            <p className="muted">{t('fieldFilter.none')}</p>
          ) : (
            <label>
              {t('fieldFilter.field')}
              <select className="input" value={chosen ?? ''} onChange={(event) => setChosen(Number(event.target.value) || null)}>
                <option value="">{t('fieldFilter.choose')}</option>
                {fields.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {field && (
            <ConditionForm
              key={field.id}
              field={field}
              current={filters.find((f) => f.fieldId === field.id)}
              fmt={fmt}
              onApply={(next) => {
                replace(field.id, next);
                close();
              }}
            />
          )}
        </div>
      )}
    </Popover>
  );
}

function ConditionForm({
  field,
  current,
  fmt,
  onApply,
}: {
  field: CustomFieldDefinitionView;
  current: Condition | undefined;
  fmt: Formatters;
  onApply(next: Condition | null): void;
}) {
  const t = useT();
  const kind = fieldFilterKind(field.type)!;
  const isDate = fieldValueKind(field.type) === 'date';
  const [enumIds, setEnumIds] = useState<number[]>(current?.kind === 'enum' ? current.enumIds : []);
  const initial = (value: number | undefined) =>
    value === undefined ? '' : isDate ? secondsToZonedDay(value, fmt.timeZone) : String(value);
  const [min, setMin] = useState(initial(current?.kind === 'range' ? current.min : undefined));
  const [max, setMax] = useState(initial(current?.kind === 'range' ? current.max : undefined));
  const [checked, setChecked] = useState(current?.kind === 'checkbox' ? current.checked : true);
  const [contains, setContains] = useState(current?.kind === 'text' ? current.contains : '');

  const bound = (value: string, end: boolean): number | undefined => {
    if (value.trim() === '') return undefined;
    if (isDate) return zonedDayToSeconds(value, fmt.timeZone, end);
    const number = Number(value.replace(/[\s,]/g, ''));
    return Number.isFinite(number) ? number : undefined;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fieldId = field.id;
    if (kind === 'enum') onApply(enumIds.length > 0 ? { fieldId, kind, enumIds } : null);
    else if (kind === 'checkbox') onApply({ fieldId, kind, checked });
    else if (kind === 'text') onApply(contains.trim() ? { fieldId, kind, contains: contains.trim() } : null);
    else {
      const from = bound(min, false);
      const to = bound(max, true);
      onApply(from === undefined && to === undefined ? null : { fieldId, kind, min: from, max: to });
    }
  };

  return (
    <form className="range-form" onSubmit={submit} aria-label={field.name}>
      {kind === 'enum' && (
        <CheckList
          items={[...field.enums].sort((a, b) => a.sort - b.sort).map((option) => ({ id: option.id, label: option.value }))}
          selected={enumIds}
          onChange={setEnumIds}
          emptyText={t('fieldFilter.none')}
        />
      )}
      {kind === 'range' && (
        <>
          <RangeEnd label={t('fieldFilter.min')} isDate={isDate} value={min} onChange={setMin} />
          <RangeEnd label={t('fieldFilter.max')} isDate={isDate} value={max} onChange={setMax} />
        </>
      )}
      {kind === 'checkbox' && (
        <fieldset className="segmented">
          <label>
            <input type="radio" checked={checked} onChange={() => setChecked(true)} />
            {t('fieldFilter.checked')}
          </label>
          <label>
            <input type="radio" checked={!checked} onChange={() => setChecked(false)} />
            {t('fieldFilter.unchecked')}
          </label>
        </fieldset>
      )}
      {kind === 'text' && (
        <label>
          {t('fieldFilter.contains')}
          <input className="input" value={contains} onChange={(e) => setContains(e.target.value)} />
        </label>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary">
          {t('fieldFilter.apply')}
        </button>
      </div>
    </form>
  );
}

/** One end of a field's range: a day picker for a date field, a typed number otherwise. */
function RangeEnd({ label, isDate, value, onChange }: { label: string; isDate: boolean; value: string; onChange(value: string): void }) {
  return (
    <label>
      {label}
      <input
        className="input"
        type={isDate ? 'date' : 'text'}
        inputMode="decimal"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
