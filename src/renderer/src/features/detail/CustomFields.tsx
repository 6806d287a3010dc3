import type { CustomFieldScalar, CustomFieldValueView } from '../../../../common/model/mirror';
import type { Translate } from '../../../../common/i18n';
import type { Formatters } from '../../i18n/format';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';

/** Shown in their own section (phones and emails), so not repeated among the fields. */
const SHOWN_ELSEWHERE = new Set(['PHONE', 'EMAIL']);

/** Every custom field with a value, in the account's order, each rendered by its Kommo type. */
export function CustomFields({ fields }: { fields: readonly CustomFieldValueView[] }) {
  const t = useT();
  const fmt = useFormat();
  const definitions = useAppStore((state) => state.lookup.field);
  const shown = fields
    .filter((field) => !(field.code && SHOWN_ELSEWHERE.has(field.code)) && field.values.some((v) => v.value !== null && v.value !== ''))
    .sort((a, b) => (definitions.get(a.fieldId)?.sort ?? 1e9) - (definitions.get(b.fieldId)?.sort ?? 1e9));
  return (
    <section className="detail-section" aria-labelledby="custom-fields">
      <h3 id="custom-fields">{t('detail.fields')}</h3>
      {shown.length === 0 ? (
        <p className="muted">{t('detail.noFields')}</p>
      ) : (
        <dl className="facts">
          {shown.map((field) => (
            <FieldRow key={field.fieldId} field={field} name={definitions.get(field.fieldId)?.name ?? field.name} t={t} fmt={fmt} />
          ))}
        </dl>
      )}
    </section>
  );
}

function FieldRow({ field, name, t, fmt }: { field: CustomFieldValueView; name: string; t: Translate; fmt: Formatters }) {
  return (
    <>
      <dt>{name}</dt>
      <dd data-field-type={field.type}>
        {field.values.map((item, index) => (
          <span key={index} className="field-value">
            {index > 0 && ', '}
            {renderValue(field.type, item.value, t, fmt)}
            {field.type === 'multitext' && item.enumCode && <span className="muted"> ({item.enumCode})</span>}
          </span>
        ))}
      </dd>
    </>
  );
}

/** One value by Kommo field type. Unknown types show their raw value as text. */
export function renderValue(type: string, value: CustomFieldScalar, t: Translate, fmt: Formatters) {
  if (value === null || value === '') return <span className="muted">—</span>;
  switch (type) {
    case 'numeric':
      return typeof value === 'number' || !Number.isNaN(Number(value)) ? (
        <span className="num">{fmt.number(Number(value))}</span>
      ) : (
        String(value)
      );
    case 'price':
    case 'monetary':
      return !Number.isNaN(Number(value)) ? <span className="num">{fmt.money(Number(value))}</span> : String(value);
    case 'checkbox':
      return value === true || value === 1 || value === '1' || value === 'true' ? t('detail.yes') : t('detail.no');
    case 'date':
    case 'birthday':
      return toSeconds(value) !== null ? fmt.date(toSeconds(value)!) : String(value);
    case 'date_time':
      return toSeconds(value) !== null ? fmt.dateTime(toSeconds(value)!) : String(value);
    case 'url':
      return safeUrl(String(value)) ? (
        <a href={safeUrl(String(value))!} target="_blank" rel="noopener noreferrer">
          {String(value)}
        </a>
      ) : (
        String(value)
      );
    case 'select':
    case 'radiobutton':
    case 'multiselect':
    case 'category':
      return <span className="enum-value">{String(value)}</span>;
    default:
      return String(value);
  }
}

/** Kommo date values are Unix seconds (sometimes sent as strings, or as ISO dates by older integrations). */
export function toSeconds(value: CustomFieldScalar): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? null : Math.floor(parsed / 1000);
  }
  return null;
}

/** Only web addresses become links: a `javascript:` URL in a CRM field must stay text. */
export function safeUrl(value: string): string | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
