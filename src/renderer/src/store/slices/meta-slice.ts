import type { CustomFieldDefinitionView, MirrorMeta, PipelineView, StatusView, UserView } from '../../../../common/model/mirror';
import type { Slice } from '../types';

/** Ids on rows turned into names and colours in O(1). A status is keyed by pipeline too: 142/143 are shared. */
export interface MetaLookup {
  pipelines: PipelineView[];
  pipeline: ReadonlyMap<number, PipelineView>;
  status: ReadonlyMap<string, StatusView>;
  user: ReadonlyMap<number, UserView>;
  field: ReadonlyMap<number, CustomFieldDefinitionView>;
}

export const statusKey = (pipelineId: number, statusId: number): string => `${pipelineId}:${statusId}`;

export const EMPTY_META: MirrorMeta = { account: null, currentUserId: null, pipelines: [], users: [], customFields: [], lossReasons: [] };

export function buildLookup(meta: MirrorMeta): MetaLookup {
  const pipelines = [...meta.pipelines]
    .sort((a, b) => Number(a.isArchive) - Number(b.isArchive) || a.sort - b.sort)
    .map((pipeline) => ({ ...pipeline, statuses: [...pipeline.statuses].sort((a, b) => a.sort - b.sort) }));
  return {
    pipelines,
    pipeline: new Map(pipelines.map((pipeline) => [pipeline.id, pipeline])),
    status: new Map(
      pipelines.flatMap((pipeline) => pipeline.statuses.map((status) => [statusKey(pipeline.id, status.id), status] as const)),
    ),
    user: new Map(meta.users.map((user) => [user.id, user])),
    field: new Map(meta.customFields.map((field) => [field.id, field])),
  };
}

export interface MetaSlice {
  meta: MirrorMeta;
  lookup: MetaLookup;
  loadMeta(): Promise<void>;
}

export const createMetaSlice: Slice<MetaSlice> =
  ({ host }) =>
  (set, get) => ({
    meta: EMPTY_META,
    lookup: buildLookup(EMPTY_META),
    async loadMeta() {
      const result = await host.request('meta.get', {});
      if (!result.ok) return;
      const zoneBefore = get().meta.account?.timezone;
      set({ meta: result.value, lookup: buildLookup(result.value) });
      // Quick date ranges count days in the account's zone: a query built before it was known is redone.
      const { createdRange, updatedRange, closedRange } = get().leads.view.filter;
      if ((createdRange || updatedRange || closedRange) && result.value.account?.timezone !== zoneBefore)
        void get().leads.actions.refresh([]);
    },
  });
