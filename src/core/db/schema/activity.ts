import type { MirrorEntityType } from './entity-type';

/** A note of a lead, contact or company; `params` is Kommo's params object as JSON text, kept whole. */
export interface NotesTable {
  id: number;
  entity_type: MirrorEntityType;
  entity_id: number;
  note_type: string;
  params: string;
  responsible_user_id: number | null;
  created_by: number | null;
  updated_by: number | null;
  created_at: number;
  updated_at: number;
}

/** A task; `entity_type` is Kommo's plural (leads, contacts, companies, customers) or null. is_completed is 0/1. */
export interface TasksTable {
  id: number;
  entity_type: string | null;
  entity_id: number | null;
  task_type_id: number;
  text: string;
  complete_till: number;
  responsible_user_id: number;
  is_completed: number;
  result_text: string | null;
  duration: number | null;
  created_by: number | null;
  updated_by: number | null;
  created_at: number;
  updated_at: number;
}

/** A note or task removed at deleted_at (Unix seconds): older copies of it are not applied again. */
export interface ActivityTombstonesTable {
  kind: 'notes' | 'tasks';
  id: number;
  deleted_at: number;
}
