import type { Translate } from '../../common/i18n';
import type { LeadUpdate, StageRef } from '../../common/model/changes';
import type { TimerHandle, Clock } from '../time';
import type { NotificationLookup } from './lookup';

/** One desktop notification, ready to show. */
export interface DesktopNotification {
  title: string;
  body: string;
  /** The lead a click opens, when the notification is about exactly one lead. */
  leadId: number | null;
}

export interface NotificationPreferences {
  enabled: boolean;
  doNotDisturb: boolean;
}

export interface NotificationPolicyOptions {
  timers: Clock;
  lookup: NotificationLookup;
  /** The signed-in Kommo user, or null while unknown (then only new leads are announced). */
  currentUserId(): number | null;
  /** Read at every decision, so a change in settings applies at once. */
  preferences(): NotificationPreferences;
  /** The translator for the current language (read at show time). */
  translate(): Translate;
  show(notification: DesktopNotification): void;
  /** Changes gathered into one notification; also the minimum gap between two. */
  windowMs?: number;
}

export const NOTIFICATION_WINDOW_MS = 10_000;

type Reason = 'new' | 'assigned' | 'moved';
// When one lead has several reasons in a window, the first of these wins.
const PRIORITY: Record<Reason, number> = { new: 0, assigned: 1, moved: 2 };

interface Notable {
  reason: Reason;
  name: string | null;
  stage: string | null;
}

/**
 * Decides which lead changes become desktop notifications: new leads, leads assigned to the
 * current user, and stage moves of the current user's leads; never during the first download,
 * when disabled or in do-not-disturb.
 *
 * The first notable change opens a 10-second window; everything notable in it becomes one
 * notification when it closes (about one lead: that lead; more: "N leads updated"). Gathering
 * before showing, rather than showing the first change at once, is what keeps a burst to one
 * notification per window: 200 changes spread over a minute give six, not seven.
 */
export class NotificationPolicy {
  private readonly pending = new Map<number, Notable>();
  private timer: TimerHandle | null = null;
  private readonly windowMs: number;

  constructor(private readonly options: NotificationPolicyOptions) {
    this.windowMs = options.windowMs ?? NOTIFICATION_WINDOW_MS;
  }

  handleLeadUpdate(update: LeadUpdate): void {
    for (const id of update.removed) this.pending.delete(id);
    if (update.duringInitialSync || !this.allowed()) return;
    const me = this.options.currentUserId();
    for (const id of update.added) this.note(id, 'new');
    if (me !== null) {
      for (const change of update.responsibleChanges) {
        if (change.to === me && change.from !== me) this.note(change.leadId, 'assigned');
      }
      for (const change of update.statusChanges) {
        if (change.from === null || sameStage(change.from, change.to)) continue;
        if (this.options.lookup.lead(change.leadId)?.responsibleUserId === me) this.note(change.leadId, 'moved', change.to);
      }
    }
    if (this.pending.size > 0 && this.timer === null) {
      this.timer = this.options.timers.setTimeout(() => this.flush(), this.windowMs);
    }
  }

  dispose(): void {
    if (this.timer !== null) this.options.timers.clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private note(leadId: number, reason: Reason, stage?: StageRef): void {
    const known = this.pending.get(leadId);
    if (known && PRIORITY[known.reason] < PRIORITY[reason]) return;
    const lookup = this.options.lookup;
    this.pending.set(leadId, {
      reason,
      name: lookup.lead(leadId)?.name ?? null,
      stage: stage ? lookup.stageName(stage) : null,
    });
  }

  private flush(): void {
    this.timer = null;
    const items = [...this.pending];
    this.pending.clear();
    if (items.length === 0 || !this.allowed()) return;
    this.options.show(describe(items, this.options.translate()));
  }

  private allowed(): boolean {
    const { enabled, doNotDisturb } = this.options.preferences();
    return enabled && !doNotDisturb;
  }
}

function sameStage(a: StageRef, b: StageRef): boolean {
  return a.pipelineId === b.pipelineId && a.statusId === b.statusId;
}

function describe(items: Array<[number, Notable]>, t: Translate): DesktopNotification {
  if (items.length === 1) {
    const [leadId, item] = items[0]!;
    const name = item.name ?? t('notify.unnamedLead', { id: leadId });
    switch (item.reason) {
      case 'new':
        return { title: t('notify.newLead.title'), body: name, leadId };
      case 'assigned':
        return { title: t('notify.assigned.title'), body: name, leadId };
      case 'moved':
        return {
          title: t('notify.moved.title'),
          body: item.stage ? t('notify.moved.body', { name, stage: item.stage }) : t('notify.moved.bodyUnknownStage', { name }),
          leadId,
        };
    }
  }
  const count = (reason: Reason) => items.filter(([, item]) => item.reason === reason).length;
  const parts = [
    [count('new'), 'notify.many.new'],
    [count('assigned'), 'notify.many.assigned'],
    [count('moved'), 'notify.many.moved'],
  ] as const;
  return {
    title: t('notify.many.title', { count: items.length }),
    body: parts
      .filter(([n]) => n > 0)
      .map(([n, key]) => t(key, { count: n }))
      .join(' · '),
    leadId: null,
  };
}
