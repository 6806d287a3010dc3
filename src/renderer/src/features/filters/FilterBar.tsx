import { Children, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../../i18n/use-t';

interface FilterBarProps {
  /** The bar's accessible name ("Lead filters"). */
  label: string;
  /** How many filters are set (`countFilters`): above zero, a button clears them all. */
  active: number;
  onClearAll(): void;
  /** The filter editors, most used first: those that do not fit go under "More filters". */
  children: ReactNode;
}

const GAP = 6;
/** Room kept for "More filters" and "Clear N filters" before they have been measured. */
const MORE_WIDTH = 150;
const CLEAR_WIDTH = 130;
/** A filter not measured yet (it has only been under "More filters"). */
const UNMEASURED = 150;

/**
 * A list's filter bar on one line: the editors that fit, in order, then "More filters" holding
 * the rest (with how many of them are set), then "clear N filters" while any is set. The bar
 * never wraps, so the grid keeps its height when the detail panel narrows the list. Each editor's
 * width is measured while it is on the bar and remembered, so the split settles at once.
 */
export function FilterBar({ label, active, onClearAll, children }: FilterBarProps) {
  const t = useT();
  const items = Children.toArray(children);
  const bar = useRef<HTMLDivElement>(null);
  const more = useRef<HTMLDivElement>(null);
  const widths = useRef(new Map<number, number>());
  const [fit, setFit] = useState(items.length);
  // A resize re-renders the bar, and the layout effect splits it again.
  const [, setResized] = useState(0);
  const [open, setOpen] = useState(false);
  const [moreActive, setMoreActive] = useState(0);

  useEffect(() => {
    const element = bar.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setResized((count) => count + 1));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // After every render: an editor's width changes with what it shows ("Responsable: Diego"). It
  // settles: a width once measured is known, so the split stops moving.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const element = bar.current;
    if (!element) return;
    element.querySelectorAll<HTMLElement>(':scope > [data-filter-index]').forEach((item) => {
      if (item.offsetWidth > 0) widths.current.set(Number(item.dataset.filterIndex), item.offsetWidth);
    });
    setMoreActive(more.current?.querySelectorAll('.filter-button.is-active').length ?? 0);
    // While an editor is open the split holds still: moving it would close the editor in the rep's hands.
    if (element.querySelector('[aria-expanded="true"]')) return;
    const available = element.clientWidth;
    // No layout (a test's DOM): everything on the bar.
    let next = items.length;
    if (available > 0) {
      // Room for "clear N filters" is kept even before a filter is set, so setting one moves nothing.
      const clear = CLEAR_WIDTH + GAP;
      let used = 0;
      next = 0;
      for (let index = 0; index < items.length; index++) {
        used += (widths.current.get(index) ?? UNMEASURED) + GAP;
        const rest = index === items.length - 1 ? 0 : MORE_WIDTH + GAP;
        if (used + rest + clear > available && index > 0) break;
        next = index + 1;
      }
    }
    if (next !== fit) setFit(next);
  });

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!more.current?.parentElement?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const inline = items.slice(0, fit);
  const overflow = items.slice(fit);
  return (
    <div className="filter-bar" role="search" aria-label={label} ref={bar}>
      {inline.map((item, index) => (
        <div key={index} className="filter-item" data-filter-index={index}>
          {item}
        </div>
      ))}
      {overflow.length > 0 && (
        <div className="popover more-filters">
          <button
            type="button"
            className={`filter-button${moreActive > 0 ? ' is-active' : ''}`}
            aria-expanded={open}
            onClick={() => setOpen((value) => !value)}
          >
            {moreActive > 0 ? t('filters.moreActive', { count: moreActive }) : t('filters.more')}
            <span className="caret" aria-hidden="true">
              ▾
            </span>
          </button>
          <div
            ref={more}
            className="popover-panel more-filters-panel"
            role="group"
            aria-label={t('filters.more')}
            hidden={!open}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && event.target === event.currentTarget) setOpen(false);
            }}
          >
            {overflow.map((item, index) => (
              <div key={fit + index} className="filter-item">
                {item}
              </div>
            ))}
          </div>
        </div>
      )}
      {active > 0 && (
        <button type="button" className="link-button" onClick={onClearAll}>
          {t('filters.clearAll', { count: active })}
        </button>
      )}
    </div>
  );
}
