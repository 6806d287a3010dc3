import { createHash } from 'node:crypto';

/**
 * A fingerprint of what a record looked like when applied. Kommo's timestamps are whole seconds,
 * so two real changes can share one updated_at: equal timestamps are decided by this hash instead.
 * `parts` must list only the fields the mirror stores, in a fixed order (never the raw response:
 * its _links echo the request's query string).
 */
export function contentHash(parts: unknown[]): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);
}
