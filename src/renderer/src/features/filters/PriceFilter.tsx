import { useState, type FormEvent } from 'react';
import { Popover } from '../../components/Popover';
import { useT } from '../../i18n/use-t';
import { useFormat } from '../../i18n/use-format';

interface PriceFilterProps {
  min: number | undefined;
  max: number | undefined;
  onChange(min: number | undefined, max: number | undefined): void;
}

function parse(value: string): number | undefined {
  const number = Number(value.replace(/[\s,]/g, ''));
  return value.trim() !== '' && Number.isFinite(number) && number >= 0 ? number : undefined;
}

/** A price range, applied with Enter or the button. */
export function PriceFilter({ min, max, onChange }: PriceFilterProps) {
  const t = useT();
  const fmt = useFormat();
  const active = min !== undefined || max !== undefined;
  const summary =
    min !== undefined && max !== undefined
      ? `${fmt.number(min)}–${fmt.number(max)}`
      : min !== undefined
        ? `≥ ${fmt.number(min)}`
        : max !== undefined
          ? `≤ ${fmt.number(max)}`
          : '';
  return (
    <Popover label={active ? `${t('filters.price')}: ${summary}` : t('filters.price')} ariaLabel={t('filters.price')} active={active}>
      {(close) => <PriceForm min={min} max={max} onApply={(a, b) => (onChange(a, b), close())} />}
    </Popover>
  );
}

function PriceForm({
  min,
  max,
  onApply,
}: {
  min: number | undefined;
  max: number | undefined;
  onApply(min: number | undefined, max: number | undefined): void;
}) {
  const t = useT();
  const [from, setFrom] = useState(min?.toString() ?? '');
  const [to, setTo] = useState(max?.toString() ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(parse(from), parse(to));
  };
  return (
    <form className="range-form" onSubmit={submit}>
      <label>
        {t('filters.from')}
        <input className="input" inputMode="decimal" value={from} onChange={(event) => setFrom(event.target.value)} />
      </label>
      <label>
        {t('filters.to')}
        <input className="input" inputMode="decimal" value={to} onChange={(event) => setTo(event.target.value)} />
      </label>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => onApply(undefined, undefined)}>
          {t('filters.clear')}
        </button>
        <button type="submit" className="button primary">
          {t('filters.apply')}
        </button>
      </div>
    </form>
  );
}
