/** Exporting the current list to a file (the list's toolbar), as the renderer and the core see it. */

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What `export.start` answers: the job's id, or `cancelled` when the user closed the save dialog. */
export type ExportStart = { state: 'started'; id: string; fileName: string; total: number } | { state: 'cancelled' };

/**
 * An export's progress (the `export_progress` event). `written` rows of about `total` (the list's
 * count when it started; records that sync meanwhile may change it slightly). `download` is where
 * the page fetches the finished file (the web preview), or null when the host already saved it
 * where the user chose (Electron).
 */
export type ExportProgress =
  | { id: string; state: 'running'; written: number; total: number }
  | { id: string; state: 'done'; written: number; total: number; fileName: string; download: string | null }
  | { id: string; state: 'cancelled'; written: number; total: number }
  | { id: string; state: 'failed'; written: number; total: number; message: string };
