import type { LeadUpdate } from '../model/changes';
import type { SyncStatus } from '../model/sync';

/** A declared event: its name is a runtime key, its payload a type. */
export interface EventSpec<Payload> {
  readonly _payload?: Payload;
}

function event<Payload>(): EventSpec<Payload> {
  return {};
}

/** Every event a host pushes to its renderers. */
export const events = {
  /** A committed sync batch changed leads. */
  lead_update: event<LeadUpdate>(),
  /** The sync engine's state changed (also sent once to each renderer that connects). */
  sync_status: event<SyncStatus>(),
};
