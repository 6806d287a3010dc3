import type { AccountView } from '../model/mirror';

/**
 * The Kommo account the tests' mirrors belong to, as the UI sees it: core's seeded mirror stores
 * it (without a currency symbol) and the renderer's fake host shows it.
 */
export const ACME_ACCOUNT: AccountView = {
  id: 1,
  name: 'Acme Perú',
  subdomain: 'acme',
  host: 'acme.kommo.com',
  timezone: 'America/Lima',
  currency: 'PEN',
  currencySymbol: 'S/',
};
