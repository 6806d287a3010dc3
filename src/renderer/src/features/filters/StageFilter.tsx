import type { StageRef } from '../../../../common/model/changes';
import { Popover } from '../../components/Popover';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { statusColors } from '../../components/colors';

interface StageFilterProps {
  pipelineIds: readonly number[] | undefined;
  stages: readonly StageRef[] | undefined;
  onChange(pipelineIds: number[] | undefined, stages: StageRef[] | undefined): void;
}

/**
 * Pipelines and their stages. Whole pipelines alone go as `pipelineIds`; as soon as a single
 * stage is picked, everything is sent as stages, so the two never narrow each other.
 */
export function StageFilter({ pipelineIds = [], stages = [], onChange }: StageFilterProps) {
  const t = useT();
  const pipelines = useAppStore((state) => state.lookup.pipelines);
  const stageKeys = new Set(stages.map((stage) => `${stage.pipelineId}:${stage.statusId}`));

  /** The whole selection as stages (pipelines expanded). */
  const asStages = (): StageRef[] => [
    ...stages,
    ...pipelines.filter((p) => pipelineIds.includes(p.id)).flatMap((p) => p.statuses.map((s) => ({ pipelineId: p.id, statusId: s.id }))),
  ];

  const emit = (wholePipelines: number[], picked: StageRef[]) => {
    // A pipeline whose every stage is picked is a whole pipeline again.
    const whole = new Set(wholePipelines);
    for (const p of pipelines) {
      if (p.statuses.length > 0 && p.statuses.every((s) => picked.some((x) => x.pipelineId === p.id && x.statusId === s.id)))
        whole.add(p.id);
    }
    const rest = picked.filter((stage) => !whole.has(stage.pipelineId));
    if (rest.length === 0) onChange(whole.size ? [...whole] : undefined, undefined);
    else
      onChange(undefined, [
        ...rest,
        ...[...whole].flatMap((id) =>
          (pipelines.find((p) => p.id === id)?.statuses ?? []).map((s) => ({ pipelineId: id, statusId: s.id })),
        ),
      ]);
  };

  const isWhole = (id: number) => {
    const statuses = pipelines.find((p) => p.id === id)?.statuses ?? [];
    return pipelineIds.includes(id) || (statuses.length > 0 && statuses.every((s) => stageKeys.has(`${id}:${s.id}`)));
  };

  const togglePipeline = (id: number) => {
    const on = isWhole(id);
    const others = stages.filter((stage) => stage.pipelineId !== id);
    emit(on ? pipelineIds.filter((p) => p !== id) : [...pipelineIds, id], others);
  };

  const toggleStage = (pipelineId: number, statusId: number) => {
    const all = asStages();
    const on = all.some((stage) => stage.pipelineId === pipelineId && stage.statusId === statusId);
    const next = on
      ? all.filter((stage) => !(stage.pipelineId === pipelineId && stage.statusId === statusId))
      : [...all, { pipelineId, statusId }];
    emit([], next);
  };

  const count = pipelineIds.length + stages.length;
  const summary =
    pipelineIds.length === 1 && stages.length === 0
      ? (pipelines.find((p) => p.id === pipelineIds[0])?.name ?? '')
      : stages.length > 0
        ? t('filters.stagesCount', { count: stages.length })
        : t('filters.pipelinesCount', { count: pipelineIds.length });
  return (
    <Popover
      label={count ? `${t('filters.stage')}: ${summary}` : t('filters.stage')}
      ariaLabel={t('filters.stage')}
      active={count > 0}
      className="stage-filter"
    >
      {() => (
        <div className="stage-tree">
          {pipelines.length === 0 && <p className="muted">{t('filters.noPipelines')}</p>}
          {pipelines.map((pipeline) => {
            const whole = isWhole(pipeline.id);
            const some = stages.some((stage) => stage.pipelineId === pipeline.id);
            return (
              <fieldset key={pipeline.id} className="stage-group">
                <legend>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={whole}
                      ref={(input) => {
                        if (input) input.indeterminate = !whole && some;
                      }}
                      onChange={() => togglePipeline(pipeline.id)}
                    />
                    <strong>{pipeline.name}</strong>
                  </label>
                </legend>
                {pipeline.statuses.map((status) => (
                  <label key={status.id} className="check stage-option">
                    <input
                      type="checkbox"
                      checked={whole || stageKeys.has(`${pipeline.id}:${status.id}`)}
                      onChange={() => toggleStage(pipeline.id, status.id)}
                    />
                    <span className="swatch" style={statusColors(status.color)} aria-hidden="true" />
                    <span className="check-label">{status.name}</span>
                  </label>
                ))}
              </fieldset>
            );
          })}
          {count > 0 && (
            <button type="button" className="link-button" onClick={() => onChange(undefined, undefined)}>
              {t('filters.clear')}
            </button>
          )}
        </div>
      )}
    </Popover>
  );
}
