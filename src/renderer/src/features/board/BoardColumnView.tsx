import type { BoardColumn, StatusView } from '../../../../common/model/mirror';
import { statusColors } from '../../components/colors';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { BoardCard } from './BoardCard';

/** One stage: its count and price total, and its freshest leads as cards ("show more" for the rest). */
export function BoardColumnView({ status, summary }: { status: StatusView; summary: BoardColumn | undefined }) {
  const t = useT();
  const fmt = useFormat();
  const cards = useAppStore((state) => state.board.cards[status.id]);
  const loadMoreCards = useAppStore((state) => state.loadMoreCards);
  const count = summary?.count ?? cards?.total ?? 0;
  return (
    <section role="listitem" className="board-column" aria-labelledby={`stage-${status.id}`}>
      <header className="board-column-head" style={statusColors(status.color)}>
        <h2 id={`stage-${status.id}`}>{status.name}</h2>
        <p>
          <span>{t('list.leadsCount', { count, n: fmt.number(count) })}</span>
          <span className="num">{fmt.money(summary?.priceTotal ?? 0)}</span>
        </p>
      </header>
      <ul className="board-cards">
        {cards?.rows.map((lead) => (
          <li key={lead.id}>
            <BoardCard lead={lead} />
          </li>
        ))}
      </ul>
      {cards && cards.rows.length < cards.total && (
        <button type="button" className="button board-more" disabled={cards.loading} onClick={() => void loadMoreCards(status.id)}>
          {t('board.showMore', { shown: fmt.number(cards.rows.length), total: fmt.number(cards.total) })}
        </button>
      )}
    </section>
  );
}
