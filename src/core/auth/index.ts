/**
 * Authorization: OAuth 2.0 code flow, long-lived tokens, the demo account, token stores and the
 * refreshing token session. The core's composition root builds one ConnectionManager from here.
 */
import type { ConnectionState } from '../../common/model/connection';
import type { Logger } from '../log';
import { oauthConfigFromEnv, type OAuthConfig } from './consent';
import { ConnectionManager, type ConnectionManagerOptions, type ConsentOpener, type StartDemoAccount } from './connection';
import type { TokenStore } from './credentials';
import { API_BASE_URL_ENV, MemoryTokenStore } from './stores';

export {
  ConnectionManager,
  type ActiveConnection,
  type ConsentOpener,
  type DemoAccount,
  type OAuthCompletion,
  type StartDemoAccount,
} from './connection';
export { buildConsentUrl, DEFAULT_CONSENT_URL, OAUTH_ENV, oauthConfigFromEnv, parseRedirect, type OAuthConfig } from './consent';
export { credentialsSchema, parseStoredCredentials, type Credentials, type LoadResult, type TokenStore } from './credentials';
export { API_BASE_URL_ENV, EnvTokenStore, FileTokenStore, MemoryTokenStore, TOKEN_ENV, TOKEN_HOST_ENV } from './stores';

/** What a host passes to createCore. Everything is optional: a bare core can still use tokens typed by the user. */
export interface CoreAuthOptions {
  /** Default: memory only (nothing survives a restart). */
  tokenStore?: TokenStore;
  /** Default: from KOMMO_CLIENT_ID / KOMMO_CLIENT_SECRET / KOMMO_REDIRECT_URI (/ KOMMO_CONSENT_URL). */
  oauth?: OAuthConfig | null;
  /** Electron's consent window; without it the consent URL is returned for a browser tab. */
  openConsent?: ConsentOpener;
  /** Starts the bundled simulator (hosts only: core never imports sim/). */
  startDemoAccount?: StartDemoAccount;
  /** Default: KOMMO_API_BASE_URL, e.g. `http://127.0.0.1:4010/a/{subdomain}`. */
  apiBaseUrlTemplate?: string | null;
  forgetData?: () => Promise<void>;
  /** Tests: clocks, gates and transport. */
  advanced?: Pick<ConnectionManagerOptions, 'clock' | 'random' | 'gates' | 'transport' | 'retry' | 'refreshCheckMs'>;
}

export function createConnection(
  options: CoreAuthOptions,
  log: Logger,
  onState: (state: ConnectionState) => void,
  env: NodeJS.ProcessEnv = process.env,
): ConnectionManager {
  return new ConnectionManager({
    store: options.tokenStore ?? new MemoryTokenStore(),
    oauth: options.oauth === undefined ? oauthConfigFromEnv(env) : options.oauth,
    log,
    onState,
    openConsent: options.openConsent,
    startDemoAccount: options.startDemoAccount,
    forgetData: options.forgetData,
    apiBaseUrlTemplate: options.apiBaseUrlTemplate === undefined ? env[API_BASE_URL_ENV]?.trim() || null : options.apiBaseUrlTemplate,
    ...options.advanced,
  });
}
export { connectLongLived, type LongLivedAccount } from './long-lived';
