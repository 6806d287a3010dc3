import { useEffect } from 'react';
import { useAppStoreApi } from '../../store/context';
import { VIEWS } from '../../store/slices/nav-slice';
import { PHONE_SEARCH_INPUT_ID } from '../phone/PhoneSearch';

/** True when a key press is typing into something (then "/" is a character, not a shortcut). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type))
  );
}

/**
 * Shortcuts that work anywhere in the app: Ctrl/Cmd+K (and "/" when not typing) focus the phone
 * search; Alt+1…7 switch views.
 */
export function useGlobalShortcuts(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const phone = () => {
        event.preventDefault();
        const input = document.getElementById(PHONE_SEARCH_INPUT_ID) as HTMLInputElement | null;
        input?.focus();
        input?.select();
      };
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') return phone();
      if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target)) return phone();
      // By physical key: Alt+digit gives other characters on some layouts (and on macOS).
      if (event.altKey && !event.ctrlKey && !event.metaKey && /^Digit[1-6]$/.test(event.code)) {
        event.preventDefault();
        store.getState().navigate(VIEWS[Number(event.code.slice(5)) - 1]!);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
