import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { ExportFormat, ExportProgress } from '../../../common/model/export';
import type { ExportCell } from './cells';
import { csvDialect, csvHeader, csvLine, UTF8_BOM } from './csv';
import { XlsxRowWriter } from './xlsx';

/** Where the host wants the file: a path it chose (Electron's save dialog) and how the page fetches it, if it must. */
export interface ExportTarget {
  path: string;
  /** The web preview's download address for the finished file; null when the file is already where the user wants it. */
  download: string | null;
}

/** The host's seam: asks where to save `fileName` (null: the user declined). */
export type ChooseExportTarget = (fileName: string, format: ExportFormat) => Promise<ExportTarget | null>;

/** A position in the list's order (the db's ListCursor): where the next keyset page starts. */
type Cursor = { key: string | number | null; id: number };

export interface ExportJobSpec {
  id: string;
  format: ExportFormat;
  fileName: string;
  sheetName: string;
  total: number;
  headers: string[];
  /** One keyset page of the list as cells, and where the next one starts (null after the last). */
  readPage(after: Cursor | null): { rows: ExportCell[][]; next: Cursor | null };
  target: ExportTarget;
  localeTag: string;
  timeZone: string | null;
  currencySymbol: string | null;
  emit(progress: ExportProgress): void;
  /** Lets the thread answer other requests between pages (the list stays usable during an export). */
  pause?: () => Promise<void>;
}

/** The file being written, in either format. */
interface RowSink {
  write(cells: ExportCell[]): void;
  finish(): Promise<void>;
}

function csvSink(stream: WriteStream, spec: ExportJobSpec): RowSink {
  const dialect = csvDialect(spec.localeTag);
  stream.write(UTF8_BOM + csvHeader(spec.headers, dialect));
  return {
    write: (cells) => stream.write(csvLine(cells, dialect, spec.timeZone)),
    finish: async () => {
      stream.end();
      await finished(stream);
    },
  };
}

function xlsxSink(stream: WriteStream, spec: ExportJobSpec): RowSink {
  const writer = new XlsxRowWriter(stream, {
    sheetName: spec.sheetName,
    headers: spec.headers,
    timeZone: spec.timeZone,
    currencySymbol: spec.currencySymbol,
  });
  return {
    write: (cells) => writer.writeRow(cells),
    finish: async () => {
      await writer.finish();
      await finished(stream);
    },
  };
}

/** A host without a save dialog or a download (the command line, tests): the file goes into `folder`. */
export function defaultExportTarget(folder: string): ChooseExportTarget {
  return async (fileName) => {
    await mkdir(folder, { recursive: true });
    return { path: join(folder, fileName), download: null };
  };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * One export: reads the list in keyset pages, writes each page's rows to `<path>.part`, reports
 * progress after each page, and moves the file into place only once complete, so a cancelled or
 * failed export leaves no half file where the user looks. Cancelling takes effect between pages.
 */
export class ExportJob {
  private cancelled = false;
  private written = 0;
  readonly done: Promise<void>;

  constructor(private readonly spec: ExportJobSpec) {
    this.done = this.run();
  }

  cancel(): void {
    this.cancelled = true;
  }

  private async run(): Promise<void> {
    const { spec } = this;
    const partial = `${spec.target.path}.part`;
    const progress = { id: spec.id, total: spec.total };
    try {
      const stream = createWriteStream(partial);
      const failedStream = new Promise<never>((_, reject) => stream.once('error', reject));
      failedStream.catch(() => undefined);
      const sink = (spec.format === 'csv' ? csvSink : xlsxSink)(stream, spec);
      spec.emit({ ...progress, state: 'running', written: 0 });
      let after: Cursor | null = null;
      do {
        const page = spec.readPage(after);
        for (const cells of page.rows) sink.write(cells);
        this.written += page.rows.length;
        after = page.next;
        if (stream.writableNeedDrain)
          await Promise.race([new Promise<void>((resolve) => stream.once('drain', () => resolve())), failedStream]);
        await Promise.race([(spec.pause ?? nextTurn)(), failedStream]);
        if (this.cancelled) break;
        spec.emit({ ...progress, state: 'running', written: this.written });
      } while (after !== null);
      await Promise.race([sink.finish(), failedStream]);
      if (this.cancelled) {
        await rm(partial, { force: true });
        spec.emit({ ...progress, state: 'cancelled', written: this.written });
        return;
      }
      await rename(partial, spec.target.path);
      spec.emit({ ...progress, state: 'done', written: this.written, fileName: spec.fileName, download: spec.target.download });
    } catch (error) {
      await rm(partial, { force: true }).catch(() => undefined);
      spec.emit({ ...progress, state: 'failed', written: this.written, message: error instanceof Error ? error.message : String(error) });
    }
  }
}
