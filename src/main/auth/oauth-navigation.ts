/**
 * The sign-in window's rules as plain functions (no electron import), so they are tested under
 * Node: which pages it may show, and how the redirect to our redirect URI is recognised.
 */

import { KOMMO_ACCOUNT_DOMAINS } from '../../core/auth/consent';

/** Kommo's consent and login pages live on these domains and their subdomains (as its accounts do). */
export const CONSENT_DOMAINS = KOMMO_ACCOUNT_DOMAINS;

/**
 * https on a Kommo domain (www.kommo.com, the account's subdomain, …), or one of `extraOrigins`
 * exactly (the simulator's http origin in demo/dev). Everything else is refused.
 */
export function isAllowedConsentUrl(rawUrl: string, extraOrigins: readonly string[] = []): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (extraOrigins.includes(url.origin)) return true;
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  return CONSENT_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/**
 * The query of `rawUrl` when it is the registered redirect URI (same scheme, host, port and
 * path; any query), else null. The query carries the code, so it goes to the core and nowhere else.
 */
export function matchRedirect(rawUrl: string, redirectUri: string): URLSearchParams | null {
  let url: URL;
  let expected: URL;
  try {
    url = new URL(rawUrl);
    expected = new URL(redirectUri);
  } catch {
    return null;
  }
  const samePath = url.pathname.replace(/\/+$/, '') === expected.pathname.replace(/\/+$/, '');
  if (url.origin !== expected.origin || !samePath) return null;
  return url.searchParams;
}

export interface NavigationDecision {
  action: 'allow' | 'block' | 'redirect';
  query?: URLSearchParams;
}

/** What the window does with a navigation (will-navigate, will-redirect) or a main-frame request. */
export function decideNavigation(rawUrl: string, redirectUri: string, extraOrigins: readonly string[] = []): NavigationDecision {
  const query = matchRedirect(rawUrl, redirectUri);
  if (query) return { action: 'redirect', query };
  return { action: isAllowedConsentUrl(rawUrl, extraOrigins) ? 'allow' : 'block' };
}
