import { describe, expect, it } from 'vitest';
import { createLogger, type LogRecord } from '../log';
import { settle } from './testing/fake-sync-controller';
import { FakeClock } from '../time/testing/fake-clock';
import { NetworkWatcher } from './network-watcher';
import { shutDown } from './shutdown';

describe('NetworkWatcher', () => {
  it('reports each return of the network once, at the next check', () => {
    const timers = new FakeClock();
    let online = true;
    let returns = 0;
    const watcher = new NetworkWatcher({ isOnline: () => online, timers, onOnline: () => returns++, intervalMs: 5000 });
    watcher.start();
    online = false;
    timers.advance(5000);
    online = true;
    timers.advance(4999);
    expect(returns).toBe(0);
    timers.advance(1);
    expect(returns).toBe(1);
    timers.advance(60_000);
    expect(returns).toBe(1);
    watcher.stop();
    online = false;
    timers.advance(5000);
    online = true;
    timers.advance(60_000);
    expect(returns).toBe(1);
    expect(timers.pendingCount).toBe(0);
  });
});

describe('shutDown', () => {
  it('stops the sync loop first and closes the database after it has ended', async () => {
    const order: string[] = [];
    let endLoop!: () => void;
    const timers = new FakeClock();
    const done = shutDown(
      {
        stopSync: () => new Promise<void>((resolve) => (endLoop = () => (order.push('loop ended'), resolve()))),
        closeDatabase: async () => void order.push('database closed'),
      },
      { timers, log: createLogger(() => {}) },
    );
    await settle();
    expect(order).toEqual([]);
    endLoop();
    await done;
    expect(order).toEqual(['loop ended', 'database closed']);
    expect(timers.pendingCount).toBe(0);
  });

  it('closes the database anyway when the loop does not stop in time or fails to', async () => {
    const records: LogRecord[] = [];
    const log = createLogger((r) => records.push(r));
    const timers = new FakeClock();
    let closed = 0;
    const hanging = shutDown(
      { stopSync: () => new Promise<void>(() => {}), closeDatabase: async () => void closed++ },
      { timers, log, stopTimeoutMs: 10_000 },
    );
    await settle();
    timers.advance(10_000);
    await hanging;
    await shutDown({ stopSync: async () => Promise.reject(new Error('boom')), closeDatabase: async () => void closed++ }, { timers, log });
    expect(closed).toBe(2);
    expect(records.map((r) => r.level)).toEqual(['warn', 'error']);
  });
});
