import type { ExportFormat, ExportProgress } from '../../../../common/model/export';
import type { HostError } from '../../../../common/result';
import { calendarOf, leadQuery } from '../lead-query';
import type { Slice } from '../types';

export type ExportEntity = 'leads' | 'contacts';

/** The export this page started: asked for, running, or finished (until dismissed). */
export type ExportJobView =
  | { entity: ExportEntity; state: 'starting' }
  | ({ entity: ExportEntity } & ExportProgress)
  | { entity: ExportEntity; state: 'error'; error: HostError };

export interface ExportSlice {
  exportJob: ExportJobView | null;
  /** Exports the list as it is on screen: its filter (quick ranges as of now), its sort, these columns in this order. */
  startExport(entity: ExportEntity, format: ExportFormat, columns: string[]): Promise<void>;
  cancelExport(): Promise<void>;
  dismissExport(): void;
  /** An `export_progress` event (the bridge's). */
  exportProgress(progress: ExportProgress): void;
}

/**
 * Progress of an export may arrive before `export.start` answers with its id (a small list is
 * done at once): the latest event of each unknown id is kept until the answer names it.
 */
export const createExportSlice: Slice<ExportSlice> =
  ({ host, now, download }) =>
  (set, get) => {
    const early = new Map<string, ExportProgress>();
    const apply = (progress: ExportProgress) => {
      const job = get().exportJob;
      if (!job || !('id' in job) || job.id !== progress.id) return false;
      set({ exportJob: { ...progress, entity: job.entity } });
      if (progress.state === 'done' && progress.download) download(progress.download, progress.fileName);
      return true;
    };
    return {
      exportJob: null,

      async startExport(entity, format, columns) {
        const current = get().exportJob?.state;
        if (current === 'starting' || current === 'running') return;
        set({ exportJob: { entity, state: 'starting' } });
        early.clear();
        const state = get();
        const language = state.locale;
        const result =
          entity === 'leads'
            ? await host.request('export.start', {
                entity,
                format,
                columns,
                language,
                filter: leadQuery(state.leads.view.filter, calendarOf(state, now())),
                sort: state.leads.view.sort,
              })
            : await host.request('export.start', {
                entity,
                format,
                columns,
                language,
                filter: state.contacts.view.filter,
                sort: state.contacts.view.sort,
              });
        if (!result.ok) {
          set({ exportJob: { entity, state: 'error', error: result.error } });
          return;
        }
        if (result.value.state === 'cancelled') {
          // The user closed the save dialog: nothing to show.
          set({ exportJob: null });
          return;
        }
        const { id, total } = result.value;
        set({ exportJob: { entity, id, state: 'running', written: 0, total } });
        const seen = early.get(id);
        early.clear();
        if (seen) apply(seen);
      },

      async cancelExport() {
        const job = get().exportJob;
        if (job && 'id' in job && job.state === 'running') await host.request('export.cancel', { id: job.id });
      },

      dismissExport() {
        const job = get().exportJob;
        if (job?.state !== 'starting' && job?.state !== 'running') set({ exportJob: null });
      },

      exportProgress(progress) {
        if (apply(progress)) return;
        if (get().exportJob?.state === 'starting') early.set(progress.id, progress);
      },
    };
  };
