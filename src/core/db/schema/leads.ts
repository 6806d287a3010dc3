import type { Selectable } from 'kysely';

export interface LeadsTable {
  id: number;
  name: string;
  price: number;
  status_id: number;
  pipeline_id: number;
  responsible_user_id: number;
  group_id: number | null;
  loss_reason_id: number | null;
  company_id: number | null;
  created_by: number | null;
  updated_by: number | null;
  created_at: number;
  updated_at: number;
  closed_at: number | null;
  closest_task_at: number | null;
  score: number | null;
  main_contact_id: number | null;
  sort_name: string;
  sort_status: number;
  sort_responsible: string;
  sort_contact: string;
  content_hash: string;
}
export type Lead = Selectable<LeadsTable>;
