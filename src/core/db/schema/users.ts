import type { Selectable } from 'kysely';

export interface UsersTable {
  id: number;
  name: string;
  email: string | null;
  lang: string | null;
  /** Folded name (lower case, no accents), the key leads sort by. */
  sort_name: string;
}
export type User = Selectable<UsersTable>;
