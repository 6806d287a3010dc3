import { useEffect, useRef, useState } from 'react';

interface SearchInputProps {
  /** The committed value (from the store). */
  value: string | undefined;
  onCommit(value: string | undefined): void;
  label: string;
  placeholder?: string;
  delayMs?: number;
  className?: string;
  inputMode?: 'text' | 'tel';
}

/**
 * A search box that commits once typing pauses, so each keystroke does not start a query. An
 * outside change (e.g. "Clear filters") replaces what is typed.
 */
export function SearchInput({ value, onCommit, label, placeholder, delayMs = 250, className, inputMode = 'text' }: SearchInputProps) {
  const [draft, setDraft] = useState(value ?? '');
  const [seen, setSeen] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  if (seen !== value) {
    setSeen(value);
    if ((value ?? '') !== draft.trim()) setDraft(value ?? '');
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (next: string) => {
    const trimmed = next.trim();
    if (trimmed !== (value ?? '')) onCommit(trimmed || undefined);
  };
  return (
    <input
      type="search"
      className={`input ${className ?? ''}`}
      aria-label={label}
      placeholder={placeholder ?? label}
      value={draft}
      inputMode={inputMode}
      onChange={(event) => {
        const next = event.target.value;
        setDraft(next);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => commit(next), delayMs);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          clearTimeout(timer.current);
          commit(draft);
        }
      }}
    />
  );
}
