import type { StageRef } from '../../shared/model/changes';

/** What the policy needs to know about a lead, as the mirror holds it after the batch committed. */
export interface LeadFacts {
  name: string;
  responsibleUserId: number | null;
}

/**
 * Names and owners for the ids in a change set. The database satisfies it; the policy calls it
 * synchronously (better-sqlite3 reads are synchronous) and only for leads it may announce.
 */
export interface NotificationLookup {
  /** null when the lead is not in the mirror (e.g. deleted since). */
  lead(leadId: number): LeadFacts | null;
  /** The stage's display name, e.g. "Negotiation", or null when unknown. */
  stageName(stage: StageRef): string | null;
}

/** For a host that has no mirror to ask yet: every lead is unnamed and nobody's. */
export const emptyLookup: NotificationLookup = {
  lead: () => null,
  stageName: () => null,
};
