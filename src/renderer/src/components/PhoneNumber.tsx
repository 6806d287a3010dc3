import { useEffect, useState, type MouseEvent } from 'react';
import { normalizePhone, phoneExtension, readablePhone } from '../../../common/phone';
import { useT } from '../i18n/use-t';

/** Fewer digits than this is not a number anyone can dial (a fragment, an internal code). */
const DIALABLE_DIGITS = 8;
const COPIED_FOR_MS = 1500;

/**
 * A phone as a rep reads and uses it: one readable international form whatever was typed in
 * Kommo ("tel:+51960039428", "0051 936 060 527" → "+51 936 060 527"), the raw text on hover, and
 * call (tel:), WhatsApp (wa.me with the E.164 digits) and copy. `compact` is the list's cell:
 * icon actions that stay out of the tab order (the grid is navigated with arrows; the details
 * panel has the same actions in the tab order).
 */
export function PhoneNumber({ raw, compact = false }: { raw: string; compact?: boolean }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_FOR_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  const digits = normalizePhone(raw);
  const extension = phoneExtension(raw);
  const dialable = digits.length >= DIALABLE_DIGITS;
  const readable = dialable ? readablePhone(digits) + (extension ? ` ${t('phone.extension', { ext: extension })}` : '') : raw;
  // Inside a list row a click would also select and open the row: the action is all it does.
  const only = (event: MouseEvent) => event.stopPropagation();
  const copy = (event: MouseEvent) => {
    event.stopPropagation();
    void navigator.clipboard.writeText(`+${digits}`).then(() => setCopied(true));
  };
  const tabIndex = compact ? -1 : undefined;
  const links = [
    {
      href: `tel:+${digits}${extension ? `,${extension}` : ''}`,
      label: t('phone.call', { number: readable }),
      text: compact ? '☎' : t('phone.callShort'),
      external: false,
    },
    {
      href: `https://wa.me/${digits}`,
      label: t('phone.whatsapp', { number: readable }),
      text: compact ? 'WA' : 'WhatsApp',
      external: true,
    },
  ];
  return (
    <span className={`phone-number${compact ? ' is-compact' : ''}`}>
      <span className="phone" title={raw}>
        {readable}
      </span>
      {dialable && (
        <span className="phone-actions">
          {links.map((link) => (
            <a
              key={link.label}
              href={link.href}
              aria-label={link.label}
              title={link.label}
              tabIndex={tabIndex}
              onClick={only}
              {...(link.external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
            >
              {link.text}
            </a>
          ))}
          <button
            type="button"
            className="link-button"
            aria-label={t('phone.copy', { number: readable })}
            title={t('phone.copy', { number: readable })}
            tabIndex={tabIndex}
            onClick={copy}
          >
            {copied ? t('phone.copied') : compact ? '⧉' : t('phone.copyShort')}
          </button>
        </span>
      )}
    </span>
  );
}
