import { describe, expect, it } from 'vitest';
import { encodeQuery, expandBaseUrlTemplate, isBaseUrlTemplate, joinUrl, nextCursorFromHref, resolveBaseUrl } from './query';

describe('encodeQuery', () => {
  it('writes nested filters, scalar arrays and object arrays in PHP bracket style', () => {
    const query = encodeQuery({
      with: 'contacts',
      limit: 250,
      filter: {
        updated_at: { from: 10, to: 20 },
        type: ['lead_deleted', 'contact_deleted'],
        statuses: [{ pipeline_id: 1, status_id: 142 }],
      },
      order: { updated_at: 'asc' },
      skipped: undefined,
    });
    expect(query).toBe(
      'with=contacts&limit=250&filter[updated_at][from]=10&filter[updated_at][to]=20&filter[type][]=lead_deleted&filter[type][]=contact_deleted' +
        '&filter[statuses][0][pipeline_id]=1&filter[statuses][0][status_id]=142&order[updated_at]=asc',
    );
  });

  it('escapes values', () => {
    expect(encodeQuery({ query: 'a&b=c d' })).toBe('query=a%26b%3Dc%20d');
  });
});

describe('next links', () => {
  it('keeps only the path from /api/v4/ on and the query, whatever host the href names', () => {
    expect(nextCursorFromHref('https://demo.kommo.com/api/v4/leads?with=contacts&page=2&limit=250')).toBe(
      '/api/v4/leads?with=contacts&page=2&limit=250',
    );
    expect(nextCursorFromHref('http://127.0.0.1:4010/a/demo/api/v4/leads?page=3&limit=250')).toBe('/api/v4/leads?page=3&limit=250');
    expect(nextCursorFromHref('https://evil.example/api/v4/leads?page=2')).toBe('/api/v4/leads?page=2');
    expect(nextCursorFromHref('/api/v4/events?page=2')).toBe('/api/v4/events?page=2');
  });

  it('stops on anything that is not an API v4 link', () => {
    for (const href of [undefined, null, '', 42, 'https://evil.example/steal?page=2']) expect(nextCursorFromHref(href)).toBeNull();
  });

  it('applies a cursor to the client base URL, keeping its path prefix, and never leaves its origin', () => {
    expect(joinUrl('http://127.0.0.1:4010/a/demo', '/api/v4/leads?page=2')).toBe('http://127.0.0.1:4010/a/demo/api/v4/leads?page=2');
    expect(joinUrl('https://acme.kommo.com', '/api/v4/leads?page=2')).toBe('https://acme.kommo.com/api/v4/leads?page=2');
    expect(() => joinUrl('https://acme.kommo.com', '//evil.example/api/v4/leads')).toThrow();
  });

  it('uses the account host for the base URL unless overridden; no domain is hard-coded', () => {
    expect(resolveBaseUrl('acme.amocrm.ru')).toBe('https://acme.amocrm.ru');
    expect(resolveBaseUrl('acme.kommo.com', 'http://127.0.0.1:1/a/acme/')).toBe('http://127.0.0.1:1/a/acme');
  });

  it('makes a proxy template concrete for one account and reads a typed account address', () => {
    expect(expandBaseUrlTemplate('https://proxy.example/{host}', 'shop.amocrm.ru')).toBe('https://proxy.example/shop.amocrm.ru');
    expect(expandBaseUrlTemplate('http://127.0.0.1:4010/a/{subdomain}', 'shop.amocrm.ru')).toBe('http://127.0.0.1:4010/a/shop');
    expect(expandBaseUrlTemplate('https://acme.kommo.com', 'other.kommo.com')).toBe('https://acme.kommo.com');
    expect([isBaseUrlTemplate('https://p.example/{host}'), isBaseUrlTemplate('https://acme.kommo.com')]).toEqual([true, false]);
  });
});
