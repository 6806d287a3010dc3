/** Whole cores for tests that run the core against the simulator. Tests only. */
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../src/core/app/create-core';
import type { CoreAuthOptions } from '../../src/core/auth';
import { createUndiciTransport, HostGateRegistry, type HostGateOptions } from '../../src/core/kommo';
import { silentLogger } from '../../src/core/log';
import { FAST_GATE } from './kommo-sim';

/** What a test says about its core; the rest defaults to a web host in Spanish, silent, on a new file. */
export interface TestCoreOptions extends Partial<Omit<CoreOptions, 'auth'>> {
  auth: Omit<CoreAuthOptions, 'advanced'>;
  /** The host gate's pacing; default FAST_GATE. `{}` is the product's own. */
  gate?: Partial<HostGateOptions>;
}

/**
 * Starts cores with host gates and a transport of their own (fast pacing, nothing shared with
 * another test), on `tempDir()/mirror.sqlite` unless told a path. A core's `close()` also closes
 * its gates and transport, once however often it is called; every core still open is closed
 * after the test, the last started first. Call it after `useTempDir`, so the folder outlives the
 * cores in it.
 */
export function useTestCores(tempDir: () => string): (options: TestCoreOptions) => Core {
  const closing: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closing.splice(0).reverse()) await close();
  });
  return ({ auth, gate = FAST_GATE, ...options }) => {
    const gates = new HostGateRegistry(gate);
    const transport = createUndiciTransport();
    const core = createCore({
      databasePath: options.databasePath ?? join(tempDir(), 'mirror.sqlite'),
      host: 'web',
      version: '1.0.0',
      systemLocale: 'es-PE',
      log: silentLogger,
      ...options,
      auth: { ...auth, advanced: { gates, transport } },
    });
    const closeCore = core.close.bind(core);
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await closeCore();
      await gates.close();
      await transport.close();
    };
    closing.push(close);
    return Object.assign(core, { close });
  };
}
