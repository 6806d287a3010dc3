import { useState, type ReactNode } from 'react';

export interface CheckItem {
  id: number;
  label: string;
  /** Shown after the label (a count, a colour swatch). */
  extra?: ReactNode;
}

interface CheckListProps {
  items: readonly CheckItem[];
  selected: readonly number[];
  onChange(selected: number[]): void;
  /** Shows a filter box above the list when given (for long lists like tags). */
  searchLabel?: string;
  emptyText: string;
}

/** A list of checkboxes for picking several ids (tags, users), with an optional search box. */
export function CheckList({ items, selected, onChange, searchLabel, emptyText }: CheckListProps) {
  const [query, setQuery] = useState('');
  const chosen = new Set(selected);
  const needle = query.trim().toLocaleLowerCase();
  const shown = needle ? items.filter((item) => item.label.toLocaleLowerCase().includes(needle)) : items;
  const toggle = (id: number) => onChange(chosen.has(id) ? selected.filter((value) => value !== id) : [...selected, id]);
  return (
    <div className="checklist">
      {searchLabel && (
        <input
          type="search"
          className="input"
          aria-label={searchLabel}
          placeholder={searchLabel}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      )}
      <ul className="checklist-items">
        {shown.length === 0 && <li className="muted">{emptyText}</li>}
        {shown.slice(0, 300).map((item) => (
          <li key={item.id}>
            <label className="check">
              <input type="checkbox" checked={chosen.has(item.id)} onChange={() => toggle(item.id)} />
              <span className="check-label">{item.label}</span>
              {item.extra}
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
