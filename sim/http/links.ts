/**
 * `_links` hrefs. Real Kommo writes them on the account's canonical https host; with the
 * `linksHost: 'request'` switch they use the URL the request came in on instead. Query strings are
 * echoed as the client wrote them (encoding included), with `page` and `limit` moved to the end,
 * as in the example of docs/kommo-api.md §7.4 (`?with=contacts&page=1&limit=250`).
 */
export class Links {
  constructor(readonly base: string) {}

  href(path: string, query = ''): { href: string } {
    return { href: query ? `${this.base}${path}?${query}` : `${this.base}${path}` };
  }
}

/** The request's raw query pairs without `page`/`limit`, then `page=N&limit=L`. */
export function pageQuery(rawQuery: string, page: number, limit: number): string {
  const kept = rawQuery
    .split('&')
    .filter((pair) => pair !== '')
    .filter((pair) => {
      const name = safeDecode(pair.split('=')[0] ?? '');
      return name !== 'page' && name !== 'limit';
    });
  kept.push(`page=${page}`, `limit=${limit}`);
  return kept.join('&');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** self/next/first/prev for a list page; `next` only when more data exists (docs/kommo-api.md §5). */
export function pageLinks(
  links: Links,
  path: string,
  rawQuery: string,
  page: number,
  limit: number,
  hasNext: boolean,
): Record<string, { href: string }> {
  const out: Record<string, { href: string }> = { self: links.href(path, pageQuery(rawQuery, page, limit)) };
  if (hasNext) out.next = links.href(path, pageQuery(rawQuery, page + 1, limit));
  if (page > 1) {
    out.first = links.href(path, pageQuery(rawQuery, 1, limit));
    out.prev = links.href(path, pageQuery(rawQuery, page - 1, limit));
  }
  return out;
}
