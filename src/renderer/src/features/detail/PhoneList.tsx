import type { EmailEntry, PhoneEntry } from '../../../../common/model/mirror';
import { displayPhone } from '../../i18n/format';
import { useT } from '../../i18n/use-t';

const KNOWN_TYPES = ['WORK', 'WORKDD', 'MOB', 'FAX', 'HOME', 'OTHER', 'PRIV'] as const;

/** Phones as typed in Kommo (with the canonical form when it reads differently) and emails. */
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
        const canonical = displayPhone(phone.normalized);
        return (
          <li key={`p${index}`}>
            <span className="point-type">{typeLabel(phone.type) || t('detail.phone')}</span>
            <span className="phone">{phone.raw}</span>
            {canonical && canonical.replace(/\D/g, '') !== phone.raw.replace(/\D/g, '') && (
              <span className="muted phone"> · {canonical}</span>
            )}
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
