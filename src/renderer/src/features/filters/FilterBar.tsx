import type { ReactNode } from 'react';
import { useT } from '../../i18n/use-t';

interface FilterBarProps {
  /** The bar's accessible name ("Lead filters"). */
  label: string;
  /** How many filters are set (`countFilters`): above zero, a button clears them all. */
  active: number;
  onClearAll(): void;
  children: ReactNode;
}

/** A list's filter bar: its filter editors, then "clear N filters" while any is set. */
export function FilterBar({ label, active, onClearAll, children }: FilterBarProps) {
  const t = useT();
  return (
    <div className="filter-bar" role="search" aria-label={label}>
      {children}
      {active > 0 && (
        <button type="button" className="link-button" onClick={onClearAll}>
          {t('filters.clearAll', { count: active })}
        </button>
      )}
    </div>
  );
}
