import type { ConnectionState, ConnectionStatus } from '../../common/model/connection';
import { CoreError } from '../errors';
import { createKommoClient, expandBaseUrlTemplate, kommoHttp, type KommoHostOptions } from '../kommo';
import { registerSecret, type Logger } from '../log';
import { Observable } from '../observable';
import { repeatEvery, systemClock, type Clock } from '../time';
import { identify } from './account-lookup';
import { connectFailure, explainConnectFailure, OAUTH_DENIED, OAUTH_STATE_MESSAGES } from './connect-errors';
import type { ActiveConnection, ConnectionManagerOptions, DemoAccount } from './connection-types';
import { buildConsentUrl, mayExchangeCodeFor, parseRedirect } from './consent';
import { credentialsSchema, type Credentials, type TokenStore } from './credentials';
import { OAuthStates } from './oauth-state';
import { MemoryTokenStore } from './stores';
import { requestTokens } from './token-endpoint';
import { TokenSession } from './token-session';

export type { ActiveConnection, ConnectionManagerOptions, ConsentOpener, DemoAccount, StartDemoAccount } from './connection-types';

export type OAuthCompletion = { ok: true; state: ConnectionState } | { ok: false; message: string; state: ConnectionState };

interface Active {
  connection: ActiveConnection;
  session: TokenSession;
  demo: DemoAccount | null;
  storageKind: ConnectionState['tokenStorage'];
  dispose(): void;
}

/**
 * The app's connection to one Kommo account: signing in (OAuth, a long-lived token, the demo),
 * restoring it at start, and signing out. It owns the token session and the client, and tells
 * the renderer only the state, account and host (never a secret).
 */
export class ConnectionManager {
  readonly ready: Promise<void>;
  private readonly states: OAuthStates;
  private readonly clock: Clock;
  private readonly log: Logger;
  private active: Active | null = null;
  private status: ConnectionStatus = 'disconnected';
  private message: string | null = null;
  private remembered: Credentials | null = null;
  private readonly connections = new Observable<[ActiveConnection | null]>();
  private closed = false;

  /** Whether the OAuth integration is configured, so "Sign in with Kommo" can work. */
  get signInWithKommo(): boolean {
    return this.options.oauth !== null;
  }

  constructor(private readonly options: ConnectionManagerOptions) {
    this.clock = options.clock ?? systemClock;
    this.log = options.log.child('auth');
    this.states = new OAuthStates(this.clock);
    this.ready = this.restore().catch((error: unknown) => {
      this.log.error('Could not restore the saved connection', error);
      this.setState('disconnected', 'The saved sign-in could not be restored. Connect again.');
    });
  }

  // ── For the sync engine ──────────────────────────────────────────────────────────────────

  current(): ActiveConnection | null {
    return this.active && this.status === 'connected' ? this.active.connection : null;
  }

  /** Called with the new connection (or null) whenever it changes. */
  subscribe(listener: (connection: ActiveConnection | null) => void): () => void {
    return this.connections.subscribe(listener);
  }

  /** Whether "Sign in with Kommo" is configured (an integration's id, secret and redirect URI). */
  canSignInWithOAuth(): boolean {
    return this.options.oauth != null;
  }

  // ── The contract's requests ──────────────────────────────────────────────────────────────

  state(): ConnectionState {
    const info = this.active?.session.current() ?? this.remembered;
    return {
      status: this.status,
      account: info ? { id: info.accountId, name: info.accountName, host: info.accountHost, isDemo: info.isDemo } : null,
      user: info?.userId != null ? { id: info.userId, name: info.userName } : null,
      tokenStorage: this.status === 'disconnected' ? null : (this.active?.storageKind ?? this.options.store.kind()),
      message: this.message,
    };
  }

  async startOAuth(): Promise<{ consentUrl: string; openedByHost: boolean }> {
    const config = this.options.oauth;
    if (!config) {
      throw new CoreError(
        'invalid_input',
        'Sign-in with Kommo is not set up: set KOMMO_CLIENT_ID, KOMMO_CLIENT_SECRET and KOMMO_REDIRECT_URI (see the README), or paste a long-lived token.',
      );
    }
    const state = this.states.issue();
    const opener = this.options.openConsent;
    // post_message keeps the redirect in the window or tab that shows the consent page (popup
    // would send it to the opener: our app page), where it is caught or lands on /oauth/callback.
    const consentUrl = buildConsentUrl(config, state, 'post_message');
    if (opener) {
      void opener(consentUrl)
        .then(async (query) => {
          if (query) await this.completeOAuth(query);
          else this.setState(this.status, 'Sign-in was cancelled.');
        })
        .catch((error: unknown) => {
          this.log.error('The sign-in window failed', error);
          this.setState(this.status, 'The sign-in window failed. Try again.');
        });
    }
    return { consentUrl, openedByHost: Boolean(opener) };
  }

  /** The redirect came back (caught by the Electron window, or the web preview's /oauth/callback). */
  async completeOAuth(query: URLSearchParams): Promise<OAuthCompletion> {
    const config = this.options.oauth;
    const redirect = parseRedirect(query);
    // The state first: until it proves the answer belongs to a sign-in we started, not even a
    // refusal is acted on (any local page can open /oauth/callback?error=access_denied).
    const check = this.states.consume(redirect.state);
    if (!check.ok) return this.failOAuth(OAUTH_STATE_MESSAGES[check.reason]);
    if (redirect.kind === 'denied') return this.failOAuth(OAUTH_DENIED);
    if (redirect.kind === 'invalid')
      return this.failOAuth(`Kommo's answer could not be used: ${redirect.reason}. Start the sign-in again.`);
    if (!config) return this.failOAuth('Sign-in with Kommo is not set up.');
    if (!mayExchangeCodeFor(redirect.accountHost, this.options.apiBaseUrlTemplate)) {
      this.log.warn('Refused a sign-in answer naming a host outside Kommo', { host: redirect.accountHost });
      return this.failOAuth(
        `Kommo's answer names ${redirect.accountHost}, which is not a Kommo account (like acme.kommo.com), so the sign-in was not sent there. Start the sign-in again.`,
      );
    }
    registerSecret(redirect.code);
    const previous = this.status;
    this.setState('connecting', null);
    try {
      const http = kommoHttp({ ...this.hostOptions(redirect.accountHost), log: this.log });
      const answer = await requestTokens(http, config, { grant_type: 'authorization_code', code: redirect.code }, this.log);
      if (!answer.ok) {
        this.status = previous;
        return this.failOAuth(`Kommo refused the sign-in${answer.hint ? ` ("${answer.hint}")` : ''}. Start it again.`);
      }
      const now = this.clock.now();
      const credentials = credentialsSchema.parse({
        kind: 'oauth',
        accountHost: redirect.accountHost,
        apiBaseUrl: this.baseUrlOverride(redirect.accountHost),
        accessToken: answer.pair.access_token,
        refreshToken: answer.pair.refresh_token,
        expiresAt: now + answer.pair.expires_in * 1000,
        issuedAt: now,
      });
      await this.activate(credentials, this.options.store, null);
      return { ok: true, state: this.state() };
    } catch (error) {
      this.status = previous;
      return this.failOAuth(explainConnectFailure(error, this.log, redirect.accountHost));
    }
  }

  /** A long-lived token and its account host, checked with GET /api/v4/account before anything is saved. */
  async connectToken(accountHost: string, token: string): Promise<ConnectionState> {
    registerSecret(token);
    const credentials = credentialsSchema.parse({
      kind: 'long_lived',
      accountHost,
      apiBaseUrl: this.baseUrlOverride(accountHost),
      accessToken: token,
      issuedAt: this.clock.now(),
    });
    const previous = this.status;
    this.setState('connecting', null);
    try {
      await this.activate(credentials, this.options.store, null);
    } catch (error) {
      this.setState(previous, explainConnectFailure(error, this.log, accountHost));
      throw connectFailure(error, this.log, accountHost);
    }
    return this.state();
  }

  /** The bundled simulator, started by the host, with its long-lived token kept only in memory. */
  async connectDemo(): Promise<ConnectionState> {
    const start = this.options.startDemoAccount;
    if (!start) throw new CoreError('invalid_input', 'The demo account is not available in this build.');
    const previous = this.status;
    this.setState('connecting', null);
    const demo = await start();
    registerSecret(demo.token);
    const credentials = credentialsSchema.parse({
      kind: 'long_lived',
      accountHost: demo.accountHost,
      apiBaseUrl: demo.apiBaseUrl,
      accessToken: demo.token,
      issuedAt: this.clock.now(),
      isDemo: true,
    });
    try {
      await this.activate(credentials, new MemoryTokenStore(), demo);
      // The demo replaces any saved account.
      await this.options.store.clear();
    } catch (error) {
      await demo.close().catch(() => undefined);
      this.setState(previous, explainConnectFailure(error, this.log, demo.accountHost));
      throw connectFailure(error, this.log, demo.accountHost);
    }
    return this.state();
  }

  /** Forgets the credentials (and closes the demo). The mirror stays unless `forgetData`. */
  async disconnect(options: { forgetData: boolean }): Promise<ConnectionState> {
    await this.deactivate();
    this.remembered = null;
    await this.options.store.clear();
    if (options.forgetData) await this.options.forgetData?.();
    this.setState('disconnected', null);
    return this.state();
  }

  /** Shutdown: stops timers and the demo simulator; keeps the saved credentials. */
  async close(): Promise<void> {
    this.closed = true;
    await this.ready;
    await this.deactivate();
  }

  // ── Internals ────────────────────────────────────────────────────────────────────────────

  private async restore(): Promise<void> {
    const loaded = await this.options.store.load();
    if (this.closed || this.active) return;
    if (loaded.status === 'empty') return;
    if (loaded.status === 'unreadable') {
      this.log.warn('Saved credentials are unreadable: reconnect needed', { reason: loaded.reason });
      this.setState(
        'auth_required',
        'The saved sign-in could not be read (the system keyring may have changed). Connect again; your mirror is kept.',
      );
      return;
    }
    const credentials = loaded.credentials;
    if (credentials.needsReconnect || !credentials.accessToken) {
      this.remembered = credentials;
      this.setState('auth_required', 'Kommo no longer accepts the saved sign-in. Connect the account again; your mirror stays as it is.');
      return;
    }
    // No network call: the app opens offline; the first request will tell if the tokens still work.
    this.install(credentials, this.options.store, null);
    this.setState('connected', null);
  }

  /** Builds the session and client, asks Kommo who we are, saves, and makes it the connection. */
  private async activate(credentials: Credentials, store: TokenStore, demo: DemoAccount | null): Promise<void> {
    // Validate with a scratch store: a refused token must not touch what is saved.
    const probe = this.build(credentials, new MemoryTokenStore(), () => {});
    let known: Credentials;
    try {
      known = await identify(probe.client, probe.session);
    } finally {
      probe.dispose();
    }
    await store.save(known);
    await this.deactivate();
    this.install(known, store, demo);
    this.remembered = null;
    this.setState('connected', null);
    this.log.info('Connected to Kommo', { host: known.accountHost, accountId: known.accountId, kind: known.kind, demo: known.isDemo });
  }

  private install(credentials: Credentials, store: TokenStore, demo: DemoAccount | null): void {
    const built = this.build(credentials, store, (message) => this.setState('auth_required', message));
    const unsubscribe = built.client.onStateChange((state) => {
      if (state.kind === 'auth_required' && this.status === 'connected') this.setState('auth_required', state.message);
    });
    const stopRefreshChecks = repeatEvery(this.clock, this.options.refreshCheckMs ?? 3_600_000, () => {
      built.session.refreshIfDue().catch((error: unknown) => this.log.warn('Scheduled token refresh failed', error));
    });
    this.active = {
      connection: {
        client: built.client,
        accountHost: credentials.accountHost,
        accountId: credentials.accountId,
        userId: credentials.userId,
        isDemo: credentials.isDemo,
      },
      session: built.session,
      demo,
      storageKind: store.kind(),
      dispose: () => {
        stopRefreshChecks();
        unsubscribe();
        built.dispose();
      },
    };
  }

  /** The account's token session and client, through one set of host options (so one gate, one transport). */
  private build(credentials: Credentials, store: TokenStore, onAuthRequired: (message: string) => void) {
    const host = this.hostOptions(credentials.accountHost, credentials.apiBaseUrl);
    const session = new TokenSession({
      store,
      credentials,
      oauth: this.options.oauth,
      http: kommoHttp({ ...host, log: this.log }),
      clock: this.clock,
      log: this.log,
      onAuthRequired,
    });
    const client = createKommoClient({ ...host, log: this.options.log, auth: session });
    return { session, client, dispose: () => client.dispose() };
  }

  private hostOptions(accountHost: string, baseUrl: string | null = this.baseUrlOverride(accountHost)): KommoHostOptions {
    const { random, gates, transport, retry } = this.options;
    return { accountHost, baseUrl, clock: this.clock, random, gates, transport, retry };
  }

  private baseUrlOverride(accountHost: string): string | null {
    const template = this.options.apiBaseUrlTemplate;
    return template ? expandBaseUrlTemplate(template, accountHost) : null;
  }

  private async deactivate(): Promise<void> {
    const active = this.active;
    if (!active) return;
    this.active = null;
    active.dispose();
    if (active.demo) await active.demo.close().catch((error: unknown) => this.log.warn('Could not stop the demo account', error));
    this.connections.emit(null);
  }

  private failOAuth(message: string): OAuthCompletion {
    this.setState(this.status === 'connecting' ? 'disconnected' : this.status, message);
    return { ok: false, message, state: this.state() };
  }

  private setState(status: ConnectionStatus, message: string | null): void {
    const wasConnected = this.current();
    this.status = status;
    this.message = message;
    const state = this.state();
    this.options.onState?.(state);
    const now = this.current();
    if (now !== wasConnected) this.connections.emit(now);
  }
}
