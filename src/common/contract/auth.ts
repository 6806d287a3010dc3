import { z } from 'zod';
import { isAccountHost, normalizeAccountHost } from '../account-host';
import { request } from './define';
import type { ConnectionState } from '../model/connection';

/** A Kommo account host: `acme.kommo.com`, `acme.amocrm.com`, `acme.amocrm.ru` (a scheme or path is stripped). */
export const accountHostSchema = z
  .string()
  .max(2048)
  .refine(isAccountHost, 'Enter the account address, like acme.kommo.com')
  .transform(normalizeAccountHost);

export const authRequests = {
  'auth.state': request<ConnectionState>()(z.object({}).strict()),
  /**
   * Starts "Sign in with Kommo". The Electron host opens its own consent window; the web preview
   * returns the consent URL for the page to open in a new tab. Completion arrives as a
   * `connection_state` event.
   */
  'auth.startOAuth': request<{ consentUrl: string; openedByHost: boolean }>()(z.object({}).strict()),
  /** A long-lived token of a private integration, pasted by the user with the account host. */
  'auth.connectToken': request<ConnectionState>()(
    z.object({ accountHost: accountHostSchema, token: z.string().trim().min(20).max(8192) }).strict(),
  ),
  /** The demo account: the bundled simulator with its activity mode, no credentials needed. */
  'auth.connectDemo': request<ConnectionState>()(z.object({}).strict()),
  /** Forget the credentials; the mirror stays browsable unless `forgetData`. */
  'auth.disconnect': request<ConnectionState>()(z.object({ forgetData: z.boolean().default(false) }).strict()),
};
