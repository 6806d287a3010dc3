import type { Selectable } from 'kysely';

export interface CompaniesTable {
  id: number;
  name: string;
  responsible_user_id: number;
  created_at: number;
  updated_at: number;
  sort_name: string;
  content_hash: string;
}
export type Company = Selectable<CompaniesTable>;
