import type { LeadResponsibleChange, LeadStatusChange } from '../../../common/model/changes';

/** What one upsert call did, per record id. */
export interface UpsertResult {
  /** Not in the mirror before. */
  added: number[];
  /** In the mirror, and the incoming copy differed (content, tags, custom fields or links). */
  updated: number[];
  /** Identical to what the mirror holds: not a change. */
  unchanged: number[];
  /** Older than the mirror's copy, or older than its recorded deletion: not applied. */
  stale: number[];
}

export interface LeadUpsertResult extends UpsertResult {
  /** Stage changes of leads already in the mirror (pipeline and status before and after). */
  statusChanges: LeadStatusChange[];
  /** Responsible-user changes of leads already in the mirror. */
  responsibleChanges: LeadResponsibleChange[];
}

export interface ContactUpsertResult extends UpsertResult {
  /** Leads whose links or main contact changed because a contact (from its side) changed them. */
  relinkedLeadIds: number[];
}

export function emptyResult(): UpsertResult {
  return { added: [], updated: [], unchanged: [], stale: [] };
}
