import type { MirrorMeta, PipelineView } from '../../../common/model/mirror';
import { compact, parseLeadsView, type LeadSortField, type LeadViewFilter, type Sort } from './view-state';

/**
 * A named lead list view the rep switches to from the sidebar: its filters (quick date ranges
 * kept by name, so a saved "Today" means the day it is opened) and its sort.
 */
export interface SavedView {
  id: string;
  /** What the rep named it; null for a built-in view not renamed yet (its name is translated). */
  name: string | null;
  /** A built-in view worked out from the mirror each time it is opened, instead of `filter`. */
  preset?: SavedViewPreset;
  filter: LeadViewFilter;
  sort: Sort<LeadSortField>;
  /** The list's column ids in order, as the rep chose them; absent means "leave the columns as they are". */
  columns?: string[];
}

/** "My open leads": the signed-in user's leads in every stage but won (142) and lost (143). */
export type SavedViewPreset = 'myOpenLeads';

/** Key under `settings.ui`, beside the list's own view (view-state.ts). */
export const SAVED_VIEWS_KEY = 'leads.savedViews';

const BY_UPDATED: Sort<LeadSortField> = { field: 'updated_at', direction: 'desc' };

/** What a first launch offers, before the rep has saved or removed anything. */
export const DEFAULT_SAVED_VIEWS: readonly SavedView[] = [
  { id: 'my-open-leads', name: null, preset: 'myOpenLeads', filter: { tagMode: 'any' }, sort: BY_UPDATED },
];

/** A name as stored: trimmed, at most 80 characters; null when nothing is left. */
export function viewName(text: string): string | null {
  const trimmed = text.trim().slice(0, 80);
  return trimmed === '' ? null : trimmed;
}

/** A new id, unique enough among one rep's views. */
export function newViewId(now: number): string {
  return `v${now.toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`;
}

/**
 * The stored list, read defensively as view-state.ts reads a view: an older or newer build may
 * have written it. Nothing stored yet means the defaults; an empty list stays empty.
 */
export function parseSavedViews(raw: unknown): SavedView[] {
  if (raw === undefined) return [...DEFAULT_SAVED_VIEWS];
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  return raw.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const record = item as Record<string, unknown>;
    if (typeof record.id !== 'string' || record.id === '' || seen.has(record.id)) return [];
    seen.add(record.id);
    const preset = record.preset === 'myOpenLeads' ? record.preset : undefined;
    const name = typeof record.name === 'string' ? viewName(record.name) : null;
    if (name === null && !preset) return [];
    const { filter, sort } = parseLeadsView(record);
    const columns = Array.isArray(record.columns) ? record.columns.filter((c): c is string => typeof c === 'string') : undefined;
    return [{ id: record.id, name, ...(preset ? { preset } : {}), filter, sort, ...(columns ? { columns } : {}) }];
  });
}

/** The filter, sort and columns a saved view shows now: a built-in one is worked out from the mirror's metadata. */
export function resolveSavedView(
  saved: SavedView,
  meta: Pick<MirrorMeta, 'currentUserId'> & { pipelines: readonly PipelineView[] },
): { filter: LeadViewFilter; sort: Sort<LeadSortField>; columns?: string[] } {
  const columns = saved.columns ? { columns: saved.columns } : {};
  if (saved.preset !== 'myOpenLeads') return { filter: compact(saved.filter), sort: saved.sort, ...columns };
  const stages = meta.pipelines.flatMap((pipeline) =>
    pipeline.statuses
      .filter((status) => status.id !== WON && status.id !== LOST)
      .map((status) => ({ pipelineId: pipeline.id, statusId: status.id })),
  );
  return {
    filter: compact({
      tagMode: 'any',
      responsibleUserIds: meta.currentUserId === null ? undefined : [meta.currentUserId],
      stages,
    }),
    sort: saved.sort,
    ...columns,
  };
}

const WON = 142;
const LOST = 143;

/** Whether the list shows exactly this filter and sort (the sidebar marks that view as current). */
export function showsView(
  shown: { filter: LeadViewFilter; sort: Sort<LeadSortField> },
  view: { filter: LeadViewFilter; sort: Sort<LeadSortField> },
): boolean {
  return (
    shown.sort.field === view.sort.field &&
    shown.sort.direction === view.sort.direction &&
    canonical(compact(shown.filter)) === canonical(compact(view.filter))
  );
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}
