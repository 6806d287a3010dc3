import { useId, useState, type KeyboardEvent } from 'react';
import type { ContactRow, LeadRow } from '../../../../common/model/mirror';
import { limitSearch, MAX_SEARCH_TEXT_LENGTH } from '../../components/search-limit';
import { readablePhone } from '../../../../common/phone';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { PhoneResult } from './PhoneResult';

export const PHONE_SEARCH_INPUT_ID = 'phone-search-input';

export type PhoneOption = { kind: 'contact'; contact: ContactRow } | { kind: 'lead'; lead: LeadRow; contact: ContactRow };

/**
 * The one phone box, in the top bar: any way of writing a Peru number (or its last 6+ digits)
 * finds contacts and their leads. The host normalizes the query; the box shows how it was read.
 * A combobox: arrows move through the results, Enter opens one, Escape clears.
 */
export function PhoneSearch() {
  const t = useT();
  const id = useId();
  const query = useAppStore((state) => state.phone.query);
  const result = useAppStore((state) => state.phone.result);
  const loading = useAppStore((state) => state.phone.loading);
  const error = useAppStore((state) => state.phone.error);
  const setPhoneQuery = useAppStore((state) => state.setPhoneQuery);
  const openDetail = useAppStore((state) => state.openDetail);
  const [focused, setFocused] = useState(false);
  const [active, setActive] = useState(-1);
  const [cut, setCut] = useState(false);

  const options: PhoneOption[] = (result?.contacts ?? []).flatMap((contact) => [
    { kind: 'contact' as const, contact },
    ...contact.leads.map((lead) => ({ kind: 'lead' as const, lead, contact })),
  ]);
  const open = focused && query.trim() !== '';
  const listId = `${id}-results`;

  const choose = (option: PhoneOption | undefined) => {
    if (!option) return;
    if (option.kind === 'contact') openDetail('contact', option.contact.id);
    else openDetail('lead', option.lead.id);
    setFocused(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + options.length) % options.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(options[active >= 0 ? active : 0]);
    } else if (event.key === 'Escape') {
      setCut(false);
      if (query) setPhoneQuery('');
      else event.currentTarget.blur();
      setActive(-1);
    }
  };

  return (
    <div
      className="phone-search"
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      <span className="phone-search-icon" aria-hidden="true">
        ☎
      </span>
      <input
        id={PHONE_SEARCH_INPUT_ID}
        data-testid="phone-search"
        type="search"
        role="combobox"
        className="input"
        autoComplete="off"
        inputMode="tel"
        aria-label={t('phone.label')}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 && options[active] ? `${listId}-${active}` : undefined}
        aria-keyshortcuts="Control+K Meta+K /"
        placeholder={t('phone.placeholder')}
        value={query}
        onChange={(event) => {
          const { text, cut: tooLong } = limitSearch(event.target.value);
          setCut(tooLong);
          setPhoneQuery(text);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
      />
      <kbd className="shortcut-hint" aria-hidden="true">
        Ctrl K
      </kbd>
      {open && (
        <div className="phone-results">
          {cut && (
            <p className="phone-read-as search-limit" role="status">
              {t('search.tooLong', { max: MAX_SEARCH_TEXT_LENGTH })}
            </p>
          )}
          <p className="phone-read-as" aria-live="polite">
            {error
              ? error.message
              : !result
                ? t('phone.searching')
                : result.matchedBy === 'none'
                  ? t('phone.tooShort')
                  : t(result.matchedBy === 'exact' ? 'phone.readAs' : 'phone.endingIn', {
                      number: result.matchedBy === 'exact' ? readablePhone(result.normalized) : result.normalized,
                    })}
            {loading && result && <span className="spinner" aria-hidden="true" />}
          </p>
          <ul id={listId} role="listbox" aria-label={t('phone.results')} className="phone-options">
            {result && result.matchedBy !== 'none' && options.length === 0 && !loading && (
              <li role="presentation" className="muted phone-empty">
                {t('phone.noMatch')}
              </li>
            )}
            {options.map((option, index) => (
              <PhoneResult
                key={option.kind === 'contact' ? `c${option.contact.id}` : `l${option.contact.id}-${option.lead.id}`}
                id={`${listId}-${index}`}
                option={option}
                active={index === active}
                onChoose={() => choose(option)}
              />
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
