/**
 * What the sync benchmark watches, attached only at the engine's injected seams (the transport,
 * the database handle, the logger), so the client and the engine run exactly as in the product.
 */
import { performance } from 'node:perf_hooks';
import { openDatabase, type MirrorDatabase, type SqliteStore } from '../src/core/db';
import { createKommoClient, createUndiciTransport, HostGateRegistry, KommoAuthRequiredError, type Transport } from '../src/core/kommo';
import { createLogger, type Logger } from '../src/core/log';
import { SyncEngine } from '../src/core/sync';
import { systemClock } from '../src/core/time';
import type { SimProcess } from './sim-process';

/** A transport that counts the requests it sends (429s and retries included: each reached the server). */
export function countingTransport(inner: Transport): Transport & { sent(): number } {
  let sent = 0;
  return {
    send: (request) => {
      sent += 1;
      return inner.send(request);
    },
    close: () => inner.close(),
    sent: () => sent,
  };
}

/**
 * The mirror with the time spent inside its write transactions summed (the engine writes only
 * through `store.transaction`: a page's upserts and its cursor together). Each is timed from its
 * body's start to its commit: transactions are serialized, so the wait for the writer's turn is
 * not counted and no two timed spans overlap.
 */
export function timedMirror(inner: MirrorDatabase): MirrorDatabase & { writeMs(): number } {
  let total = 0;
  const store: SqliteStore = {
    ...inner.store,
    async transaction(fn) {
      let started: number | null = null;
      try {
        return await inner.store.transaction((tx) => {
          started = performance.now();
          return fn(tx);
        });
      } finally {
        if (started !== null) total += performance.now() - started;
      }
    },
  };
  return { ...inner, store, writeMs: () => total };
}

export interface DownloadDone {
  /** performance.now() when the engine reported the first download complete. */
  at: number;
  records: { leads: number; contacts: number };
}

/**
 * A logger for the engine that remembers when it reports "First download complete" (the engine's
 * own milestone: after the last page, the hand-over to the cycles and the index optimization; the
 * first incremental cycle follows) and passes warnings and errors to stderr, where a 429 or a
 * retry would show.
 */
export function milestoneLogger(onDownloadDone: (done: DownloadDone) => void): Logger {
  return createLogger((record) => {
    if (record.message === 'First download complete') {
      const data = record.data as { leads: number; contacts: number };
      onDownloadDone({ at: performance.now(), records: { leads: data.leads, contacts: data.contacts } });
    }
    if (record.level === 'warn' || record.level === 'error')
      process.stderr.write(`${record.level} ${record.scope}: ${record.message} ${JSON.stringify(record.data ?? {})}\n`);
  }, 'bench');
}

/** The product's client and sync engine for the simulator's account, with the bench's probes at their seams. */
export async function productSync(sim: SimProcess, file: string) {
  const transport = countingTransport(createUndiciTransport());
  const gates = new HostGateRegistry();
  const mirror = timedMirror(openDatabase(file));
  let done: { at: number; records: number; leads: number; requests: number; writeMs: number } | null = null;
  const log = milestoneLogger((d) => {
    done = {
      at: d.at,
      records: d.records.leads + d.records.contacts,
      leads: d.records.leads,
      requests: transport.sent(),
      writeMs: mirror.writeMs(),
    };
  });
  const token = sim.account.longLivedToken;
  const client = createKommoClient({
    accountHost: sim.account.host,
    baseUrl: sim.account.apiBaseUrl,
    // A long-lived token: nothing to refresh.
    auth: { getAccessToken: async () => token, handleUnauthorized: async () => Promise.reject(new KommoAuthRequiredError()) },
    gates,
    transport,
    log,
  });
  const engine = await SyncEngine.open({ client, mirror, accountHost: sim.account.host, timers: systemClock, log, emit: () => {} });
  return {
    engine,
    sent: () => transport.sent(),
    /** What stood when the engine reported the first download complete. */
    downloadDone: () => done,
    async close() {
      await engine.stop();
      await mirror.close();
      client.dispose();
      await gates.close();
      await transport.close();
    },
  };
}
