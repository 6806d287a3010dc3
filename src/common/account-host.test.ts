import { describe, expect, it } from 'vitest';
import { accountHostSchema } from './contract/auth';
import { isAccountHost, normalizeAccountHost } from './account-host';

describe('the account address', () => {
  it('is kept as a lower-case host, whatever was pasted around it', () => {
    expect(normalizeAccountHost(' https://Acme.Kommo.com/leads ')).toBe('acme.kommo.com');
    expect(accountHostSchema.parse('HTTP://shop.amocrm.ru/')).toBe('shop.amocrm.ru');
  });

  it('refuses what is not a host name, in the form and in the contract alike', () => {
    for (const text of ['mi empresa', 'acme', '', 'https://', 'acme..kommo.com', '-acme.kommo.com']) {
      expect(isAccountHost(text)).toBe(false);
      expect(accountHostSchema.safeParse(text).success).toBe(false);
    }
    expect(isAccountHost('acme.kommo.com')).toBe(true);
  });
});
