import type { Selectable } from 'kysely';

/** The one account this mirror belongs to. */
export interface AccountTable {
  id: number;
  name: string;
  subdomain: string;
  host: string | null;
  current_user_id: number | null;
  country: string | null;
  currency: string | null;
  currency_symbol: string | null;
  timezone: string | null;
  created_at: number | null;
}
export type Account = Selectable<AccountTable>;
