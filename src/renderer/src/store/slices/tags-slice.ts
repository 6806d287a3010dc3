import type { EntityType, TagWithCount } from '../../../../common/model/mirror';
import type { HostError } from '../../../../common/result';
import type { Slice } from '../types';

export interface TagsSlice {
  /** Tags per entity type, once asked for. Lead tags also feed the lead filters. */
  tags: Readonly<Partial<Record<EntityType, readonly TagWithCount[]>>>;
  tagsError: HostError | null;
  loadTags(entityType: EntityType): Promise<void>;
  /** Re-reads every entity type already loaded (counts and names change with sync). */
  refreshTags(): Promise<void>;
}

export const createTagsSlice: Slice<TagsSlice> =
  ({ host }) =>
  (set, get) => ({
    tags: {},
    tagsError: null,
    async loadTags(entityType) {
      const result = await host.request('tags.list', { entityType });
      if (result.ok) set((state) => ({ tags: { ...state.tags, [entityType]: result.value }, tagsError: null }));
      else set({ tagsError: result.error });
    },
    async refreshTags() {
      await Promise.all((Object.keys(get().tags) as EntityType[]).map((entityType) => get().loadTags(entityType)));
    },
  });
