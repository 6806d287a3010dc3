import type { ContactRow } from '../../../../common/model/mirror';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { PhoneList } from './PhoneList';

/** A linked contact inside a lead: its name (opens it), phones and emails. */
export function ContactCard({ contact, isMain }: { contact: ContactRow; isMain: boolean }) {
  const t = useT();
  const openDetail = useAppStore((state) => state.openDetail);
  return (
    <div className="linked-card">
      <p className="linked-title">
        <button type="button" className="link-button" onClick={() => openDetail('contact', contact.id, true)}>
          {contact.name || t('contacts.unnamed', { id: contact.id })}
        </button>
        {isMain && <span className="badge">{t('detail.mainContact')}</span>}
      </p>
      <PhoneList phones={contact.phones} emails={contact.emails} />
    </div>
  );
}
