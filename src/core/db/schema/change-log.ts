import type { Generated, Selectable } from 'kysely';
import type { MirrorEntityType } from './entity-type';

export type ChangeKind = 'added' | 'updated' | 'removed' | 'status' | 'responsible';

export interface ChangeLogTable {
  seq: Generated<number>;
  /** Host clock, epoch ms. */
  recorded_at: number;
  entity_type: MirrorEntityType;
  entity_id: number;
  kind: ChangeKind;
  from_pipeline_id: number | null;
  from_status_id: number | null;
  to_pipeline_id: number | null;
  to_status_id: number | null;
  from_user_id: number | null;
  to_user_id: number | null;
}
export type ChangeLogRow = Selectable<ChangeLogTable>;
