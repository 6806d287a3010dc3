import { z } from 'zod';
import { request } from './define';
import { contactFilterSchema, contactSortSchema, leadFilterSchema, leadSortSchema } from './mirror';
import { LANGUAGE_PREFERENCES } from '../model/settings';
import { EXPORT_FORMATS, type ExportStart } from '../model/export';

/** Column ids as the lists name them ('name', 'price', …); the core refuses one it cannot export. */
const columns = z.array(z.string().min(1).max(80)).min(1).max(200);
/** The page's language: the file's headers, names and number format follow it. */
const language = z.enum(LANGUAGE_PREFERENCES).exclude(['system']);
const common = { format: z.enum(EXPORT_FORMATS), columns, language };

/**
 * Export the current list (its filter, sort and visible columns) to a file. The core writes it in
 * keyset pages and reports `export_progress`; the host picks where the file goes (Electron's save
 * dialog, or a download from the web preview), so the page never names a path.
 */
export const exportRequests = {
  'export.start': request<ExportStart>()(
    z.discriminatedUnion('entity', [
      z
        .object({
          entity: z.literal('leads'),
          filter: leadFilterSchema.default({ tagMode: 'any' }),
          sort: leadSortSchema,
          ...common,
        })
        .strict(),
      z
        .object({
          entity: z.literal('contacts'),
          filter: contactFilterSchema.default({ tagMode: 'any' }),
          sort: contactSortSchema,
          ...common,
        })
        .strict(),
    ]),
  ),
  /** Stops a running export and removes its partial file; an unknown or finished id is a no-op. */
  'export.cancel': request<void>()(z.object({ id: z.string().max(64) }).strict()),
};
