import type { ConnectionState } from '../../common/model/connection';
import type { KommoClient, KommoHostOptions } from '../kommo';
import type { Logger } from '../log';
import type { Clock } from '../time';
import type { OAuthConfig } from './consent';
import type { TokenStore } from './credentials';

/** The demo account a host starts (the simulator in activity mode); core never imports sim/. */
export interface DemoAccount {
  accountHost: string;
  apiBaseUrl: string;
  /** A long-lived token of the demo account. */
  token: string;
  close(): Promise<void>;
}
export type StartDemoAccount = () => Promise<DemoAccount>;

/** Electron: shows the consent page in its own window; resolves with the redirect's query, or null if the user closed it. */
export type ConsentOpener = (consentUrl: string) => Promise<URLSearchParams | null>;

/** What the sync engine needs: an authenticated client for the account, and who we are there. */
export interface ActiveConnection {
  readonly client: KommoClient;
  readonly accountHost: string;
  readonly accountId: number | null;
  readonly userId: number | null;
  readonly isDemo: boolean;
}

export interface ConnectionManagerOptions {
  store: TokenStore;
  /** Sign in with Kommo; null when the integration is not configured (then only tokens and the demo work). */
  oauth: OAuthConfig | null;
  log: Logger;
  /** Every change of the state the renderer may see (the host emits `connection_state`). */
  onState?(state: ConnectionState): void;
  openConsent?: ConsentOpener;
  startDemoAccount?: StartDemoAccount;
  /** `auth.disconnect({ forgetData: true })`: the database owner removes the mirror. */
  forgetData?(): Promise<void>;
  /**
   * A base URL instead of `https://{host}` (a proxy, the simulator). `{host}` and `{subdomain}`
   * are replaced, e.g. `http://127.0.0.1:4010/a/{subdomain}`.
   */
  apiBaseUrlTemplate?: string | null;
  /** Tests: the clock, jitter, gates, transport and retry policy of the account host's requests. */
  clock?: Clock;
  random?: KommoHostOptions['random'];
  gates?: KommoHostOptions['gates'];
  transport?: KommoHostOptions['transport'];
  retry?: KommoHostOptions['retry'];
  /** How often to check whether a proactive refresh is due. */
  refreshCheckMs?: number;
}
