import type { Translate } from '../../../../common/i18n';
import { customFieldSort, fieldSortable, fieldValueKind, type FieldCells, type FieldCellValue } from '../../../../common/model/fields';
import type { CustomFieldDefinitionView } from '../../../../common/model/mirror';
import type { Column } from '../../components/DataGrid';
import { PhoneNumber } from '../../components/PhoneNumber';
import type { Formatters } from '../../i18n/format';
import { renderValue, safeUrl, toSeconds } from '../detail/CustomFields';

/** A custom field as a list column (`cf:<id>`), rendered and sorted by its Kommo type. */

const WIDTH_BY_KIND = { number: 110, date: 166, checkbox: 80, enum: 150, text: 170 } as const;

/** A select's option by its current name (an option renamed in Kommo shows its new name), else the stored value. */
function optionName(field: CustomFieldDefinitionView, item: FieldCellValue): FieldCellValue['value'] {
  if (item.enumId === null) return item.value;
  return field.enums.find((option) => option.id === item.enumId)?.value ?? item.value;
}

/** One value as plain text, as the cell shows it. */
export function fieldValueText(field: CustomFieldDefinitionView, item: FieldCellValue, t: Translate, fmt: Formatters): string {
  const value = optionName(field, item);
  if (value === null || value === '') return '';
  const seconds = toSeconds(value);
  switch (field.type) {
    case 'numeric':
      return Number.isNaN(Number(value)) ? String(value) : fmt.number(Number(value));
    case 'price':
    case 'monetary':
      return Number.isNaN(Number(value)) ? String(value) : fmt.money(Number(value));
    case 'checkbox':
      return value === true || value === 1 || value === '1' || value === 'true' ? t('detail.yes') : t('detail.no');
    case 'date':
    case 'birthday':
      return seconds === null ? String(value) : fmt.date(seconds);
    case 'date_time':
      return seconds === null ? String(value) : fmt.dateTime(seconds);
    default:
      return String(value);
  }
}

function valuesOf<Row extends { fields?: FieldCells }>(row: Row, field: CustomFieldDefinitionView): FieldCellValue[] {
  return row.fields?.[field.id] ?? [];
}

export function fieldColumn<Row extends { fields?: FieldCells }>(
  field: CustomFieldDefinitionView,
  t: Translate,
  fmt: Formatters,
): Column<Row> {
  const kind = fieldValueKind(field.type);
  const width = kind ? WIDTH_BY_KIND[kind] : field.type === 'multitext' ? 170 : 160;
  const text = (row: Row) =>
    valuesOf(row, field)
      .map((item) => fieldValueText(field, item, t, fmt))
      .filter(Boolean)
      .join(', ');
  return {
    id: customFieldSort(field.id),
    label: field.name,
    width,
    minWidth: kind === 'date' ? width : Math.min(width, 96),
    ...(fieldSortable(field.type) ? { sortField: customFieldSort(field.id) } : {}),
    ...(kind === 'number' ? { align: 'end' as const } : {}),
    text,
    render(row) {
      const values = valuesOf(row, field);
      if (values.length === 0) return <span className="muted">—</span>;
      if (field.code === 'PHONE') return <PhoneNumber raw={String(values[0]!.value)} compact />;
      if (field.type === 'url') {
        const href = safeUrl(String(values[0]!.value));
        return href ? (
          <a className="field-link" href={href} target="_blank" rel="noopener noreferrer" onClick={(event) => event.stopPropagation()}>
            {String(values[0]!.value)}
          </a>
        ) : (
          String(values[0]!.value)
        );
      }
      if (kind === 'date' || kind === 'checkbox' || kind === 'number') {
        return <span title={text(row)}>{renderValue(field.type, optionName(field, values[0]!), t, fmt)}</span>;
      }
      return <span title={text(row)}>{text(row)}</span>;
    },
  };
}
