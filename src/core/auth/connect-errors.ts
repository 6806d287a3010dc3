import { CoreError } from '../errors';
import {
  KommoAuthRequiredError,
  KommoMalformedResponseError,
  KommoNetworkError,
  KommoNotFoundError,
  KommoUnexpectedStatusError,
} from '../kommo';
import type { Logger } from '../log';

/** What the user reads when a sign-in or a connection attempt fails, and why it failed. */
export const OAUTH_DENIED =
  'You chose not to give Kommo Mirror access in Kommo, so nothing was connected. Start the sign-in again and choose "Allow" to connect.';
export const OAUTH_STATE_MESSAGES = {
  missing: 'This sign-in answer was not started by Kommo Mirror (it has no state). Start the sign-in again from the app.',
  unknown: 'This sign-in answer was not started by Kommo Mirror (unknown state). Start the sign-in again from the app.',
  expired: 'The sign-in took longer than 15 minutes and has expired. Start it again.',
  used: 'This sign-in answer has already been used. Start the sign-in again.',
} as const;

/** A failed attempt to connect to `host` as the error the page gets: what went wrong and what to check. */
export function connectFailure(error: unknown, log: Logger, host: string): CoreError {
  if (error instanceof KommoAuthRequiredError) {
    return new CoreError(
      'auth_required',
      `Kommo did not accept this token for ${host}. Check that it was copied whole, belongs to this account and has not expired.`,
    );
  }
  if (error instanceof KommoNetworkError) {
    return new CoreError(
      'offline',
      `Could not reach ${host}: ${error.message.replace(/\.$/u, '')}. Check the account address and the internet connection.`,
    );
  }
  if (error instanceof KommoNotFoundError || error instanceof KommoMalformedResponseError || error instanceof KommoUnexpectedStatusError) {
    return new CoreError('invalid_input', `${host} does not answer like a Kommo account. Check the address (like acme.kommo.com).`);
  }
  if (error instanceof CoreError) return error;
  log.error('Connecting failed', error);
  return new CoreError('internal', 'Connecting to Kommo failed unexpectedly. The details are in the log.');
}

export function explainConnectFailure(error: unknown, log: Logger, host: string): string {
  return connectFailure(error, log, host).message;
}
