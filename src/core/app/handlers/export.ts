import { randomUUID } from 'node:crypto';
import type { Handlers, ParsedArgs } from '../../../common/contract';
import type { exportRequests } from '../../../common/contract/export';
import { createTranslator, LOCALE_TAGS } from '../../../common/i18n';
import type { ExportProgress } from '../../../common/model/export';
import {
  fieldValuesOf,
  getMeta,
  type FieldValues,
  listContacts,
  listContactsAfter,
  listLeads,
  listLeadsAfter,
  MirrorDamagedError,
  type ListCursor,
  type MirrorDatabase,
} from '../../db';
import { CoreError } from '../../errors';
import { isoMinutes } from '../export/cells';
import {
  CONTACT_EXPORT_COLUMNS,
  exportFields,
  LEAD_EXPORT_COLUMNS,
  UnknownColumnError,
  type ColumnTable,
  type ExportContext,
  type ExportField,
} from '../export/columns';
import { ExportJob, type ChooseExportTarget, type ExportJobSpec } from '../export/export-job';

export type ExportRequestName = keyof typeof exportRequests;

/** Rows read per keyset page: a few milliseconds of the core's thread, then other requests get their turn. */
export const EXPORT_PAGE_ROWS = 250;

export interface ExportService {
  handlers: Pick<Handlers, ExportRequestName>;
  /** Cancels running exports and waits for them to remove their partial files (the core is closing). */
  close(): Promise<void>;
}

/**
 * `export.*`: the current list (filter, sort, visible columns) to CSV or XLSX, written in the
 * core's thread from the mirror's read-only connection in keyset pages, with `export_progress`
 * events. The host chooses where the file goes (`chooseTarget`); the page never names a path.
 */
export function exportService(
  mirror: MirrorDatabase,
  chooseTarget: ChooseExportTarget,
  emit: (progress: ExportProgress) => void,
  options: { pageRows?: number } = {},
): ExportService {
  const jobs = new Map<string, ExportJob>();
  const pageRows = options.pageRows ?? EXPORT_PAGE_ROWS;

  async function start(args: ParsedArgs<'export.start'>) {
    if (mirror.damage !== null) throw new MirrorDamagedError(mirror.path, mirror.damage);
    const database = mirror.reader;
    const t = createTranslator(args.language);
    const meta = await getMeta(database);
    let pageValues = new Map<number, Map<number, FieldValues>>();
    const context: ExportContext = { t, meta, fieldValues: (recordId, fieldId) => pageValues.get(recordId)?.get(fieldId) };
    const timeZone = meta.account?.timezone ?? null;
    /** One list's plan: its columns, its total, then its keyset pages with their rows' custom-field values. */
    const planList = <Args extends { offset: number; limit: number }, Row extends { id: number }>(
      entity: 'leads' | 'contacts',
      columns: ColumnTable<Row>,
      list: Args,
      count: (database: MirrorDatabase, args: Args) => { total: number },
      readAfter: (database: MirrorDatabase, args: Args, after: ListCursor | null) => { rows: Row[]; next: ListCursor | null },
    ): ExportPlan => {
      const { fields, fieldIds } = exportFields(entity, columns, args.columns, context);
      return planOf(fields, count(database, { ...list, limit: 1 }).total, (after) => {
        const page = readAfter(database, list, after);
        // The custom-field values of the page being written, read once per page.
        pageValues = fieldValuesOf(
          database,
          entity,
          page.rows.map((row) => row.id),
          fieldIds,
        );
        return page;
      });
    };
    let plan: ExportPlan;
    try {
      const window = { offset: 0, limit: pageRows };
      plan =
        args.entity === 'leads'
          ? planList('leads', LEAD_EXPORT_COLUMNS, { ...window, filter: args.filter, sort: args.sort }, listLeads, listLeadsAfter)
          : planList(
              'contacts',
              CONTACT_EXPORT_COLUMNS,
              { ...window, filter: args.filter, sort: args.sort },
              listContacts,
              listContactsAfter,
            );
    } catch (error) {
      if (error instanceof UnknownColumnError) throw new CoreError('invalid_input', error.message);
      throw error;
    }
    const title = t(args.entity === 'leads' ? 'nav.leads' : 'nav.contacts');
    const stamp = isoMinutes(Date.now() / 1000, timeZone)
      .replace(' ', '_')
      .replace(':', '');
    const fileName = `${safeFileName(title)}_${stamp}.${args.format}`;
    const target = await chooseTarget(fileName, args.format);
    if (target === null) return { state: 'cancelled' as const };
    const id = randomUUID();
    const job = new ExportJob({
      ...plan,
      id,
      format: args.format,
      fileName,
      sheetName: title,
      target,
      localeTag: LOCALE_TAGS[args.language],
      timeZone,
      currencySymbol: meta.account?.currencySymbol ?? null,
      emit,
    });
    jobs.set(id, job);
    void job.done.finally(() => jobs.delete(id));
    return { state: 'started' as const, id, fileName, total: plan.total };
  }

  return {
    handlers: {
      'export.start': start,
      'export.cancel': async ({ id }) => jobs.get(id)?.cancel(),
    },
    async close() {
      for (const job of jobs.values()) job.cancel();
      await Promise.all([...jobs.values()].map((job) => job.done));
    },
  };
}

/** The file's headers, the rows' count and a reader of keyset pages already turned into cells. */
type ExportPlan = Pick<ExportJobSpec, 'headers' | 'total' | 'readPage'>;

function planOf<Row>(
  fields: ExportField<Row>[],
  total: number,
  readPage: (after: ListCursor | null) => { rows: Row[]; next: ListCursor | null },
): ExportPlan {
  return {
    headers: fields.map((field) => field.header),
    total,
    readPage: (after) => {
      const page = readPage(after);
      return { rows: page.rows.map((row) => fields.map((field) => field.cell(row))), next: page.next };
    },
  };
}

/** Letters, digits, dashes: a name every file system and browser keeps as it is. */
function safeFileName(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/gu, '')
      .replace(/[^\p{L}\p{N}-]+/gu, '-')
      .replace(/^-+|-+$/gu, '') || 'export'
  );
}
