import type { Selectable } from 'kysely';

/** Keyed by (pipeline_id, id): 142/143 exist in every pipeline. */
export interface StatusesTable {
  pipeline_id: number;
  id: number;
  name: string;
  sort: number;
  color: string;
  type: number;
  is_editable: number;
  /** Position across all pipelines (pipeline sort, then stage sort); leads.sort_status copies it. */
  rank: number;
}
export type Status = Selectable<StatusesTable>;
