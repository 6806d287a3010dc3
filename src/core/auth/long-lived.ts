import type { Transport } from '../kommo';
import type { Logger } from '../log';
import type { ConnectionManager } from './connection';
import { credentialsSchema } from './credentials';
import { MemoryTokenStore } from './stores';
import { createConnection } from '.';

export interface LongLivedAccount {
  accountHost: string;
  /** The API's base URL (the account's host, or a proxy / the simulator). */
  apiBaseUrl: string;
  token: string;
}

/**
 * A connection on a long-lived token kept only in memory, for the command line and the team
 * server: installed without a request (the first one tells whether Kommo takes it), with the
 * account's rate gate and the given transport.
 */
export async function connectLongLived(account: LongLivedAccount, transport: Transport, log: Logger): Promise<ConnectionManager> {
  const store = new MemoryTokenStore();
  await store.save(
    credentialsSchema.parse({
      kind: 'long_lived',
      accountHost: account.accountHost,
      apiBaseUrl: account.apiBaseUrl,
      accessToken: account.token,
      issuedAt: Date.now(),
    }),
  );
  const connection = createConnection({ tokenStore: store, oauth: null, apiBaseUrlTemplate: null, advanced: { transport } }, log, () => {});
  await connection.ready;
  return connection;
}
