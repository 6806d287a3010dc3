import type { MyTasks, TimelineItem } from '../../../../common/model/activity';
import type { HostError } from '../../../../common/result';
import type { Slice } from '../types';

const TIMELINE_PAGE = 50;

export interface TimelineState {
  leadId: number | null;
  items: readonly TimelineItem[];
  total: number;
  /** How many newest items are shown (grows with "show older"). */
  limit: number;
  error: HostError | null;
}

export interface ActivitySlice {
  timeline: TimelineState;
  myTasks: MyTasks | null;
  myTasksError: HostError | null;
  /** Reads a lead's timeline (the newest page, or more with `more`). */
  loadTimeline(leadId: number, more?: boolean): Promise<void>;
  loadMyTasks(): Promise<void>;
  /** Notes or tasks changed (`activity_update`): re-read what shows them. */
  activityChanged(update: { leadIds: number[]; tasks: boolean }): void;
}

const EMPTY_TIMELINE: TimelineState = { leadId: null, items: [], total: 0, limit: TIMELINE_PAGE, error: null };

/**
 * Notes and tasks as the page shows them: the open lead's timeline and the signed-in user's open
 * tasks. Both are re-read when the sync says they changed; a lead list filtered by its tasks is
 * re-read too, since which leads match may have changed.
 */
export const createActivitySlice: Slice<ActivitySlice> =
  ({ host }) =>
  (set, get) => ({
    timeline: EMPTY_TIMELINE,
    myTasks: null,
    myTasksError: null,
    async loadTimeline(leadId, more = false) {
      const current = get().timeline;
      const limit =
        more && current.leadId === leadId ? current.limit + TIMELINE_PAGE : current.leadId === leadId ? current.limit : TIMELINE_PAGE;
      if (current.leadId !== leadId) set({ timeline: { ...EMPTY_TIMELINE, leadId } });
      const result = await host.request('leads.timeline', { id: leadId, offset: 0, limit });
      if (get().timeline.leadId !== leadId) return;
      if (result.ok) set({ timeline: { leadId, items: result.value.items, total: result.value.total, limit, error: null } });
      else set({ timeline: { ...get().timeline, error: result.error } });
    },
    async loadMyTasks() {
      const result = await host.request('tasks.mine', { limit: 500 });
      if (result.ok) set({ myTasks: result.value, myTasksError: null });
      else set({ myTasksError: result.error });
    },
    activityChanged({ leadIds, tasks }) {
      const state = get();
      const open = state.timeline.leadId;
      if (open !== null && state.detail.target?.entity === 'lead' && state.detail.target.id === open && leadIds.includes(open))
        void state.loadTimeline(open);
      if (tasks && state.view === 'tasks') void state.loadMyTasks();
      if (tasks && state.leads.view.filter.tasks) void state.leads.actions.refresh([]);
    },
  });
