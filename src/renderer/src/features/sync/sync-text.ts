import type { Translate } from '../../../../common/i18n';
import type { SyncPhase, SyncState, SyncStatus } from '../../../../common/model/sync';
import { assertNever } from '../../../../common/result';
import type { Formatters } from '../../i18n/format';

export function stateLabel(t: Translate, state: SyncState): string {
  switch (state) {
    case 'disconnected':
      return t('sync.state.disconnected');
    case 'idle':
      return t('sync.state.idle');
    case 'syncing':
      return t('sync.state.syncing');
    case 'paused':
      return t('sync.state.paused');
    case 'offline':
      return t('sync.state.offline');
    case 'rate_limited':
      return t('sync.state.rate_limited');
    case 'blocked':
      return t('sync.state.blocked');
    case 'auth_required':
      return t('sync.state.auth_required');
    case 'error':
      return t('sync.state.error');
    default:
      return assertNever(state);
  }
}

export function phaseLabel(t: Translate, phase: SyncPhase): string {
  switch (phase) {
    case 'metadata':
      return t('sync.phase.metadata');
    case 'leads':
      return t('sync.phase.leads');
    case 'contacts':
      return t('sync.phase.contacts');
    case 'companies':
      return t('sync.phase.companies');
    case 'events':
      return t('sync.phase.events');
    case 'incremental':
      return t('sync.phase.incremental');
    default:
      return assertNever(phase);
  }
}

/** "Downloading leads: 1,200 of about 5,000" while the first download runs. */
export function progressText(t: Translate, fmt: Formatters, status: SyncStatus): string | null {
  const progress = status.progress;
  if (!progress) return null;
  const phase = phaseLabel(t, progress.phase);
  return progress.estimatedTotal
    ? t('sync.progressOf', { phase, done: fmt.number(progress.done), total: fmt.number(Math.max(progress.done, progress.estimatedTotal)) })
    : t('sync.progress', { phase, done: fmt.number(progress.done) });
}

/** When the engine tries again, as a clock time and how long from now. */
export function nextAttemptText(t: Translate, fmt: Formatters, at: number | null, now: number): string {
  if (at === null) return t('sync.retryingSoon');
  if (at <= now) return t('sync.retryingNow');
  return t('sync.retryingAt', { time: fmt.clock(at), minutes: Math.max(1, Math.round((at - now) / 60_000)) });
}

/** How long a pause lasts, in the unit that says it best: "40 s", "5 min" (rounded up: never shorter than it is). */
export function pauseLength(t: Translate, ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 90 ? t('sync.duration.seconds', { count: seconds }) : t('sync.duration.minutes', { count: Math.ceil(seconds / 60) });
}
