import { useState } from 'react';
import type { MessageKey } from '../../../../common/i18n';
import { Popover } from '../../components/Popover';
import { secondsToZonedDay, zonedDayToSeconds } from '../../i18n/format';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { DATE_PRESETS, resolveDatePreset, type DatePreset } from '../../store/date-presets';
import { calendarOf } from '../../store/lead-query';
import { useAppStore } from '../../store/context';

/** A range of days: typed ends (Unix seconds), or a quick range kept by name. */
export interface DateRange {
  from?: number;
  to?: number;
  preset?: DatePreset;
}

interface DateRangeFilterProps {
  label: string;
  range: DateRange;
  onChange(range: DateRange): void;
}

const PRESET_LABELS: Record<DatePreset, MessageKey> = {
  today: 'filters.range.today',
  yesterday: 'filters.range.yesterday',
  thisWeek: 'filters.range.thisWeek',
  last7: 'filters.range.last7',
  last30: 'filters.range.last30',
  thisMonth: 'filters.range.thisMonth',
  lastMonth: 'filters.range.lastMonth',
};

/**
 * A range of days (in the account's time zone): a quick range (today, this week…) in one click,
 * or each end picked in a date input.
 */
export function DateRangeFilter({ label, range, onChange }: DateRangeFilterProps) {
  const t = useT();
  const fmt = useFormat();
  const { preset, from, to } = range;
  const active = preset !== undefined || from !== undefined || to !== undefined;
  const summary = preset
    ? t(PRESET_LABELS[preset])
    : [from !== undefined ? fmt.date(from) : '…', to !== undefined ? fmt.date(to) : '…'].join(' – ');
  return (
    <Popover label={active ? `${label}: ${summary}` : label} ariaLabel={label} active={active}>
      {(close) => <RangeEditor range={range} onChange={onChange} close={close} />}
    </Popover>
  );
}

/** The open filter: the quick ranges, then both ends, and "clear" while anything is set. */
function RangeEditor({ range, onChange, close }: { range: DateRange; onChange(range: DateRange): void; close(): void }) {
  const t = useT();
  const zone = useFormat().timeZone;
  const meta = useAppStore((state) => state.meta);
  const locale = useAppStore((state) => state.locale);
  const info = useAppStore((state) => state.info);
  // The moment the editor opened: a quick range shows its days as of then.
  const [openedAt] = useState(() => Date.now());
  const { preset } = range;
  // Typing either end of a quick range turns it into a typed range, keeping the other end.
  const { from, to } = preset ? resolveDatePreset(preset, calendarOf({ meta, locale, info }, openedAt)) : range;
  const active = preset !== undefined || from !== undefined || to !== undefined;
  return (
    <div className="range-form">
      <div className="range-presets" role="group" aria-label={t('filters.quickRanges')}>
        {DATE_PRESETS.map((option) => (
          <button
            key={option}
            type="button"
            className="range-preset"
            aria-pressed={option === preset}
            onClick={() => {
              onChange({ preset: option });
              close();
            }}
          >
            {t(PRESET_LABELS[option])}
          </button>
        ))}
      </div>
      <DayInput label={t('filters.from')} value={from} zone={zone} endOfDay={false} onPick={(day) => onChange({ from: day, to })} />
      <DayInput label={t('filters.to')} value={to} zone={zone} endOfDay onPick={(day) => onChange({ from, to: day })} />
      {active && (
        <button type="button" className="link-button" onClick={() => onChange({})}>
          {t('filters.clear')}
        </button>
      )}
    </div>
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
