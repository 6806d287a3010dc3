import { StatusPill } from '../../components/StatusPill';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import type { PhoneOption } from './PhoneSearch';

/** One result: a contact with its phones, or one of its leads (indented under it). */
export function PhoneResult({ id, option, active, onChoose }: { id: string; option: PhoneOption; active: boolean; onChoose(): void }) {
  const t = useT();
  const fmt = useFormat();
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      className={`phone-option ${option.kind === 'lead' ? 'is-lead' : 'is-contact'}${active ? ' is-active' : ''}`}
      // Keeps focus in the box, so the list stays open until the choice is made.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onChoose}
    >
      {option.kind === 'contact' ? (
        <>
          <span className="cell-strong">{option.contact.name || t('contacts.unnamed', { id: option.contact.id })}</span>
          <span className="muted phone">{option.contact.phones.map((phone) => phone.raw).join(' · ')}</span>
          {option.contact.company && <span className="muted">{option.contact.company.name}</span>}
        </>
      ) : (
        <>
          <span>{option.lead.name || t('leads.unnamed', { id: option.lead.id })}</span>
          <StatusPill pipelineId={option.lead.pipelineId} statusId={option.lead.statusId} />
          <span className="num muted">{fmt.money(option.lead.price)}</span>
        </>
      )}
    </li>
  );
}
