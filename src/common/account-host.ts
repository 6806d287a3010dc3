/**
 * A Kommo account's address as people type it ("https://Acme.kommo.com/leads") and as the app
 * keeps it ("acme.kommo.com"). One rule for the contract, the core and the connect form, without
 * bringing the contract's zod into the page.
 */

/** A host name with at least one dot: `acme.kommo.com`, `acme.amocrm.ru`. */
const ACCOUNT_HOST = /^[a-z0-9][a-z0-9-]{0,62}(\.[a-z0-9][a-z0-9-]{0,62})+$/;

/** What a person types as the account (`https://Acme.kommo.com/`) → its host (`acme.kommo.com`). */
export function normalizeAccountHost(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '');
}

/** Whether `text`, once normalized, is an account address at all (not whether the account exists). */
export function isAccountHost(text: string): boolean {
  return ACCOUNT_HOST.test(normalizeAccountHost(text));
}
