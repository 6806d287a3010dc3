import { useAppStore } from '../store/context';
import { statusKey } from '../store/slices/meta-slice';
import { statusColors } from './colors';

/** A lead's stage in its status colour, with the pipeline's name when asked. */
export function StatusPill({
  pipelineId,
  statusId,
  withPipeline = false,
}: {
  pipelineId: number;
  statusId: number;
  withPipeline?: boolean;
}) {
  const status = useAppStore((state) => state.lookup.status.get(statusKey(pipelineId, statusId)));
  const pipeline = useAppStore((state) => state.lookup.pipeline.get(pipelineId));
  return (
    <span className="status-cell">
      <span className="status-pill" style={statusColors(status?.color)}>
        {status?.name ?? `#${statusId}`}
      </span>
      {withPipeline && <span className="pipeline-name">{pipeline?.name ?? `#${pipelineId}`}</span>}
    </span>
  );
}
