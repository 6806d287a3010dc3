import type { Selectable } from 'kysely';

/** Kommo's reasons a lead was lost (`/api/v4/leads/loss_reasons`); leads name one by `loss_reason_id`. */
export interface LossReasonsTable {
  id: number;
  name: string;
  sort: number;
}
export type LossReason = Selectable<LossReasonsTable>;
