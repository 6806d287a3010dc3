import type { EntityChanges, LeadUpdate } from '../../../../common/model/changes';
import type { Slice } from '../types';

/** During the first download batches arrive back to back: the view catches up at most this often. */
const INITIAL_SYNC_REFRESH_MS = 1000;

export interface LiveSlice {
  /** A committed sync batch changed leads (`lead_update`). */
  leadsChanged(update: LeadUpdate): void;
  /** A committed sync batch changed contacts (`contact_update`). */
  contactsChanged(changes: EntityChanges & { duringInitialSync: boolean }): void;
  /** Pipelines, users, fields or tags changed: names and colours may differ (`metadata_update`). */
  metadataChanged(): void;
  /** Re-reads everything on screen (e.g. the first download finished). */
  refreshAll(): void;
}

/**
 * Live updates re-read only what is on screen (the visible pages and their totals, the open
 * record, the board, the phone results): a lone change at once, a burst at most one round of
 * requests per short interval. Nothing else in the store changes: scroll position, selection and filters
 * stay where the user left them.
 */
export const createLiveSlice: Slice<LiveSlice> =
  ({ liveDelayMs }) =>
  (_set, get) => {
    // `flash` holds only the ids of live changes: a first-download batch that arrives in the same
    // window is refreshed with them but never highlighted.
    const pending = {
      leads: new Set<number>(),
      contacts: new Set<number>(),
      flash: { leads: new Set<number>(), contacts: new Set<number>() },
      any: { leads: false, contacts: false },
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastFlushAt = -Infinity;

    /**
     * At most one refresh per `interval`, the first at once (on the next task, so the events of one
     * committed batch go together): a lone change shows without waiting, a burst costs one refresh
     * per interval.
     */
    function schedule(interval: number): void {
      timer ??= setTimeout(flush, Math.max(0, lastFlushAt + interval - Date.now()));
    }

    function flush(): void {
      timer = undefined;
      lastFlushAt = Date.now();
      const state = get();
      const leadIds = [...pending.leads];
      const contactIds = [...pending.contacts];
      const flash = { leads: [...pending.flash.leads], contacts: [...pending.flash.contacts] };
      const { any } = pending;
      pending.leads.clear();
      pending.contacts.clear();
      pending.flash.leads.clear();
      pending.flash.contacts.clear();
      pending.any = { leads: false, contacts: false };

      // Contact names and phones show on lead rows too.
      void state.leads.actions.refresh(flash.leads);
      if (any.contacts) void state.contacts.actions.refresh(flash.contacts);
      if (state.view === 'board') void state.loadBoard();
      if (state.view === 'tags') void state.refreshTags();
      if (state.phone.query.trim()) void state.searchPhoneNow();
      if (touchesDetail(leadIds, contactIds, any)) void state.reloadDetail();
    }

    function touchesDetail(leadIds: number[], contactIds: number[], any: { leads: boolean; contacts: boolean }): boolean {
      const { target, lead, contact } = get().detail;
      if (!target) return false;
      if (target.entity === 'lead') {
        return leadIds.includes(target.id) || (lead?.contacts.some((c) => contactIds.includes(c.id)) ?? false);
      }
      return contactIds.includes(target.id) || (any.leads && (contact?.leads.some((l) => leadIds.includes(l.id)) ?? false));
    }

    function gather(kind: 'leads' | 'contacts', changes: EntityChanges, duringInitialSync: boolean): void {
      for (const id of [...changes.added, ...changes.updated, ...changes.removed]) {
        pending[kind].add(id);
        // The first download fills the table; highlighting every row of it would be noise.
        if (!duringInitialSync) pending.flash[kind].add(id);
      }
      pending.any[kind] = true;
      schedule(duringInitialSync ? INITIAL_SYNC_REFRESH_MS : liveDelayMs);
    }

    return {
      leadsChanged: (update) => gather('leads', update, update.duringInitialSync),
      contactsChanged: (changes) => gather('contacts', changes, changes.duringInitialSync),
      metadataChanged() {
        const state = get();
        // Company changes arrive as metadata: their names show on contacts, and in their own list.
        void state.contacts.actions.refresh([]);
        void state.companies.actions.refresh([]);
        void state.loadMeta().then(() => {
          if (get().view === 'board') void get().loadBoard();
        });
        void state.refreshTags();
      },
      refreshAll() {
        const state = get();
        void state.loadMeta();
        void state.refreshTags();
        void state.leads.actions.refresh([]);
        void state.contacts.actions.refresh([]);
        void state.companies.actions.refresh([]);
        if (state.view === 'board') void state.loadBoard();
      },
    };
  };
