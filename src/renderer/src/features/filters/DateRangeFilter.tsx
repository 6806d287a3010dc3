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
          <DayInput label={t('filters.from')} value={from} zone={zone} endOfDay={false} onPick={(day) => onChange(day, to)} />
          <DayInput label={t('filters.to')} value={to} zone={zone} endOfDay onPick={(day) => onChange(from, day)} />
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

interface DayInputProps {
  label: string;
  value: number | undefined;
  zone: string | undefined;
  /** The picked day's last second (the range's end) rather than its first. */
  endOfDay: boolean;
  onPick(seconds: number | undefined): void;
}

/** One end of the range: a date input in the account's time zone, read and written as Unix seconds. */
function DayInput({ label, value, zone, endOfDay, onPick }: DayInputProps) {
  return (
    <label>
      {label}
      <input
        type="date"
        className="input"
        value={value !== undefined ? secondsToZonedDay(value, zone) : ''}
        onChange={(event) => onPick(zonedDayToSeconds(event.target.value, zone, endOfDay))}
      />
    </label>
  );
}
