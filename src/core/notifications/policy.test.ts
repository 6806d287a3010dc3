import { describe, expect, it } from 'vitest';
import { createTranslator, type Locale } from '../../common/i18n';
import type { LeadUpdate } from '../../common/model/changes';
import { FakeClock } from '../time/testing/fake-clock';
import type { LeadFacts } from './lookup';
import { NotificationPolicy, type DesktopNotification, type NotificationPreferences } from './policy';

const ME = 7;
const OTHER = 8;
const SECOND = 1000;

function update(partial: Partial<LeadUpdate>): LeadUpdate {
  return { added: [], updated: [], removed: [], statusChanges: [], responsibleChanges: [], duringInitialSync: false, ...partial };
}

function setup(options: { locale?: Locale; leads?: Record<number, LeadFacts>; me?: number | null } = {}) {
  const timers = new FakeClock();
  const shown: Array<DesktopNotification & { at: number }> = [];
  const leads = options.leads ?? {};
  const preferences: NotificationPreferences = { enabled: true, doNotDisturb: false };
  let locale: Locale = options.locale ?? 'en';
  const policy = new NotificationPolicy({
    timers,
    lookup: { lead: (id) => leads[id] ?? null, stageName: ({ statusId }) => (statusId === 142 ? 'Won' : null) },
    currentUserId: () => (options.me === undefined ? ME : options.me),
    preferences: () => preferences,
    translate: () => createTranslator(locale),
    show: (n) => shown.push({ ...n, at: timers.now() - start }),
  });
  const start = timers.now();
  return { timers, shown, policy, preferences, setLocale: (l: Locale) => (locale = l) };
}

describe('NotificationPolicy', () => {
  it('announces one new lead by name, with its id to open, when its window closes', () => {
    const { policy, timers, shown } = setup({ leads: { 11: { name: 'Clínica Sonrisa', responsibleUserId: OTHER } } });
    policy.handleLeadUpdate(update({ added: [11] }));
    timers.advance(9.9 * SECOND);
    expect(shown).toEqual([]);
    timers.advance(0.1 * SECOND);
    expect(shown).toEqual([{ title: 'New lead', body: 'Clínica Sonrisa', leadId: 11, at: 10 * SECOND }]);
  });

  it('announces a lead assigned to the current user, in Spanish when that is the language', () => {
    const { policy, timers, shown } = setup({ locale: 'es', leads: { 12: { name: 'Ferretería Lima', responsibleUserId: ME } } });
    policy.handleLeadUpdate(update({ updated: [12], responsibleChanges: [{ leadId: 12, from: OTHER, to: ME }] }));
    timers.advance(10 * SECOND);
    expect(shown).toMatchObject([{ title: 'Lead asignado a ti', body: 'Ferretería Lima', leadId: 12 }]);
  });

  it('announces a stage move of the current user’s lead with the stage name', () => {
    const { policy, timers, shown } = setup({ leads: { 13: { name: 'Hotel Miraflores', responsibleUserId: ME } } });
    policy.handleLeadUpdate(
      update({
        updated: [13],
        statusChanges: [{ leadId: 13, from: { pipelineId: 1, statusId: 10 }, to: { pipelineId: 1, statusId: 142 } }],
      }),
    );
    timers.advance(10 * SECOND);
    expect(shown).toMatchObject([{ title: 'Lead moved', body: 'Hotel Miraflores → Won', leadId: 13 }]);
  });

  it('stays quiet about other people’s leads, plain edits and assignments away from the user', () => {
    const { policy, timers, shown } = setup({
      leads: { 14: { name: 'Someone else’s', responsibleUserId: OTHER }, 15: { name: 'Mine', responsibleUserId: ME } },
    });
    policy.handleLeadUpdate(
      update({
        updated: [14, 15],
        statusChanges: [{ leadId: 14, from: { pipelineId: 1, statusId: 10 }, to: { pipelineId: 1, statusId: 20 } }],
        responsibleChanges: [
          { leadId: 14, from: ME, to: OTHER },
          { leadId: 15, from: ME, to: ME },
        ],
      }),
    );
    timers.advance(60 * SECOND);
    expect(shown).toEqual([]);
  });

  it('announces only new leads while the current user is unknown', () => {
    const { policy, timers, shown } = setup({ me: null, leads: { 16: { name: 'Mine?', responsibleUserId: ME } } });
    policy.handleLeadUpdate(
      update({ added: [17], statusChanges: [{ leadId: 16, from: { pipelineId: 1, statusId: 10 }, to: { pipelineId: 1, statusId: 20 } }] }),
    );
    timers.advance(10 * SECOND);
    expect(shown).toMatchObject([{ title: 'New lead', body: 'Lead #17', leadId: 17 }]);
  });

  it('never notifies during the first download', () => {
    const { policy, timers, shown } = setup();
    for (let i = 0; i < 50; i++) policy.handleLeadUpdate(update({ added: [1000 + i], duringInitialSync: true }));
    timers.advance(60 * SECOND);
    expect(shown).toEqual([]);
  });

  it('shows nothing while disabled or in do-not-disturb, including what was gathered before it was switched on', () => {
    const { policy, timers, shown, preferences } = setup();
    preferences.doNotDisturb = true;
    policy.handleLeadUpdate(update({ added: [1] }));
    timers.advance(10 * SECOND);
    preferences.doNotDisturb = false;
    policy.handleLeadUpdate(update({ added: [2] }));
    preferences.enabled = false;
    timers.advance(10 * SECOND);
    expect(shown).toEqual([]);
    preferences.enabled = true;
    policy.handleLeadUpdate(update({ added: [3] }));
    timers.advance(10 * SECOND);
    expect(shown).toMatchObject([{ leadId: 3 }]);
  });

  it('gathers a window’s changes into one "N leads updated", without a lead to open', () => {
    const { policy, timers, shown, setLocale } = setup({
      leads: { 2: { name: 'b', responsibleUserId: ME }, 3: { name: 'c', responsibleUserId: ME } },
    });
    policy.handleLeadUpdate(update({ added: [1, 4, 5] }));
    timers.advance(3 * SECOND);
    policy.handleLeadUpdate(update({ responsibleChanges: [{ leadId: 2, from: null, to: ME }] }));
    policy.handleLeadUpdate(
      update({ statusChanges: [{ leadId: 3, from: { pipelineId: 1, statusId: 10 }, to: { pipelineId: 1, statusId: 20 } }] }),
    );
    // A lead that is new and assigned in the same window counts once, as new.
    policy.handleLeadUpdate(update({ responsibleChanges: [{ leadId: 1, from: null, to: ME }] }));
    timers.advance(7 * SECOND);
    expect(shown).toEqual([{ title: '5 leads updated', body: '3 new · 1 assigned to you · 1 moved', leadId: null, at: 10 * SECOND }]);
    setLocale('es');
    policy.handleLeadUpdate(update({ added: [6, 7, 8, 9, 10] }));
    timers.advance(10 * SECOND);
    expect(shown[1]).toMatchObject({ title: '5 leads actualizados', body: '5 nuevos', leadId: null });
  });

  it('does not announce a lead that was deleted before its window closed', () => {
    const { policy, timers, shown } = setup();
    policy.handleLeadUpdate(update({ added: [1] }));
    policy.handleLeadUpdate(update({ removed: [1] }));
    timers.advance(10 * SECOND);
    expect(shown).toEqual([]);
  });

  it.each([
    ['one change every 300 ms, each its own batch (the worst case)', 300, 1],
    ['a batch every 5 s, as the sync loop commits them', 5000, 17],
  ])('turns 200 remote changes in one minute into at most 6 notifications: %s', (_label, everyMs, perBatch) => {
    const leads: Record<number, LeadFacts> = {};
    for (let id = 1; id <= 200; id++) leads[id] = { name: `Lead ${id}`, responsibleUserId: ME };
    const { policy, timers, shown } = setup({ leads });
    const start = timers.now();
    // New leads, assignments to the user and stage moves of the user's leads, in turn.
    const change = (id: number): LeadUpdate => {
      if (id % 3 === 0) return update({ added: [id] });
      if (id % 3 === 1) return update({ updated: [id], responsibleChanges: [{ leadId: id, from: OTHER, to: ME }] });
      return update({
        updated: [id],
        statusChanges: [{ leadId: id, from: { pipelineId: 1, statusId: 10 }, to: { pipelineId: 1, statusId: 20 } }],
      });
    };
    for (let id = 1, batch = 0; id <= 200; batch++) {
      timers.advanceTo(start + batch * everyMs);
      for (let i = 0; i < perBatch && id <= 200; i++, id++) policy.handleLeadUpdate(change(id));
    }
    expect(timers.now() - start).toBeLessThan(60 * SECOND);
    timers.advance(60 * SECOND);

    expect(shown.length).toBeLessThanOrEqual(6);
    expect(shown.length).toBe(6);
    for (let i = 1; i < shown.length; i++) expect(shown[i]!.at - shown[i - 1]!.at).toBeGreaterThanOrEqual(10 * SECOND);
    // Every lead is in exactly one notification.
    const announced = shown.reduce((sum, n) => sum + (n.leadId === null ? Number.parseInt(n.title, 10) : 1), 0);
    expect(announced).toBe(200);
  });
});
