import { useNow } from '../../components/use-now';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { progressText, stateLabel } from './sync-text';

const BUSY = new Set(['syncing']);
const CANNOT_SYNC = new Set(['disconnected', 'auth_required', 'paused']);

/** The top bar's sync state: what it is doing, the first download's progress, the last sync, "sync now". */
export function SyncStatusWidget() {
  const t = useT();
  const fmt = useFormat();
  const now = useNow();
  const status = useAppStore((state) => state.syncStatus);
  const error = useAppStore((state) => state.syncError);
  const syncNow = useAppStore((state) => state.syncNow);

  const state = status?.state ?? null;
  const progress = status ? progressText(t, fmt, status) : null;
  const fraction = status?.progress?.estimatedTotal ? Math.min(1, status.progress.done / status.progress.estimatedTotal) : null;
  const last = status?.lastSuccessfulSyncAt ?? null;
  return (
    <div className="sync-status" data-testid="sync-status" data-state={state ?? 'unknown'}>
      <span className={`sync-dot state-${state ?? 'unknown'}`} aria-hidden="true" />
      <div className="sync-text">
        <span role="status" className="sync-label">
          {state ? stateLabel(t, state) : t('sync.unavailable')}
          {progress && <span className="sync-progress-text"> · {progress}</span>}
        </span>
        {fraction !== null ? (
          <progress className="sync-progress" max={1} value={fraction} aria-label={progress ?? undefined} />
        ) : (
          <span className="sync-last muted" title={last ? new Date(last).toLocaleString(fmt.locale) : undefined}>
            {last ? t('sync.lastSync', { when: fmt.relative(last, now) }) : status ? t('sync.never') : ''}
          </span>
        )}
      </div>
      <button
        type="button"
        className="button"
        onClick={() => void syncNow()}
        disabled={!state || CANNOT_SYNC.has(state) || (BUSY.has(state) && status?.progress != null)}
        title={error ? error.message : undefined}
      >
        {t('sync.now')}
      </button>
    </div>
  );
}
