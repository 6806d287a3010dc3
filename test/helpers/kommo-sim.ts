/**
 * Starting the simulator for client and auth tests, and reading what it saw. Tests only.
 */
import { afterEach } from 'vitest';
import {
  createKommoClient,
  createUndiciTransport,
  HostGateRegistry,
  type AccessTokenProvider,
  type HostGateOptions,
  type KommoClientOptions,
  type Transport,
} from '../../src/core/kommo';
import { silentLogger } from '../../src/core/log';
import { startSimulator, type LogEntry, type Simulator, type SimulatorOptions } from '../../sim/index';

export function useSimulators(): (options?: SimulatorOptions) => Promise<Simulator> {
  const started: Simulator[] = [];
  afterEach(async () => {
    for (const sim of started.splice(0)) await sim.close();
  });
  return async (options = {}) => {
    const sim = await startSimulator(options);
    started.push(sim);
    return sim;
  };
}

/** A token provider for a long-lived token: no refresh. */
export function staticToken(token: string): AccessTokenProvider {
  return {
    getAccessToken: async () => token,
    handleUnauthorized: async () => {
      throw new Error('unexpected 401');
    },
  };
}

/** Gates, transport and a client for one simulator account; everything is closed after the test. */
export function useClients() {
  const owned: Array<{ gates: HostGateRegistry; transport: Transport }> = [];
  afterEach(async () => {
    for (const { gates, transport } of owned.splice(0)) {
      await gates.close();
      await transport.close();
    }
  });
  return (sim: Simulator, options: Partial<KommoClientOptions> & { gate?: Partial<HostGateOptions> } = {}) => {
    const account = sim.account();
    const gates = options.gates ?? new HostGateRegistry(options.gate ?? {});
    const transport = options.transport ?? createUndiciTransport();
    owned.push({ gates, transport });
    const client = createKommoClient({
      accountHost: account.host,
      baseUrl: account.apiBaseUrl,
      auth: staticToken(account.longLivedToken),
      log: silentLogger,
      ...options,
      gates,
      transport,
    });
    return { client, gates, transport, account };
  };
}

/** The most entries whose arrival (`ms`) falls in any one-second window. */
export function maxPerSecond(entries: LogEntry[]): number {
  const times = entries.map((e) => e.ms).sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; end < times.length; end++) {
    while ((times[end] as number) - (times[start] as number) >= 1000) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

/** Settings for tests that are not about pacing: fast, with the simulator's rate limit off. */
export const FAST_GATE: Partial<HostGateOptions> = { minTimeMs: 0, maxPerWindow: 10_000, maxConcurrent: 16 };
