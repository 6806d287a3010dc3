import type { EmailEntry, PhoneEntry } from '../../../../common/model/mirror';
import { PhoneNumber } from '../../components/PhoneNumber';
import { useT } from '../../i18n/use-t';

const KNOWN_TYPES = ['WORK', 'WORKDD', 'MOB', 'FAX', 'HOME', 'OTHER', 'PRIV'] as const;

/** Phones in one readable form (as typed on hover) with their actions, and emails. */
export function PhoneList({ phones, emails }: { phones: readonly PhoneEntry[]; emails: readonly EmailEntry[] }) {
  const t = useT();
  const typeLabel = (type: string | null) =>
    type && (KNOWN_TYPES as readonly string[]).includes(type)
      ? t(`detail.contactType.${type as (typeof KNOWN_TYPES)[number]}`)
      : (type ?? '');
  if (phones.length === 0 && emails.length === 0) return <p className="muted">{t('detail.noPhones')}</p>;
  return (
    <ul className="contact-points">
      {phones.map((phone, index) => {
        return (
          <li key={`p${index}`}>
            <span className="point-type">{typeLabel(phone.type) || t('detail.phone')}</span>
            <PhoneNumber raw={phone.raw} />
          </li>
        );
      })}
      {emails.map((email, index) => (
        <li key={`e${index}`}>
          <span className="point-type">{typeLabel(email.type) || t('detail.email')}</span>
          <span>{email.value}</span>
        </li>
      ))}
    </ul>
  );
}
