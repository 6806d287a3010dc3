/**
 * Switches for behaviour docs/kommo-api.md marks UNCONFIRMED (§19), plus rate-limit and
 * lifetime settings. A client must work under every setting; the defaults are the most likely
 * real behaviour or, where nothing points either way, the stricter one for the client.
 */
export interface SimBehaviour {
  /** Whether `filter[*_at][from]` / `[to]` include the bound itself (§7.3: UNCONFIRMED). */
  rangeInclusive: { from: boolean; to: boolean };
  /**
   * The order of records that share one `updated_at`/`created_at` second: by id, a stable
   * shuffle derived from the seed, or `unstable`: reshuffled (seeded) on every request, as a
   * database may return ties without an order of its own (§5, §19: unknown; a client must not
   * depend on it).
   */
  tieOrder: 'id' | 'shuffle' | 'unstable';
  /** Lists without `order[...]` (undocumented). */
  defaultOrder: 'id_asc' | 'id_desc' | 'updated_at_desc';
  /** `limit` above the maximum: clamp to the maximum, fall back to 50, or answer 422 (§5). */
  limitOverMax: 'clamp' | 'default' | 'error';
  /** The events `limit` maximum: 100 (RU docs) or 250 (Kommo reference) (§13.2). */
  eventsMaxLimit: 100 | 250;
  /** Events order (no `order` parameter is documented; likely newest first). */
  eventsOrder: 'newest_first' | 'oldest_first';
  /**
   * The `type` of a custom-field change event: `custom_field_value_changed` as the type list
   * of docs/kommo-api.md §13.2 says, or `custom_field_{FIELD_ID}_value_changed` as Kommo's filter docs name it.
   * The `custom_field_value_changed` filter matches both.
   */
  customFieldEventType: 'generic' | 'per_field';
  /** HTTP status of a failed refresh (both 400 and 401 are observed, §2.6). */
  refreshFailureStatus: 400 | 401;
  /**
   * What ends the grace period of a rotated refresh token (§2.5): the first use of the new refresh
   * token, or of either new token (the new access token on the API as well).
   */
  refreshGraceEndsOn: 'new_refresh_token' | 'new_access_or_refresh_token';
  /**
   * Host of `_links` hrefs: the account's canonical https host as real Kommo writes it, or the
   * URL the request actually used (scheme, host and `/a/{sub}` prefix).
   */
  linksHost: 'canonical' | 'request';
  rateLimit: {
    enabled: boolean;
    /** More than this many requests in any one-second sliding window → 429 (§4: 7 rps). */
    perSecond: number;
    /** What one window counts: the account (all clients together) or one client address. */
    scope: 'account' | 'client';
    /** `retry_after` in the 429 body (the docs' example says 300). */
    retryAfter: number;
    /** Repeated 429s turn into a 403 with an nginx HTML page (§4 escalation). */
    escalate: boolean;
    /** This many 429s within `escalateWindowSeconds` start a block. */
    escalateAfter: number;
    escalateWindowSeconds: number;
    blockSeconds: number;
  };
  /** The consent page approves at once, without a click (for tests). */
  oauthAutoApprove: boolean;
  accessTokenTtl: number;
  refreshTokenTtl: number;
  authCodeTtl: number;
  /** Seconds between activity-mode steps, in real time. */
  activityIntervalSeconds: number;
}

export type SimBehaviourInput = {
  [K in keyof SimBehaviour]?: SimBehaviour[K] extends Record<string, unknown> ? Partial<SimBehaviour[K]> : SimBehaviour[K];
};

export const DEFAULT_BEHAVIOUR: SimBehaviour = {
  rangeInclusive: { from: true, to: true },
  tieOrder: 'id',
  defaultOrder: 'id_asc',
  limitOverMax: 'clamp',
  eventsMaxLimit: 100,
  eventsOrder: 'newest_first',
  customFieldEventType: 'generic',
  refreshFailureStatus: 401,
  refreshGraceEndsOn: 'new_access_or_refresh_token',
  linksHost: 'canonical',
  rateLimit: {
    enabled: true,
    perSecond: 7,
    scope: 'account',
    retryAfter: 300,
    escalate: false,
    escalateAfter: 10,
    escalateWindowSeconds: 60,
    blockSeconds: 600,
  },
  oauthAutoApprove: false,
  accessTokenTtl: 86_400,
  refreshTokenTtl: 90 * 86_400,
  authCodeTtl: 20 * 60,
  activityIntervalSeconds: 4,
};

/** Merges overrides one level deep (nested groups such as `rateLimit` may be given in part). */
export function mergeBehaviour(base: SimBehaviour, input: SimBehaviourInput | undefined): SimBehaviour {
  const out = structuredClone(base) as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(input ?? {})) {
    if (value === undefined) continue;
    if (!(key in base)) throw new Error(`unknown behaviour switch: ${key}`);
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? { ...current, ...value } : value;
  }
  return out as unknown as SimBehaviour;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
