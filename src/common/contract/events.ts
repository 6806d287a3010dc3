import type { EntityChanges, LeadUpdate } from '../model/changes';
import type { ConnectionState } from '../model/connection';
import type { ExportProgress } from '../model/export';
import type { OutboxSummary } from '../model/outbox';
import type { Settings } from '../model/settings';
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
  /** A committed sync batch changed contacts. */
  contact_update: event<EntityChanges & { duringInitialSync: boolean }>(),
  /** A committed sync batch changed notes or tasks: the leads whose timeline changed, and whether tasks did. */
  activity_update: event<{ leadIds: number[]; tasks: boolean }>(),
  /** Pipelines, statuses, users, custom fields or tags changed: names and colours may differ. */
  metadata_update: event<Record<string, never>>(),
  /** The sync engine's state changed. */
  sync_status: event<SyncStatus>(),
  /** Signed in, signed out, or sign-in needed again. */
  connection_state: event<ConnectionState>(),
  settings_changed: event<Settings>(),
  /** The host asks the page to show one record (e.g. a notification was clicked). */
  open_entity: event<{ entity: 'lead' | 'contact'; id: number }>(),
  /** A running export wrote more rows, finished, failed or was cancelled. */
  export_progress: event<ExportProgress>(),
  /** The outbox changed: a write was queued, sent, confirmed, refused or settled. */
  outbox_update: event<OutboxSummary>(),
};
