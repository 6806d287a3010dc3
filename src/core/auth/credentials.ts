import { z } from 'zod';
import type { TokenStorageKind } from '../../common/model/connection';
import { registerSecret } from '../log';

/**
 * What a connection needs to survive a restart. Secrets (access and refresh tokens) live only
 * here, inside a TokenStore; the renderer sees a ConnectionState built from the other fields.
 */
export const credentialsSchema = z.object({
  kind: z.enum(['oauth', 'long_lived']),
  /** The account's own host, e.g. `acme.kommo.com` (from the redirect's `referer`, or typed by the user). */
  accountHost: z.string(),
  /** A base-URL override (the simulator, a proxy); null for `https://{accountHost}`. */
  apiBaseUrl: z.string().nullable().default(null),
  accessToken: z.string(),
  refreshToken: z.string().nullable().default(null),
  /** Epoch ms; null for a long-lived token whose expiry we do not know. */
  expiresAt: z.number().nullable().default(null),
  /** Epoch ms when the pair was issued: a refresh is forced every 30 days so the 3-month refresh token never lapses. */
  issuedAt: z.number(),
  accountId: z.number().nullable().default(null),
  accountName: z.string().nullable().default(null),
  userId: z.number().nullable().default(null),
  userName: z.string().nullable().default(null),
  isDemo: z.boolean().default(false),
  /** Set when Kommo refused the tokens for good: the account is remembered, a reconnect is needed. */
  needsReconnect: z.boolean().default(false),
});
export type Credentials = z.output<typeof credentialsSchema>;
export type CredentialsInput = z.input<typeof credentialsSchema>;

export type LoadResult =
  | { status: 'empty' }
  | { status: 'ok'; credentials: Credentials }
  /** Something is stored but cannot be read (keyring changed, file corrupt): ask the user to reconnect. */
  | { status: 'unreadable'; reason: string };

/**
 * Where credentials are kept. `save` must be atomic (a crash leaves the old or the new pair,
 * never half of one) and must have finished before a new token is used.
 */
export interface TokenStore {
  /** How well the OS protects what is stored, for the connection state. */
  kind(): TokenStorageKind;
  load(): Promise<LoadResult>;
  save(credentials: Credentials): Promise<void>;
  clear(): Promise<void>;
}

/**
 * Parses stored JSON; anything that does not fit is unreadable, never a crash. The tokens it
 * reads are registered as secrets at once, so the log masks them from then on.
 */
export function parseStoredCredentials(text: string): LoadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { status: 'unreadable', reason: 'the stored credentials are not valid JSON' };
  }
  const parsed = credentialsSchema.safeParse(json);
  if (!parsed.success) return { status: 'unreadable', reason: 'the stored credentials have an unknown shape' };
  registerSecret(parsed.data.accessToken);
  registerSecret(parsed.data.refreshToken);
  return { status: 'ok', credentials: parsed.data };
}
