/**
 * Query strings in Kommo's PHP bracket style, and the one place where a `_links.next` href from
 * the server becomes a URL we request. Hrefs may name the canonical account host (real Kommo)
 * or whatever host the request went to (a proxy, the simulator), so only their path and query
 * are kept and applied to the client's own base URL: the bearer token never follows a host
 * that came from a response body.
 */
export type QueryScalar = string | number | boolean;
export type QueryValue = QueryScalar | null | undefined | QueryValue[] | { [key: string]: QueryValue };
export type QueryParams = Record<string, QueryValue>;

/** `{ filter: { updated_at: { from: 1 } , type: ['a','b'] } }` → `filter[updated_at][from]=1&filter[type][]=a&filter[type][]=b`. */
export function encodeQuery(params: QueryParams): string {
  const parts: string[] = [];
  const add = (key: string, value: QueryValue): void => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      const scalars = value.every((item) => item === null || typeof item !== 'object');
      value.forEach((item, index) => add(scalars ? `${key}[]` : `${key}[${index}]`, item));
      return;
    }
    if (typeof value === 'object') {
      for (const [child, item] of Object.entries(value)) add(`${key}[${child}]`, item);
      return;
    }
    parts.push(`${encodeKey(key)}=${encodeURIComponent(String(value))}`);
  };
  for (const [key, value] of Object.entries(params)) add(key, value);
  return parts.join('&');
}

// Brackets are left readable: Kommo (PHP) decodes either form, and logs stay legible.
function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']');
}

const API_ROOT = '/api/v4/';

/**
 * The path-and-query of a `_links.next` href, from `/api/v4/` on; null when it is not an API v4
 * link (then pagination stops rather than go somewhere unexpected).
 */
export function nextCursorFromHref(href: unknown): string | null {
  if (typeof href !== 'string' || href.length === 0) return null;
  let url: URL;
  try {
    url = new URL(href, 'http://relative.invalid');
  } catch {
    return null;
  }
  const at = url.pathname.indexOf(API_ROOT);
  if (at < 0) return null;
  return `${url.pathname.slice(at)}${url.search}`;
}

/** Joins a path (`/api/v4/...`, `/oauth2/...`) and query to the client's base URL, keeping any base path prefix. */
export function joinUrl(baseUrl: string, pathAndQuery: string): string {
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const target = new URL(`${prefix}${pathAndQuery.startsWith('/') ? '' : '/'}${pathAndQuery}`, base.origin);
  if (target.origin !== base.origin) throw new Error('refusing a URL outside the configured base');
  return target.toString();
}

/** `acme.kommo.com` → `https://acme.kommo.com`; an explicit override wins (the simulator, a proxy). */
export function resolveBaseUrl(accountHost: string, override?: string | null): string {
  if (override) return override.replace(/\/+$/, '');
  return `https://${accountHost}`;
}

/**
 * A base-URL template for a proxy in front of the account (`https://proxy.example/{host}`,
 * `http://127.0.0.1:4010/a/{subdomain}`) made concrete for one account; text without
 * placeholders comes back as it is.
 */
export function expandBaseUrlTemplate(template: string, accountHost: string): string {
  const subdomain = accountHost.split('.')[0] ?? accountHost;
  return template.replaceAll('{host}', accountHost).replaceAll('{subdomain}', subdomain);
}

export function isBaseUrlTemplate(text: string): boolean {
  return /\{(host|subdomain)\}/.test(text);
}
