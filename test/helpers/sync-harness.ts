/**
 * The sync engine against the real simulator on 127.0.0.1 and a real SQLite file, with fake
 * timers for the engine's schedule. Everything is closed after each test. Tests only.
 */
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Simulator, SimulatorOptions } from '../../sim/index';
import { openDatabase, type MirrorDatabase } from '../../src/core/db';
import { type HostGateOptions, KommoAuthRequiredError, type KommoClient } from '../../src/core/kommo';
import { systemClock } from '../../src/core/time';
import { FakeClock } from '../../src/core/time/testing/fake-clock';
import { createLogger, type LogRecord } from '../../src/core/log';
import type { Events } from '../../src/common/contract';
import { SyncEngine, type SyncOptions } from '../../src/core/sync';
import { FAST_GATE, useClients, useSimulators } from './kommo-sim';
import { mirrorDifferences } from './mirror-vs-source';
import { useTempDir } from './temp-dir';

export interface Harness {
  sim: Simulator;
  mirror: MirrorDatabase;
  engine: SyncEngine;
  client: KommoClient;
  timers: FakeClock;
  logs: LogRecord[];
  emitted: Array<{ name: keyof Events; payload: unknown }>;
  /** Differences between the mirror and the simulator now (empty when equal). */
  differences(): string[];
  /** A new engine on the same mirror and client (a restart). */
  restart(options?: Partial<SyncOptions>): Promise<SyncEngine>;
}

export interface HarnessOptions {
  sim?: SimulatorOptions;
  sync?: Partial<SyncOptions>;
  gate?: Partial<HostGateOptions>;
  /** Retries inside the client wait for nothing (offline tests). */
  instantRetries?: boolean;
}

/** A frozen simulator clock and no rate limit unless a test says otherwise. */
export function useSyncHarness(): (options?: HarnessOptions) => Promise<Harness> {
  const startSim = useSimulators();
  const makeClient = useClients();
  const tempDir = useTempDir('kommo-sync-');
  const open: MirrorDatabase[] = [];
  const engines: SyncEngine[] = [];
  afterEach(async () => {
    for (const engine of engines.splice(0)) await engine.stop();
    for (const mirror of open.splice(0)) await mirror.close();
  });
  return async (options = {}) => {
    const sim = await startSim({
      seed: 3,
      leads: 300,
      contacts: 200,
      clock: { start: 1_750_000_000, frozen: true },
      ...options.sim,
      behaviour: { rateLimit: { enabled: false }, ...options.sim?.behaviour },
    });
    const instant = { ...systemClock, sleep: async () => undefined };
    const token = sim.account().longLivedToken;
    // A long-lived token cannot be refreshed: a 401 means the user must connect again.
    const auth = { getAccessToken: async () => token, handleUnauthorized: async () => Promise.reject(new KommoAuthRequiredError()) };
    const { client } = makeClient(sim, { auth, gate: options.gate ?? FAST_GATE, ...(options.instantRetries ? { clock: instant } : {}) });
    const mirror = openDatabase(join(tempDir(), 'mirror.sqlite'));
    open.push(mirror);
    const timers = new FakeClock(Date.now());
    const logs: LogRecord[] = [];
    const emitted: Harness['emitted'] = [];
    const make = async (sync: Partial<SyncOptions> = {}) => {
      const engine = await SyncEngine.open({
        client,
        mirror,
        accountHost: sim.account().host,
        timers,
        log: createLogger((r) => logs.push(r), 'test'),
        emit: (name, payload) => emitted.push({ name, payload }),
        options: { random: () => 0.5, ...options.sync, ...sync },
      });
      engines.push(engine);
      return engine;
    };
    return {
      sim,
      mirror,
      engine: await make(),
      client,
      timers,
      logs,
      emitted,
      differences: () => mirrorDifferences(mirror.sqlite, sim.control.snapshot(), Number(process.env.SYNC_DIFF_LIMIT ?? 20)),
      restart: (sync) => make(sync),
    };
  };
}

/** Resolves when the engine's next cycle ends (started by `trigger`, e.g. advancing the fake timers). */
export function nextCycle(engine: SyncEngine, trigger: () => void = () => {}): Promise<{ ok: boolean; error?: unknown }> {
  return new Promise((resolve) => {
    const off = engine.onCycle((event) => {
      if (event.kind !== 'end') return;
      off();
      resolve(event);
    });
    trigger();
  });
}

/** Resolves when the engine reports a status with this state. */
export function statusReached(engine: SyncEngine, state: string): Promise<void> {
  return new Promise((resolve) => {
    if (engine.status().state === state) return resolve();
    const off = engine.onStatus((status) => {
      if (status.state !== state) return;
      off();
      resolve();
    });
  });
}
