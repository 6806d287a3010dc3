import type { MessageKey, Translate } from '../../../common/i18n';
import type { ContactRow, CustomFieldDefinitionView, LeadRow, MirrorMeta } from '../../../common/model/mirror';
import { normalizePhone, phoneExtension, readablePhone } from '../../../common/phone';
import type { ExportCell } from './cells';

/** One column of the file: its header and how a row becomes its cell. */
export interface ExportField<Row> {
  header: string;
  cell(row: Row): ExportCell;
}

/** What a column needs to turn ids into names, in the user's language. */
export interface ExportContext {
  t: Translate;
  meta: MirrorMeta;
  /** A custom field's values on a record of the page being written (read for the page in one query). */
  fieldValues(recordId: number, fieldId: number): Array<string | number | null> | undefined;
}

/**
 * A list column (by the id the grid gives it) as the file's columns: usually one, sometimes more
 * (the main contact brings its phone). This table is the one place that says how a column becomes
 * text or a value; a new column of the grid (a custom field, say) is exported once it is added here.
 */
export type ColumnTable<Row> = Record<string, (context: ExportContext) => ExportField<Row>[]>;

const one =
  <Row>(label: MessageKey, cell: (row: Row, context: ExportContext) => ExportCell) =>
  (context: ExportContext): ExportField<Row>[] => [{ header: context.t(label), cell: (row) => cell(row, context) }];

/** Readable as the list shows it (`+51 960 039 428 anexo 51`), or as typed when it is not a dialable number. */
export function phoneText(raw: string, t: Translate): string {
  const digits = normalizePhone(raw);
  if (digits.length < 8) return raw;
  const extension = phoneExtension(raw);
  return readablePhone(digits) + (extension ? ` ${t('phone.extension', { ext: extension })}` : '');
}

function userName(id: number, context: ExportContext): string {
  return context.meta.users.find((user) => user.id === id)?.name ?? (id ? `#${id}` : '');
}

function stageText(row: LeadRow, context: ExportContext): string {
  const pipeline = context.meta.pipelines.find((p) => p.id === row.pipelineId);
  const status = pipeline?.statuses.find((s) => s.id === row.statusId);
  return `${pipeline?.name ?? `#${row.pipelineId}`} / ${status?.name ?? `#${row.statusId}`}`;
}

const tagNames = (row: { tags: Array<{ name: string }> }) => row.tags.map((tag) => tag.name).join(', ');

export const LEAD_EXPORT_COLUMNS: ColumnTable<LeadRow> = {
  id: one('export.col.id', (row) => row.id),
  name: one('leads.col.name', (row) => row.name),
  price: one('leads.col.price', (row) => ({ money: row.price })),
  status: one('leads.col.status', stageText),
  responsible: one('leads.col.responsible', (row, context) => userName(row.responsibleUserId, context)),
  tags: one('leads.col.tags', tagNames),
  contact: (context) => [
    { header: context.t('leads.col.contact'), cell: (row) => row.mainContact?.name ?? null },
    {
      header: context.t('export.col.contactPhone'),
      cell: (row) => (row.mainContact?.phone ? phoneText(row.mainContact.phone, context.t) : null),
    },
  ],
  updated: one('leads.col.updated', (row) => ({ at: row.updatedAt })),
  created: one('leads.col.created', (row) => ({ at: row.createdAt })),
  closed: one('export.col.closed', (row) => (row.closedAt === null ? null : { at: row.closedAt })),
};

export const CONTACT_EXPORT_COLUMNS: ColumnTable<ContactRow> = {
  id: one('export.col.id', (row) => row.id),
  name: one('contacts.col.name', (row) => row.name),
  phones: one('contacts.col.phones', (row, context) => row.phones.map((phone) => phoneText(phone.raw, context.t)).join(', ')),
  emails: one('contacts.col.emails', (row) => row.emails.map((email) => email.value).join(', ')),
  company: one('contacts.col.company', (row) => row.company?.name ?? null),
  tags: one('contacts.col.tags', tagNames),
  responsible: one('contacts.col.responsible', (row, context) => userName(row.responsibleUserId, context)),
  leads: one('contacts.col.leads', (row) => row.leadCount),
  updated: one('contacts.col.updated', (row) => ({ at: row.updatedAt })),
  created: one('leads.col.created', (row) => ({ at: row.createdAt })),
};

/** A custom field's column id, as the lists name it: `cf:<field id>`. */
const FIELD_COLUMN = /^cf:([1-9]\d{0,15})$/u;

/** A custom field's cell by its type: numbers as numbers, dates as moments, choices and lists as text. */
function fieldCell(field: CustomFieldDefinitionView, values: Array<string | number | null> | undefined, t: Translate): ExportCell {
  const present = (values ?? []).filter((value) => value !== null && value !== '');
  if (present.length === 0) return field.type === 'checkbox' ? t('detail.no') : null;
  const [first] = present;
  if (field.type === 'numeric' && present.length === 1 && typeof first === 'number') return first;
  if (['date', 'date_time', 'birthday'].includes(field.type) && typeof first === 'number') return { at: first };
  if (field.type === 'checkbox') return first === 1 || first === '1' || first === 'true' ? t('detail.yes') : t('detail.no');
  return present.map(String).join(', ');
}

/**
 * The file's columns for the list's visible columns, in order, and the custom fields they read.
 * A column neither the table nor the account's custom fields know is refused.
 */
export function exportFields<Row extends { id: number }>(
  entity: 'leads' | 'contacts',
  table: ColumnTable<Row>,
  ids: readonly string[],
  context: ExportContext,
): { fields: ExportField<Row>[]; fieldIds: number[] } {
  const definitions = new Map(context.meta.customFields.filter((f) => f.entityType === entity).map((f) => [`cf:${f.id}`, f]));
  const unknown = ids.filter((id) => !Object.hasOwn(table, id) && !(FIELD_COLUMN.test(id) && definitions.has(id)));
  if (unknown.length > 0) throw new UnknownColumnError(unknown);
  const fieldIds: number[] = [];
  const fields = ids.flatMap((id): ExportField<Row>[] => {
    const definition = Object.hasOwn(table, id) ? undefined : definitions.get(id);
    if (!definition) return table[id]!(context);
    fieldIds.push(definition.id);
    return [{ header: definition.name, cell: (row) => fieldCell(definition, context.fieldValues(row.id, definition.id), context.t) }];
  });
  return { fields, fieldIds };
}

export class UnknownColumnError extends Error {
  constructor(readonly columns: string[]) {
    super(`These columns cannot be exported: ${columns.map((c) => JSON.stringify(c.slice(0, 80))).join(', ')}.`);
  }
}
