import { Popover } from '../../components/Popover';
import { secondsToZonedDay, zonedDayToSeconds } from '../../i18n/format';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';

interface DateRangeFilterProps {
  label: string;
  from: number | undefined;
  to: number | undefined;
  onChange(from: number | undefined, to: number | undefined): void;
}

/** A range of days (in the account's time zone), applied as each end is picked. */
export function DateRangeFilter({ label, from, to, onChange }: DateRangeFilterProps) {
  const t = useT();
  const fmt = useFormat();
  const zone = fmt.timeZone;
  const active = from !== undefined || to !== undefined;
  const summary = [from !== undefined ? fmt.date(from) : '…', to !== undefined ? fmt.date(to) : '…'].join(' – ');
  return (
    <Popover label={active ? `${label}: ${summary}` : label} ariaLabel={label} active={active}>
      {() => (
        <div className="range-form">
          <label>
            {t('filters.from')}
            <input
              type="date"
              className="input"
              value={from !== undefined ? secondsToZonedDay(from, zone) : ''}
              onChange={(event) => onChange(zonedDayToSeconds(event.target.value, zone, false), to)}
            />
          </label>
          <label>
            {t('filters.to')}
            <input
              type="date"
              className="input"
              value={to !== undefined ? secondsToZonedDay(to, zone) : ''}
              onChange={(event) => onChange(from, zonedDayToSeconds(event.target.value, zone, true))}
            />
          </label>
          {active && (
            <button type="button" className="link-button" onClick={() => onChange(undefined, undefined)}>
              {t('filters.clear')}
            </button>
          )}
        </div>
      )}
    </Popover>
  );
}
