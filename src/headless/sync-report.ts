import { redactText } from '../core/log';
import type { SyncProgress, SyncStatus } from '../common/model/sync';

export interface SyncSummary {
  leads: number;
  contacts: number;
  /** HTTP requests this process sent to Kommo (retries and refused ones included). */
  requests: number;
  seconds: number;
  /** The engine's state at the end (`idle` when the mirror is current). */
  state: SyncStatus['state'];
  /** False while the first download is unfinished (a failed or interrupted first run), or while records are set aside. */
  complete: boolean;
  /** Records Kommo sent that the mirror could not keep: how many, and which (the most recent first, at most SET_ASIDE_LISTED). */
  setAside: { count: number; records: Array<{ entity: string; id: number; reason: string }> };
}

/** How many set-aside records the summary names; the count is always exact. */
export const SET_ASIDE_LISTED = 1_000;
/** How many of them the plain-text summary names. */
const SET_ASIDE_IN_TEXT = 10;

export interface ReportSink {
  /** Progress, states and failures: for a person watching, or a log collector. */
  stderr(text: string): void;
  /** The summary only, so `--json` output can be piped. */
  stdout(text: string): void;
}

const PHASE: Record<SyncProgress['phase'], string> = {
  metadata: 'Reading the account settings',
  leads: 'Downloading leads',
  contacts: 'Downloading contacts',
  companies: 'Downloading companies',
  events: 'Reading the events feed',
  incremental: 'Reading changes',
};
const STATE: Partial<Record<SyncStatus['state'], string>> = {
  offline: 'Kommo cannot be reached',
  rate_limited: 'Kommo is limiting requests',
  blocked: 'Kommo has blocked API access from this address',
  error: 'The last sync cycle failed',
  auth_required: 'Kommo rejected the token',
};

/**
 * What the command tells its user: the start, the first download's progress (at most one line
 * a second), the states the loop passes through (offline, rate-limited…) and the summary. Plain
 * sentences, or JSON lines with `--json`. Every line is masked for secrets before it leaves.
 */
export class SyncReport {
  private lastProgressAt = -Infinity;
  private lastPhase: string | null = null;
  private lastState: string | null = null;
  private statusesMuted = false;

  constructor(
    private readonly sink: ReportSink,
    private readonly json: boolean,
    private readonly now: () => number = Date.now,
    private readonly minIntervalMs = 1_000,
  ) {}

  start(info: { baseUrl: string; databasePath: string; firstDownload: 'start' | 'resume' | 'done'; once: boolean }): void {
    const what = { start: 'first download', resume: 'resuming the first download', done: 'incremental' }[info.firstDownload];
    const until = info.once ? 'until the mirror is current' : 'every 5 s until stopped';
    this.line({ event: 'start', ...info }, `Syncing ${info.baseUrl} into ${info.databasePath} (${what}), ${until}.`);
  }

  /** Every status the engine emits; prints what a person needs to see of it. */
  status(status: SyncStatus): void {
    if (this.statusesMuted) return;
    if (status.progress) this.progress(status.progress);
    this.state(status);
  }

  /**
   * No more progress or state lines: the run is ending, and a state such as "offline, next
   * attempt at…" would promise a retry that will not happen.
   */
  muteStatuses(muted = true): void {
    this.statusesMuted = muted;
  }

  /** `--once` runs a failed cycle again after a pause. */
  retrying(info: { cycle: number; maxCycles: number; waitMs: number; reason: string }): void {
    const seconds = Math.ceil(info.waitMs / 1000);
    this.line(
      { event: 'retrying', ...info },
      `${info.reason.replace(/\.+$/, '')}; trying again in ${seconds} s (attempt ${info.cycle + 1} of ${info.maxCycles}).`,
    );
  }

  /** The mirror held another account and was emptied before this one's first download. */
  replacedAccount(ids: { previous: number; now: number }): void {
    this.line(
      { event: 'replaced_account', ...ids },
      `The mirror held another Kommo account (${ids.previous}): it was emptied for account ${ids.now}.`,
    );
  }

  rebuilt(paths: { damaged: string; movedTo: string }): void {
    this.line(
      { event: 'rebuilt', ...paths },
      `The mirror ${paths.damaged} was damaged: it was moved to ${paths.movedTo}, and the account is downloaded again.`,
    );
  }

  current(counts: { leads: number; contacts: number }): void {
    this.line({ event: 'current', ...counts }, `The mirror is current: ${count(counts.leads)} leads, ${count(counts.contacts)} contacts.`);
  }

  failure(failure: { exitCode: number; message: string }): void {
    this.line({ event: 'error', ...failure }, failure.message);
  }

  summary(summary: SyncSummary): void {
    const unfinished = !summary.complete && summary.setAside.count === 0;
    const text = this.json
      ? JSON.stringify(summary)
      : `${count(summary.leads)} leads, ${count(summary.contacts)} contacts${unfinished ? ' (first download not finished)' : ''}${setAsideText(summary.setAside)}; ${count(summary.requests)} request${summary.requests === 1 ? '' : 's'} in ${summary.seconds.toFixed(1)} s; state: ${summary.state}.`;
    this.sink.stdout(`${redactText(text)}\n`);
  }

  private progress(progress: SyncProgress): void {
    const at = this.now();
    if (progress.phase === this.lastPhase && at - this.lastProgressAt < this.minIntervalMs) return;
    this.lastPhase = progress.phase;
    this.lastProgressAt = at;
    const total = progress.estimatedTotal;
    const of =
      total === null
        ? ''
        : progress.phase === 'metadata'
          ? ` of ${total}`
          : ` of about ${count(total)} (${Math.floor((100 * progress.done) / Math.max(1, total))}%)`;
    this.line({ event: 'progress', ...progress }, `${PHASE[progress.phase]}: ${count(progress.done)}${of}`);
  }

  private state(status: SyncStatus): void {
    const label = STATE[status.state];
    const key = label ? `${status.state}:${status.nextAttemptAt ?? ''}` : null;
    if (key === this.lastState) return;
    this.lastState = key;
    if (!label) return;
    const retry = status.nextAttemptAt === null ? '' : `; next attempt at ${new Date(status.nextAttemptAt).toISOString()}`;
    const message = status.message ? ` (${status.message.replace(/\.+$/, '')})` : '';
    this.line(
      { event: 'state', state: status.state, message: status.message, nextAttemptAt: status.nextAttemptAt },
      `${label}${message}${retry}.`,
    );
  }

  private line(json: Record<string, unknown>, text: string): void {
    this.sink.stderr(`${redactText(this.json ? JSON.stringify(json) : text)}\n`);
  }
}

/** "; 2 records could not be mirrored (leads 12: price: too_big; contacts 3: name: invalid_type)". */
function setAsideText(setAside: SyncSummary['setAside']): string {
  if (setAside.count === 0) return '';
  const named = setAside.records.slice(0, SET_ASIDE_IN_TEXT).map((r) => `${r.entity} ${r.id}: ${r.reason}`);
  const more = setAside.count > named.length ? `; ${count(setAside.count - named.length)} more` : '';
  return `; ${count(setAside.count)} record${setAside.count === 1 ? '' : 's'} could not be mirrored (${named.join('; ')}${more})`;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
