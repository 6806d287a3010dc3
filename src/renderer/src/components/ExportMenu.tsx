import type { ExportFormat } from '../../../common/model/export';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { useAppStore } from '../store/context';
import type { ExportEntity } from '../store/slices/export-slice';
import { errorText } from './error-text';
import { Popover } from './Popover';

const FORMATS: ExportFormat[] = ['xlsx', 'csv'];

/**
 * The list's "Export" button: CSV or Excel of the list as shown (filters, sort, these columns in
 * this order). While it runs, a progress bar with its count and a cancel button; then what was
 * saved. The core does the work, so the list stays usable meanwhile.
 */
export function ExportMenu({ entity, columns }: { entity: ExportEntity; columns: readonly string[] }) {
  const t = useT();
  const fmt = useFormat();
  const job = useAppStore((state) => state.exportJob);
  const start = useAppStore((state) => state.startExport);
  const cancel = useAppStore((state) => state.cancelExport);
  const dismiss = useAppStore((state) => state.dismissExport);
  const mine = job?.entity === entity ? job : null;
  const busy = job?.state === 'starting' || job?.state === 'running';

  return (
    <div className="export" data-testid={`${entity}-export`}>
      {!busy && (
        <Popover label={t('export.button')} ariaLabel={t('export.menu')}>
          {(close) => (
            <div className="export-formats">
              {FORMATS.map((format) => (
                <button
                  key={format}
                  type="button"
                  className="button"
                  onClick={() => {
                    close();
                    void start(entity, format, [...columns]);
                  }}
                >
                  {t(format === 'csv' ? 'export.csv' : 'export.xlsx')}
                </button>
              ))}
            </div>
          )}
        </Popover>
      )}
      {mine?.state === 'running' && (
        <div className="export-progress" role="status">
          <progress aria-label={t('export.progressLabel')} max={Math.max(mine.total, mine.written, 1)} value={mine.written} />
          <span>{t('export.running', { written: fmt.number(mine.written), total: fmt.number(Math.max(mine.total, mine.written)) })}</span>
          <button type="button" className="button" onClick={() => void cancel()}>
            {t('export.cancel')}
          </button>
        </div>
      )}
      {mine && mine.state !== 'running' && mine.state !== 'starting' && (
        <div className="export-result" role={mine.state === 'done' || mine.state === 'cancelled' ? 'status' : 'alert'}>
          <span>
            {mine.state === 'done'
              ? t('export.done', { count: mine.written, fileName: mine.fileName })
              : mine.state === 'cancelled'
                ? t('export.cancelled')
                : t('export.failed', { reason: mine.state === 'error' ? errorText(t, mine.error) : t('export.writeFailed') })}
          </span>
          <button type="button" className="button" onClick={dismiss}>
            {t('export.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
