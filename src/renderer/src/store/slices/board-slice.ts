import type { BoardColumn, LeadRow } from '../../../../common/model/mirror';
import type { HostError } from '../../../../common/result';
import { calendarOf, leadQuery } from '../lead-query';
import { compact, type LeadViewFilter } from '../view-state';
import type { Slice } from '../types';

/** Cards fetched per column at a time: a board shows the freshest leads of each stage first. */
export const BOARD_PAGE = 25;

export interface BoardCards {
  rows: readonly LeadRow[];
  total: number;
  loading: boolean;
}

export interface BoardState {
  pipelineId: number | null;
  /** Counts and price totals per status, null until loaded. */
  columns: readonly BoardColumn[] | null;
  cards: Readonly<Record<number, BoardCards>>;
  error: HostError | null;
}

export interface BoardSlice {
  board: BoardState;
  setBoardPipeline(pipelineId: number): void;
  loadBoard(): Promise<void>;
  loadMoreCards(statusId: number): Promise<void>;
}

/** The board shows one pipeline by stage, narrowed by the lead list's other filters. */
export function boardFilter(filter: LeadViewFilter): LeadViewFilter {
  return compact({ ...filter, pipelineIds: undefined, stages: undefined });
}

export const createBoardSlice: Slice<BoardSlice> =
  ({ host, now }) =>
  (set, get) => {
    let generation = 0;

    function pipelineId(): number | null {
      const chosen = get().board.pipelineId;
      const { pipelines, pipeline } = get().lookup;
      if (chosen !== null && pipeline.has(chosen)) return chosen;
      return (pipelines.find((p) => p.isMain && !p.isArchive) ?? pipelines[0])?.id ?? null;
    }

    /** The lead list's filters as the board queries them, quick ranges resolved now. */
    function query() {
      return leadQuery(boardFilter(get().leads.view.filter), calendarOf(get(), now()));
    }

    function patchCards(statusId: number, cards: BoardCards): void {
      set((state) => ({ board: { ...state.board, cards: { ...state.board.cards, [statusId]: cards } } }));
    }

    async function fetchCards(current: number, pipeline: number, statusId: number, offset: number, limit: number) {
      const filter = { ...query(), stages: [{ pipelineId: pipeline, statusId }] };
      const result = await host.request('leads.list', { filter, sort: { field: 'updated_at', direction: 'desc' }, offset, limit });
      return current === generation ? result : null;
    }

    return {
      board: { pipelineId: null, columns: null, cards: {}, error: null },

      setBoardPipeline(id) {
        set((state) => ({ board: { ...state.board, pipelineId: id, columns: null, cards: {} } }));
        void get().loadBoard();
      },

      async loadBoard() {
        const current = ++generation;
        const pipeline = pipelineId();
        if (pipeline === null) return;
        const statuses = get().lookup.pipeline.get(pipeline)?.statuses ?? [];
        const counts = await host.request('leads.board', { pipelineId: pipeline, filter: query() });
        if (current !== generation) return;
        if (!counts.ok) {
          set((state) => ({ board: { ...state.board, error: counts.error } }));
          return;
        }
        set((state) => ({ board: { ...state.board, pipelineId: pipeline, columns: counts.value, error: null } }));
        // A live refresh re-reads as many cards as each column already shows.
        await Promise.all(
          statuses.map(async (status) => {
            const shown = get().board.cards[status.id]?.rows.length ?? 0;
            const result = await fetchCards(current, pipeline, status.id, 0, Math.min(500, Math.max(BOARD_PAGE, shown)));
            if (result?.ok) patchCards(status.id, { rows: result.value.rows, total: result.value.total, loading: false });
          }),
        );
      },

      async loadMoreCards(statusId) {
        const pipeline = get().board.pipelineId;
        const cards = get().board.cards[statusId];
        if (pipeline === null || !cards || cards.loading || cards.rows.length >= cards.total) return;
        patchCards(statusId, { ...cards, loading: true });
        const result = await fetchCards(generation, pipeline, statusId, cards.rows.length, BOARD_PAGE);
        if (!result) return;
        const latest = get().board.cards[statusId] ?? cards;
        patchCards(
          statusId,
          result.ok
            ? { rows: [...latest.rows, ...result.value.rows], total: result.value.total, loading: false }
            : { ...latest, loading: false },
        );
      },
    };
  };
