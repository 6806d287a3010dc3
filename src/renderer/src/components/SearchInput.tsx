import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/use-t';
import { limitSearch, MAX_SEARCH_TEXT_LENGTH } from './search-limit';

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
 * outside change (e.g. "Clear filters") replaces what is typed. A paste longer than a query may
 * carry is cut to it, with a note saying so.
 */
export function SearchInput({ value, onCommit, label, placeholder, delayMs = 250, className, inputMode = 'text' }: SearchInputProps) {
  const t = useT();
  const noteId = useId();
  const [draft, setDraft] = useState(value ?? '');
  const [cut, setCut] = useState(false);
  const [seen, setSeen] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  if (seen !== value) {
    setSeen(value);
    if ((value ?? '') !== draft.trim()) {
      setDraft(value ?? '');
      setCut(false);
    }
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (next: string) => {
    const trimmed = next.trim();
    if (trimmed !== (value ?? '')) onCommit(trimmed || undefined);
  };
  return (
    <>
      <input
        type="search"
        className={`input ${className ?? ''}`}
        aria-label={label}
        placeholder={placeholder ?? label}
        value={draft}
        inputMode={inputMode}
        aria-describedby={cut ? noteId : undefined}
        onChange={(event) => {
          const { text: next, cut: tooLong } = limitSearch(event.target.value);
          setCut(tooLong);
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
      {cut && (
        <span id={noteId} className="search-limit" role="status">
          {t('search.tooLong', { max: MAX_SEARCH_TEXT_LENGTH })}
        </span>
      )}
    </>
  );
}
