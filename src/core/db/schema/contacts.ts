import type { Selectable } from 'kysely';

export interface ContactsTable {
  id: number;
  name: string;
  first_name: string | null;
  last_name: string | null;
  responsible_user_id: number;
  group_id: number | null;
  company_id: number | null;
  created_by: number | null;
  updated_by: number | null;
  created_at: number;
  updated_at: number;
  closest_task_at: number | null;
  sort_name: string;
  sort_responsible: string;
  content_hash: string;
}
export type Contact = Selectable<ContactsTable>;
