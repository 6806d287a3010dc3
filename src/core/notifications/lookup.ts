import type { StageRef } from '../../common/model/changes';
import { leadFacts, type MirrorDatabase, stageName } from '../db';

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

/**
 * The lookup over the mirror. `lead_update` is emitted after its batch committed, so the mirror
 * already holds the new name, owner and stage the notification speaks of.
 */
export function mirrorLookup(mirror: MirrorDatabase): NotificationLookup {
  return {
    lead: (leadId) => leadFacts(mirror, leadId),
    stageName: (stage) => stageName(mirror, stage),
  };
}
