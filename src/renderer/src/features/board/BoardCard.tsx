import type { LeadRow } from '../../../../common/model/mirror';
import { TagChips } from '../../components/TagChip';
import { UserName } from '../../components/UserName';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';

export function BoardCard({ lead }: { lead: LeadRow }) {
  const t = useT();
  const fmt = useFormat();
  const openDetail = useAppStore((state) => state.openDetail);
  const flashing = useAppStore((state) => state.leads.flash[lead.id] === true);
  return (
    <button type="button" className={`board-card${flashing ? ' is-flash' : ''}`} onClick={() => openDetail('lead', lead.id)}>
      <span className="board-card-title">{lead.name || t('leads.unnamed', { id: lead.id })}</span>
      <span className="board-card-line">
        <span className="num">{fmt.money(lead.price)}</span>
        <span className="muted">
          <UserName id={lead.responsibleUserId} />
        </span>
      </span>
      {lead.mainContact && <span className="board-card-line muted">{lead.mainContact.name}</span>}
      {lead.tags.length > 0 && <TagChips tags={lead.tags} max={2} />}
    </button>
  );
}
