import { MAX_SEARCH_TEXT_LENGTH } from '../../../common/model/mirror';

/**
 * Cuts what was typed or pasted into a search box to the length a query may carry (the host
 * refuses longer ones), and says whether it had to, so the box can tell the user.
 */
export function limitSearch(text: string): { text: string; cut: boolean } {
  return text.length > MAX_SEARCH_TEXT_LENGTH ? { text: text.slice(0, MAX_SEARCH_TEXT_LENGTH), cut: true } : { text, cut: false };
}

export { MAX_SEARCH_TEXT_LENGTH };
