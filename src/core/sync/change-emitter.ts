import type { Events } from '../../common/contract';
import type { EntityChanges, LeadUpdate } from '../../common/model/changes';
import type { TimerHandle, Clock } from '../time';

export type SyncEventName = 'lead_update' | 'contact_update' | 'metadata_update' | 'activity_update';
/** Where the engine announces committed changes (the core's EventHub). */
export type SyncEmit = <E extends SyncEventName>(name: E, payload: Events[E]) => void;

export type LeadChanges = Omit<LeadUpdate, 'duringInitialSync'>;

export function emptyLeadChanges(): LeadChanges {
  return { added: [], updated: [], removed: [], statusChanges: [], responsibleChanges: [] };
}

const isEmpty = (c: EntityChanges) => c.added.length + c.updated.length + c.removed.length === 0;

/**
 * Turns committed change sets into events. Only real changes are announced (an identical
 * re-read is `unchanged` and never reaches here). During the first download, batches arrive
 * several times a second: they are merged and sent at most once per `throttleMs`, flagged
 * `duringInitialSync`, so the UI refreshes and notifications stay quiet.
 */
export class ChangeEmitter {
  private pending: { leads: LeadChanges; contacts: EntityChanges; companies: boolean } | null = null;
  private timer: TimerHandle | null = null;

  constructor(
    private readonly emit: SyncEmit,
    private readonly timers: Clock,
    private readonly throttleMs: number,
  ) {}

  leads(changes: LeadChanges, initial: boolean): void {
    if (isEmpty(changes)) return;
    if (!initial) return this.emit('lead_update', { ...changes, duringInitialSync: false });
    const pending = this.pendingSets();
    merge(pending.leads, changes);
    pending.leads.statusChanges.push(...changes.statusChanges);
    pending.leads.responsibleChanges.push(...changes.responsibleChanges);
    this.schedule();
  }

  contacts(changes: EntityChanges, initial: boolean): void {
    if (isEmpty(changes)) return;
    if (!initial) return this.emit('contact_update', { ...changes, duringInitialSync: false });
    merge(this.pendingSets().contacts, changes);
    this.schedule();
  }

  /**
   * Companies show as names on contacts and leads (and in their own list): a change is announced
   * as a change of names, like the metadata's, once per first-download flush.
   */
  companies(changes: EntityChanges, initial: boolean): void {
    if (isEmpty(changes)) return;
    if (!initial) return this.metadata();
    this.pendingSets().companies = true;
    this.schedule();
  }

  /** Notes or tasks changed: the leads whose timeline changed, and whether any task did (the task lists). */
  activity(leadIds: number[], tasks: boolean): void {
    if (leadIds.length === 0 && !tasks) return;
    this.emit('activity_update', { leadIds, tasks });
  }

  metadata(): void {
    this.emit('metadata_update', {});
  }

  /** Sends what the first download gathered so far. */
  flush(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    const pending = this.pending;
    this.pending = null;
    if (!pending) return;
    if (!isEmpty(pending.leads)) this.emit('lead_update', { ...pending.leads, duringInitialSync: true });
    if (!isEmpty(pending.contacts)) this.emit('contact_update', { ...pending.contacts, duringInitialSync: true });
    if (pending.companies) this.metadata();
  }

  dispose(): void {
    this.flush();
  }

  private pendingSets() {
    this.pending ??= { leads: emptyLeadChanges(), contacts: { added: [], updated: [], removed: [] }, companies: false };
    return this.pending;
  }

  private schedule(): void {
    this.timer ??= this.timers.setTimeout(() => {
      this.timer = null;
      this.flush();
    }, this.throttleMs);
  }
}

/** Adds `from` into `into`: an id keeps its strongest kind (removed > added > updated). */
function merge(into: EntityChanges, from: EntityChanges): void {
  const removed = new Set([...into.removed, ...from.removed]);
  const added = new Set([...into.added, ...from.added].filter((id) => !removed.has(id)));
  const updated = new Set([...into.updated, ...from.updated].filter((id) => !removed.has(id) && !added.has(id)));
  into.removed = [...removed];
  into.added = [...added];
  into.updated = [...updated];
}
