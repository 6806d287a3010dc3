import type { KommoAccount } from '../../kommo';
import { structurallyEqual } from '../../observable';
import { atomically } from '../sql/atomic';
import type { SqlSession } from '../sql/session';

/**
 * Stores the account this mirror belongs to (one row). `host` is where it lives (acme.kommo.com),
 * which only the caller knows. Returns true when anything changed.
 */
export function upsertAccount(session: SqlSession, account: KommoAccount, host: string | null): Promise<boolean> {
  const timezone = account._embedded?.datetime_settings?.timezone ?? null;
  const row = {
    id: account.id,
    name: account.name,
    subdomain: account.subdomain,
    host,
    current_user_id: account.current_user_id,
    country: account.country ?? null,
    currency: account.currency ?? null,
    currency_symbol: account.currency_symbol ?? null,
    timezone: typeof timezone === 'string' ? timezone : null,
    created_at: account.created_at ?? null,
  };
  return atomically(session, async (tx) => {
    const before = await tx.all('SELECT * FROM account');
    // Structural, so a column order that differs from `row`'s key order is not a change.
    if (before.length === 1 && structurallyEqual(before[0], row)) return false;
    // One account per mirror: a different id replaces the row rather than adding a second.
    await tx.run('DELETE FROM account');
    await tx.run(
      `INSERT INTO account (id, name, subdomain, host, current_user_id, country, currency, currency_symbol, timezone, created_at)
       VALUES (@id, @name, @subdomain, @host, @current_user_id, @country, @currency, @currency_symbol, @timezone, @created_at)`,
      row,
    );
    return true;
  });
}
