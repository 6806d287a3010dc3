/**
 * The desktop shell over the real core, against the simulator: the tray drives the core's sync
 * loop and shows its states, and lead changes in Kommo become the notifications the README
 * promises. Only Electron's Tray and Notification are fakes; the engine's schedule and the
 * notification window run on fake clocks, so a cycle happens only when the tray asks for one.
 */
import { describe, expect, it } from 'vitest';
import type { Events } from '../common/contract';
import type { LeadUpdate } from '../common/model/changes';
import type { SyncState } from '../common/model/sync';
import { firstDownloadDone, idle, statusWhere } from '../../test/helpers/core-sync';
import { useSimulators } from '../../test/helpers/kommo-sim';
import { useTempDir } from '../../test/helpers/temp-dir';
import { useTestCores } from '../../test/helpers/test-core';
import type { Simulator } from '../../sim/index';
import { createShellIntegration } from '../core/app/shell-integration';
import { MemoryTokenStore, type TokenStore } from '../core/auth';
import { accountCurrentUserId, leadFacts } from '../core/db';
import { settle } from '../core/lifecycle/testing/fake-sync-controller';
import { FakeClock } from '../core/time/testing/fake-clock';
import { silentLogger } from '../core/log';
import type { NotificationLike } from './notifier';
import { createShell } from './shell';
import type { TrayLike } from './tray-service';
import type { TrayCommand, TrayIconKind, TrayMenuItem } from './tray-view';

const startSim = useSimulators();
const tempDir = useTempDir('kommo-shell-sim-');
const startTestCore = useTestCores(tempDir);

async function desktop(sim: Simulator, tokenStore?: TokenStore) {
  const engineTimers = new FakeClock(Date.now());
  const core = startTestCore({
    host: 'electron',
    systemLocale: 'en-US',
    auth: { tokenStore, apiBaseUrlTemplate: `${sim.url}/a/{subdomain}` },
    sync: { timers: engineTimers },
  });
  const leadUpdates: LeadUpdate[] = [];
  const syncStates: SyncState[] = [];
  const opened: Array<Events['open_entity']> = [];
  core.events.subscribe((name, payload) => {
    if (name === 'lead_update') leadUpdates.push(payload as LeadUpdate);
    if (name === 'sync_status') syncStates.push((payload as Events['sync_status']).state);
    if (name === 'open_entity') opened.push(payload as Events['open_entity']);
  });

  const icons: TrayIconKind[] = [];
  let menu: { items: TrayMenuItem[]; run: (command: TrayCommand) => void } | null = null;
  const tray: TrayLike = {
    setImage: (kind) => icons.push(kind as TrayIconKind),
    setToolTip: () => {},
    setContextMenu: () => {},
    onClick: () => {},
    destroy: () => {},
  };
  const notifications: Array<{ title: string; body: string; click(): void }> = [];
  const shellTimers = new FakeClock();
  const integration = createShellIntegration(core, { systemLocale: 'en-US', timers: shellTimers });
  const shell = createShell({
    core,
    integration,
    trayFactory: {
      createTray: (kind) => (icons.push(kind as TrayIconKind), tray),
      image: (kind) => kind,
      menu: (items, run) => (menu = { items, run }),
    },
    notificationFactory: {
      isSupported: () => true,
      create: ({ title, body }) => {
        const listeners = new Map<string, () => void>();
        const native: NotificationLike = {
          on: (event, listener) => listeners.set(event, listener),
          show: () => notifications.push({ title, body, click: () => listeners.get('click')!() }),
        };
        return native;
      },
    },
    revealWindow: async () => {},
    quitApp: () => {},
    systemLocale: 'en-US',
    platform: 'linux',
    timers: shellTimers,
    log: silentLogger,
  });
  await shell.lifecycle.launch();

  const item = (command: TrayCommand) =>
    menu!.items.find((i) => i.type === 'item' && i.command === command) as Extract<TrayMenuItem, { type: 'item' }>;
  /** Resolves with the next `lead_update` (outside the first download) that `accept` takes. */
  const nextLeadUpdate = (accept: (update: LeadUpdate) => boolean) =>
    new Promise<LeadUpdate>((resolve) => {
      const off = core.events.subscribe((name, payload) => {
        const update = payload as LeadUpdate;
        if (name !== 'lead_update' || update.duringInitialSync || !accept(update)) return;
        off();
        resolve(update);
      });
    });
  /** Kommo stamps a change with its current time: let a second pass first. */
  const inKommo = <T>(change: () => T): T => {
    sim.control.advanceClock({ seconds: 2 });
    return change();
  };
  /**
   * Resolves when the next cycle has ended: it stamps its success with the engine's clock, which
   * moves by 1 ms here so the stamp differs (far from the loop's own 5 s timer).
   */
  const nextCycleEnd = () => {
    const before = core.sync.status().lastSuccessfulSyncAt;
    engineTimers.advance(1);
    return statusWhere(core, (s) => s.state === 'idle' && s.lastSuccessfulSyncAt !== before);
  };
  /**
   * "Sync now" from the tray until a lead update `until` accepts has arrived, then lets the
   * shell's 10 s notification batching pass.
   */
  const syncNowUntil = async (until: (update: LeadUpdate) => boolean) => {
    const seen = nextLeadUpdate(until);
    menu!.run('syncNow');
    await seen;
    shellTimers.advance(10_000);
  };
  /** Someone else's lead is assigned to `userId` in Kommo, and synced; returns the lead. */
  const assignInKommo = async (userId: number) => {
    const lead = sim.control.snapshot().leads.find((l) => l.responsible_user_id !== userId)!;
    inKommo(() => sim.control.reassign({ entity: 'leads', id: lead.id, userId }));
    await syncNowUntil((u) => u.responsibleChanges.some((c) => c.leadId === lead.id));
    return lead;
  };
  const connect = async () => {
    const done = firstDownloadDone(core);
    const account = sim.account();
    await core.handlers['auth.connectToken']({ accountHost: account.host, token: account.longLivedToken });
    await done;
  };
  return {
    core,
    integration,
    shell,
    icons,
    item,
    run: (command: TrayCommand) => menu!.run(command),
    notifications,
    leadUpdates,
    syncStates,
    opened,
    shellTimers,
    nextLeadUpdate,
    nextCycleEnd,
    inKommo,
    syncNowUntil,
    assignInKommo,
    connect,
  };
}

const simOptions = {
  seed: 7,
  leads: 60,
  contacts: 30,
  clock: { start: 1_750_000_000, frozen: true },
  behaviour: { rateLimit: { enabled: false } },
};

describe('the tray over the real sync loop', () => {
  it('shows signed out, the first download and up to date; "sync now" runs a cycle of the real loop; pause and resume hold it', async () => {
    const sim = await startSim(simOptions);
    const d = await desktop(sim);
    expect(d.shell.sync).toBe(d.core.sync);
    expect(d.icons.at(-1)).toBe('attention');
    expect(d.item('syncNow').enabled).toBe(false);

    await d.connect();
    expect(d.icons).toContain('syncing');
    expect(d.icons.at(-1)).toBe('ok');
    expect([d.item('syncNow').enabled, d.item('togglePause').enabled]).toEqual([true, true]);

    // The engine's timer never fires here, so only the tray's "sync now" can bring the rename in.
    const lead = sim.control.snapshot().leads[0]!;
    d.inKommo(() => sim.control.update({ entity: 'leads', id: lead.id, data: { name: 'Renamed in Kommo' } }));
    const renamed = d.nextLeadUpdate((u) => u.updated.includes(lead.id));
    const cycleDone = d.nextCycleEnd();
    d.run('syncNow');
    await renamed;
    expect(leadFacts(d.core.database, lead.id)?.name).toBe('Renamed in Kommo');
    // The rename arrives mid-cycle: let the cycle's last request be answered before counting none.
    await cycleDone;

    d.run('togglePause');
    expect(d.core.sync.status().state).toBe('paused');
    expect(d.icons.at(-1)).toBe('offline');
    expect(d.item('togglePause').label).toBe('Resume sync');
    expect(d.syncStates.at(-1)).toBe('paused');
    sim.control.resetCounters();
    d.run('syncNow');
    await settle();
    expect(sim.control.counters().total).toBe(0);

    d.run('togglePause');
    await statusWhere(d.core, (s) => s.state === 'idle');
    expect(d.item('togglePause').label).toBe('Pause sync');
    d.inKommo(() => sim.control.update({ entity: 'leads', id: lead.id, data: { name: 'Renamed again' } }));
    const again = d.nextLeadUpdate((u) => u.updated.includes(lead.id));
    d.run('syncNow');
    await again;
    expect(d.icons.at(-1)).toBe('ok');
  });

  it('follows a pause made from the page: the tray offers "resume", and "pause" again after', async () => {
    const sim = await startSim(simOptions);
    const d = await desktop(sim);
    await d.connect();
    await d.core.handlers['sync.setPaused']({ paused: true });
    expect(d.item('togglePause').label).toBe('Resume sync');
    expect(d.icons.at(-1)).toBe('offline');
    await d.core.handlers['sync.setPaused']({ paused: false });
    expect(d.item('togglePause').label).toBe('Pause sync');
  });
});

describe('notifications from the real sync', () => {
  it('none during the first download; a lead assigned to the signed-in user and a stage move of their lead, by name; a click opens the lead', async () => {
    const sim = await startSim(simOptions);
    const d = await desktop(sim);
    const me = sim.account().currentUserId;
    await d.connect();
    d.shellTimers.advance(60_000);
    expect(d.leadUpdates.filter((u) => u.duringInitialSync && u.added.length > 0)).not.toEqual([]);
    expect(d.notifications).toEqual([]);
    expect(d.core.connection.current()?.userId).toBe(me);

    // Assigned to me in Kommo.
    const someoneElses = await d.assignInKommo(me);
    expect(d.notifications.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'Lead assigned to you', body: someoneElses.name },
    ]);
    d.notifications[0]!.click();
    await settle();
    expect(d.opened).toEqual([{ entity: 'lead', id: someoneElses.id }]);

    // My lead moves to another stage.
    const snapshot = sim.control.snapshot();
    const mine = snapshot.leads.find((l) => l.responsible_user_id === me)!;
    const stages = snapshot.pipelines.find((p) => p.id === mine.pipeline_id)!.statuses;
    const target =
      stages.find((s) => s.id !== mine.status_id && s.id !== 142 && s.id !== 143) ?? stages.find((s) => s.id !== mine.status_id)!;
    d.inKommo(() => sim.control.moveStatus({ id: mine.id, statusId: target.id, pipelineId: mine.pipeline_id }));
    await d.syncNowUntil((u) => u.statusChanges.some((c) => c.leadId === mine.id));
    expect(d.notifications.slice(1).map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'Lead moved', body: `${mine.name} → ${target.name}` },
    ]);
  });

  it('after a restart with a sign-in saved without the user (older versions): syncs at once and knows the user from the mirror', async () => {
    const sim = await startSim(simOptions);
    const account = sim.account();
    const nobody = await desktop(sim);
    expect(await nobody.integration.hasStoredCredentials()).toBe(false);

    const saved = new MemoryTokenStore();
    await saved.save({
      kind: 'long_lived',
      accountHost: account.host,
      apiBaseUrl: account.apiBaseUrl,
      accessToken: account.longLivedToken,
      refreshToken: null,
      expiresAt: null,
      issuedAt: 0,
      accountId: null,
      accountName: null,
      userId: null,
      userName: null,
      isDemo: false,
      needsReconnect: false,
    });
    const d = await desktop(sim, saved);
    expect(await d.integration.hasStoredCredentials()).toBe(true);
    await idle(d.core);
    // Not in the saved sign-in: the policy falls back to the account row the sync read.
    expect(d.core.connection.current()?.userId).toBeNull();
    expect(accountCurrentUserId(d.core.database)).toBe(account.currentUserId);

    const someoneElses = await d.assignInKommo(account.currentUserId);
    expect(d.notifications.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'Lead assigned to you', body: someoneElses.name },
    ]);
  });
});
