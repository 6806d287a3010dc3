import type { MetaLookup } from '../../store/slices/meta-slice';
import { statusKey } from '../../store/slices/meta-slice';

/** Names for ids, as a cell's plain text shows them (the cells themselves read the store). */
export interface MetaNames {
  user(id: number): string;
  status(pipelineId: number, statusId: number): string;
}

export function namesFrom(lookup: MetaLookup): MetaNames {
  return {
    user: (id) => lookup.user.get(id)?.name ?? `#${id}`,
    status(pipelineId, statusId) {
      const status = lookup.status.get(statusKey(pipelineId, statusId))?.name ?? `#${statusId}`;
      const pipeline = lookup.pipeline.get(pipelineId)?.name ?? `#${pipelineId}`;
      return `${status} · ${pipeline}`;
    },
  };
}
