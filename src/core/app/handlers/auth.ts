import type { Handlers } from '../../../common/contract';
import type { ConnectionManager } from '../../auth';

/** The contract's `auth.*` requests. Results carry the connection state only: never a token. */
export function authHandlers(
  connection: ConnectionManager,
): Pick<Handlers, 'auth.state' | 'auth.startOAuth' | 'auth.connectToken' | 'auth.connectDemo' | 'auth.disconnect'> {
  return {
    'auth.state': async () => {
      await connection.ready;
      return connection.state();
    },
    'auth.startOAuth': async () => {
      await connection.ready;
      return connection.startOAuth();
    },
    'auth.connectToken': async ({ accountHost, token }) => {
      await connection.ready;
      return connection.connectToken(accountHost, token);
    },
    'auth.connectDemo': async () => {
      await connection.ready;
      return connection.connectDemo();
    },
    'auth.disconnect': async ({ forgetData }) => {
      await connection.ready;
      return connection.disconnect({ forgetData });
    },
  };
}
