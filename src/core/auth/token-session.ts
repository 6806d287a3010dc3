import { CoreError } from '../errors';
import { type AccessTokenProvider, type HttpDeps, KommoAuthRequiredError, KommoNetworkError } from '../kommo';
import type { Clock } from '../time';
import { registerSecret, type Logger } from '../log';
import type { OAuthConfig } from './consent';
import type { Credentials, TokenStore } from './credentials';
import { requestTokens } from './token-endpoint';

/** Refresh this long before the access token expires. */
export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;
/** …and at least this often, so the refresh token (3 months unused) never lapses. */
export const REFRESH_AT_LEAST_EVERY_MS = 30 * 24 * 3_600_000;

export const RECONNECT_MESSAGE = 'Kommo no longer accepts the saved sign-in. Connect the account again; your mirror stays as it is.';
const LONG_LIVED_REFUSED = 'Kommo refused the long-lived token (it expired or was revoked). Paste a new one; your mirror stays as it is.';

export interface TokenSessionDeps {
  store: TokenStore;
  credentials: Credentials;
  /** Needed to refresh OAuth tokens; null for long-lived tokens. */
  oauth: OAuthConfig | null;
  /** The account host's HTTP setup (its gate), for the token endpoint. */
  http: HttpDeps;
  clock: Clock;
  log: Logger;
  /** Kommo refused the tokens for good. */
  onAuthRequired(message: string): void;
}

/**
 * The bearer token of one connection. Refreshes proactively and once on a 401, single-flight:
 * however many callers need a new token, one refresh request is made and all of them wait for
 * it (guard 1, the shared promise), and a late 401 for a token already replaced retries with the
 * new one instead of refreshing again (guard 2). token-session.test.ts fails without either. The new pair is saved (atomically, by the store) before anyone uses it. A refresh whose
 * answer was lost is retried with the old refresh token (Kommo's grace rule); a refusal ends in
 * the auth-required state. Long-lived tokens never refresh.
 */
export class TokenSession implements AccessTokenProvider {
  private credentials: Credentials;
  private refreshing: Promise<string> | null = null;
  private refusal: string | null = null;
  /** Refresh requests sent (each try of the grace rule counts once in the HTTP layer). */
  refreshCount = 0;

  constructor(private readonly deps: TokenSessionDeps) {
    this.credentials = deps.credentials;
    registerSecret(this.credentials.accessToken);
    registerSecret(this.credentials.refreshToken);
    if (this.credentials.needsReconnect) this.refusal = this.credentials.kind === 'long_lived' ? LONG_LIVED_REFUSED : RECONNECT_MESSAGE;
  }

  current(): Credentials {
    return this.credentials;
  }

  async getAccessToken(): Promise<string> {
    if (this.refusal) throw new KommoAuthRequiredError(this.refusal);
    // While a new token is on its way, nobody sends the one it replaces (each would come back 401).
    if (this.refreshing) return this.refreshing;
    if (!this.refreshDue()) return this.credentials.accessToken;
    try {
      return await this.refresh();
    } catch (error) {
      // A proactive refresh that could not reach Kommo: the old token is still good until it expires.
      if (error instanceof KommoNetworkError && !this.expired()) return this.credentials.accessToken;
      throw error;
    }
  }

  async handleUnauthorized(rejectedToken: string): Promise<string> {
    if (this.refusal) throw new KommoAuthRequiredError(this.refusal);
    if (this.credentials.kind === 'long_lived') return this.refuse(LONG_LIVED_REFUSED);
    // Guard 2: a 401 for a token that has been replaced since it was sent (a slow answer) is
    // already dealt with: retry with the new one rather than refresh again.
    if (this.credentials.accessToken !== rejectedToken) return this.credentials.accessToken;
    // A refresh in flight is joined by refresh() itself.
    return this.refresh();
  }

  /** For a periodic check: refreshes only when due. */
  async refreshIfDue(): Promise<void> {
    if (!this.refusal && this.refreshDue()) await this.getAccessToken();
  }

  refreshDue(): boolean {
    if (this.credentials.kind !== 'oauth' || !this.credentials.refreshToken) return false;
    const now = this.deps.clock.now();
    if (this.credentials.expiresAt !== null && this.credentials.expiresAt - now <= REFRESH_BEFORE_EXPIRY_MS) return true;
    return now - this.credentials.issuedAt >= REFRESH_AT_LEAST_EVERY_MS;
  }

  private expired(): boolean {
    return this.credentials.expiresAt !== null && this.credentials.expiresAt <= this.deps.clock.now();
  }

  /** Guard 1, single-flight: every caller during a refresh (401s, the proactive timer) gets the same promise. */
  private refresh(): Promise<string> {
    this.refreshing ??= this.runRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async runRefresh(): Promise<string> {
    const { oauth, log } = this.deps;
    const refreshToken = this.credentials.refreshToken;
    if (!oauth || !refreshToken) return this.refuse(RECONNECT_MESSAGE);
    this.refreshCount += 1;
    log.info('Refreshing the Kommo access token', { host: this.credentials.accountHost });
    // Network failures (after the HTTP layer's retries with this same refresh token) propagate;
    // the pair on disk is untouched, so the next call tries again with the old token.
    const answer = await requestTokens(this.deps.http, oauth, { grant_type: 'refresh_token', refresh_token: refreshToken }, log);
    if (!answer.ok) {
      log.warn('Kommo refused the refresh token: reconnect needed', { status: answer.status, hint: answer.hint });
      return this.refuse(RECONNECT_MESSAGE);
    }
    const now = this.deps.clock.now();
    const next: Credentials = {
      ...this.credentials,
      accessToken: answer.pair.access_token,
      refreshToken: answer.pair.refresh_token,
      expiresAt: now + answer.pair.expires_in * 1000,
      issuedAt: now,
      needsReconnect: false,
    };
    try {
      await this.deps.store.save(next);
    } catch (error) {
      // Not saved → not used: the old refresh token stays valid until the new pair is used.
      log.error('Could not save the refreshed tokens; keeping the old pair', error);
      throw new CoreError('internal', 'Kommo Mirror could not save the refreshed sign-in. It will try again.', { cause: error });
    }
    this.credentials = next;
    log.info('Kommo access token refreshed', { host: next.accountHost, expiresAt: new Date(next.expiresAt ?? now).toISOString() });
    return next.accessToken;
  }

  private async refuse(message: string): Promise<never> {
    if (this.refusal) throw new KommoAuthRequiredError(this.refusal);
    this.refusal = message;
    // Keep the account (the mirror and its identity stay); drop the dead tokens.
    const kept: Credentials = { ...this.credentials, accessToken: '', refreshToken: null, expiresAt: null, needsReconnect: true };
    this.credentials = kept;
    await this.deps.store.save(kept).catch((error: unknown) => this.deps.log.warn('Could not record the reconnect flag', error));
    this.deps.onAuthRequired(message);
    throw new KommoAuthRequiredError(message);
  }
}
