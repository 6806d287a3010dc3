import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../common/model/sync';
import { registerSecret, silentLogger } from '../log';
import { FakeSyncController, settle } from './testing/fake-sync-controller';
import { FakeClock } from '../time/testing/fake-clock';
import { SyncSupervisor } from './supervisor';
import { INITIAL_SYNC_STATUS } from './sync-controller';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const idle: SyncStatus = { ...INITIAL_SYNC_STATUS, state: 'idle', initialSyncComplete: true, lastSuccessfulSyncAt: 1 };

function setup() {
  const timers = new FakeClock();
  const controller = new FakeSyncController();
  const supervisor = new SyncSupervisor({ controller, timers, log: silentLogger });
  const statuses: SyncStatus[] = [];
  supervisor.onStatus((s) => statuses.push(s));
  return { timers, controller, supervisor, statuses, last: () => statuses.at(-1)! };
}

describe('SyncSupervisor', () => {
  it('starts the loop once and passes the engine’s status on', () => {
    const { controller, supervisor, last } = setup();
    supervisor.start();
    supervisor.start();
    expect(controller.starts).toBe(1);
    controller.report(idle);
    expect(last()).toEqual(idle);
    expect(supervisor.phase).toBe('running');
  });

  it('restarts a crashed loop after 1, 2, 4 and 8 s, then gives up at the fifth crash in five minutes and shows the error', async () => {
    const { timers, controller, supervisor, last } = setup();
    supervisor.start();
    for (const delay of [1, 2, 4, 8]) {
      controller.crash(new Error('SQLITE_BUSY'));
      await settle();
      expect(supervisor.phase).toBe('restarting');
      expect(last()).toMatchObject({ state: 'error', nextAttemptAt: timers.now() + delay * SECOND });
      timers.advance(delay * SECOND - 1);
      expect(controller.isRunning).toBe(false);
      timers.advance(1);
      expect(controller.isRunning).toBe(true);
    }
    controller.crash(new Error('SQLITE_BUSY'));
    await settle();
    expect(supervisor.phase).toBe('failed');
    expect(last()).toMatchObject({ state: 'error', nextAttemptAt: null });
    expect(last().message).toMatch(/5 failures in 5 minutes: SQLITE_BUSY/);
    timers.advance(10 * MINUTE);
    expect(controller.starts).toBe(5);
    expect(timers.pendingCount).toBe(0);
  });

  it('says what to do when the crash is a storage failure (a full disk), in place of SQLite’s message', async () => {
    const { timers, controller, supervisor, last } = setup();
    supervisor.start();
    controller.crash(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
    await settle();
    expect(last().message).toMatch(
      /^Sync stopped unexpectedly \(The disk is full, so new changes from Kommo cannot be saved\. Free some space/,
    );
    expect(last().reason).toBe('disk_full');
    timers.advance(SECOND);
    controller.crash(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' }));
    await settle();
    expect(last().message).toContain('The disk reported an error');
    expect(last().reason).toBe('disk_error');
  });

  it('keeps restarting when crashes are spread out beyond the five-minute window', async () => {
    const { timers, controller, supervisor } = setup();
    supervisor.start();
    for (let i = 0; i < 12; i++) {
      timers.advance(2 * MINUTE);
      controller.crash(new Error('flaky'));
      await settle();
      expect(supervisor.phase).toBe('restarting');
      timers.advance(MINUTE);
    }
    expect(controller.starts).toBe(13);
  });

  it('starts afresh on "sync now" after giving up, and at once while waiting to restart', async () => {
    const { timers, controller, supervisor } = setup();
    supervisor.start();
    for (let i = 0; i < 5; i++) {
      controller.crash(new Error('boom'));
      await settle();
      timers.advance(MINUTE);
    }
    expect(supervisor.phase).toBe('failed');
    supervisor.syncNow();
    expect(supervisor.phase).toBe('running');
    // The crash history was cleared: one more crash only schedules a restart.
    controller.crash(new Error('boom'));
    await settle();
    expect(supervisor.phase).toBe('restarting');
    supervisor.syncNow();
    expect(controller.isRunning).toBe(true);
    expect(timers.pendingCount).toBe(0);
  });

  it('pauses while the machine sleeps and syncs at once when it wakes', () => {
    const { controller, supervisor } = setup();
    supervisor.start();
    supervisor.suspend();
    expect(controller.paused).toBe(true);
    supervisor.resume();
    expect(controller.paused).toBe(false);
    expect(controller.calls.slice(-2)).toEqual(['setPaused(false)', 'syncNow']);
  });

  it('keeps the user’s pause through sleep, wake and crash restarts, and shows it', async () => {
    const { timers, controller, supervisor, last } = setup();
    supervisor.start();
    controller.report(idle);
    supervisor.setPaused(true);
    expect(last().state).toBe('paused');
    supervisor.suspend();
    supervisor.resume();
    supervisor.networkOnline();
    expect(controller.paused).toBe(true);
    expect(controller.calls).not.toContain('syncNow');
    controller.crash(new Error('boom'));
    await settle();
    timers.advance(SECOND);
    expect(controller.calls.slice(-2)).toEqual(['start', 'setPaused(true)']);
    // The restarted loop reports its own status (the last run's is not carried over).
    controller.report(idle);
    supervisor.setPaused(false);
    expect(controller.paused).toBe(false);
    expect(last().state).toBe('idle');
  });

  it('syncs at once when the network returns', () => {
    const { controller, supervisor } = setup();
    supervisor.start();
    supervisor.networkOnline();
    expect(controller.calls).toEqual(['start', 'syncNow']);
  });

  it('stops the loop, waits for it to end, and cancels a pending restart', async () => {
    const { timers, controller, supervisor } = setup();
    supervisor.start();
    await supervisor.stop();
    expect(controller.calls).toEqual(['start', 'stop']);
    expect(supervisor.phase).toBe('stopped');
    supervisor.start();
    controller.crash(new Error('boom'));
    await settle();
    await supervisor.stop();
    timers.advance(MINUTE);
    expect(controller.starts).toBe(2);
    expect(supervisor.phase).toBe('stopped');
  });

  it('treats a loop that ends by itself (e.g. signed out) as stopped, not crashed', async () => {
    const { timers, controller, supervisor } = setup();
    supervisor.start();
    controller.end();
    await settle();
    expect(supervisor.phase).toBe('stopped');
    timers.advance(MINUTE);
    expect(controller.starts).toBe(1);
  });

  it('never shows a token that was in the crash message', async () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.secret-token-value';
    registerSecret(token);
    const { controller, supervisor, last } = setup();
    supervisor.start();
    controller.crash(new Error(`401 for ${token}`));
    await settle();
    expect(last().message).not.toContain(token);
  });
});
