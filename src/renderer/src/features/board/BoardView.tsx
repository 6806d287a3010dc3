import { useEffect } from 'react';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { boardFilter } from '../../store/slices/board-slice';
import { countFilters } from '../../store/view-state';
import { BoardColumnView } from './BoardColumnView';

/** A read-only board of one pipeline: its stages as columns, with counts and price totals. */
export function BoardView() {
  const t = useT();
  const pipelines = useAppStore((state) => state.lookup.pipelines);
  const pipelineId = useAppStore((state) => state.board.pipelineId);
  const columns = useAppStore((state) => state.board.columns);
  const error = useAppStore((state) => state.board.error);
  const leadFilter = useAppStore((state) => state.leads.view.filter);
  const setBoardPipeline = useAppStore((state) => state.setBoardPipeline);
  const loadBoard = useAppStore((state) => state.loadBoard);
  const navigate = useAppStore((state) => state.navigate);
  const filters = countFilters(boardFilter(leadFilter));

  // (Re)load when the board opens, when the pipelines arrive, or when the lead filters change.
  useEffect(() => {
    void loadBoard();
  }, [loadBoard, pipelines, leadFilter]);

  const pipeline = pipelines.find((p) => p.id === pipelineId) ?? pipelines.find((p) => p.isMain) ?? pipelines[0];
  const byStatus = new Map((columns ?? []).map((column) => [column.statusId, column]));
  return (
    <section className="view board-view" aria-labelledby="board-title">
      <header className="view-head">
        <h1 id="board-title">{t('nav.board')}</h1>
        <label className="inline-field">
          <span>{t('board.pipeline')}</span>
          <select className="input" value={pipeline?.id ?? ''} onChange={(event) => setBoardPipeline(Number(event.target.value))}>
            {pipelines.map((p) => (
              <option key={p.id} value={p.id}>
                {p.isArchive ? `${p.name} (${t('board.archived')})` : p.name}
              </option>
            ))}
          </select>
        </label>
        <p className="muted board-read-only">{t('board.readOnly')}</p>
        {filters > 0 && (
          <p className="muted board-filter-note">
            {t('board.filtered', { count: filters })}{' '}
            <button type="button" className="link-button" onClick={() => navigate('leads')}>
              {t('board.editFilters')}
            </button>
          </p>
        )}
        {error && (
          <p className="inline-error" role="alert">
            {error.message}
          </p>
        )}
      </header>
      {!pipeline ? (
        <p className="empty-state">{t('board.noPipelines')}</p>
      ) : (
        <div className="board" role="list" aria-label={t('board.columnsLabel', { pipeline: pipeline.name })}>
          {pipeline.statuses.map((status) => (
            <BoardColumnView key={status.id} status={status} summary={byStatus.get(status.id)} />
          ))}
        </div>
      )}
    </section>
  );
}
