/**
 * `npm run bench:client`: downloads 20,000 leads (with contacts, by updated_at) from the simulator
 * through the Kommo client at its default pacing, and prints what the server saw: the most
 * requests in any one-second window (Kommo's bound is 7) and the throughput as a fraction of
 * 7 requests per second. Numbers only; it never passes or fails.
 */
import { performance } from 'node:perf_hooks';
import { createKommoClient, createUndiciTransport, HostGateRegistry } from '../src/core/kommo';
import { silentLogger } from '../src/core/log';
import { startSimulator } from '../sim/index';

const LEADS = 20_000;
const BOUND = 7;

async function main(): Promise<void> {
  const generating = performance.now();
  const sim = await startSimulator({ leads: LEADS, contacts: 2_000 });
  const account = sim.account();
  const gates = new HostGateRegistry();
  const transport = createUndiciTransport();
  const client = createKommoClient({
    accountHost: account.host,
    baseUrl: account.apiBaseUrl,
    auth: { getAccessToken: async () => account.longLivedToken, handleUnauthorized: async () => account.longLivedToken },
    gates,
    transport,
    log: silentLogger,
  });
  const setupMs = performance.now() - generating;
  sim.control.resetCounters();
  const started = performance.now();
  let leads = 0;
  let pages = 0;
  for await (const page of client.pages('leads', { with: ['contacts'], order: { updated_at: 'asc' } })) {
    leads += page.items.length;
    pages += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  const counters = sim.control.counters();
  const rate = counters.total / seconds;
  const rows: Array<[string, string]> = [
    ['leads downloaded', String(leads)],
    ['list requests', String(pages)],
    ['requests seen by the server', String(counters.total)],
    ['429 answers', String(counters.served429)],
    ['most requests in any one-second window', String(counters.maxPerSecond)],
    ['seconds', seconds.toFixed(2)],
    ['requests per second', rate.toFixed(3)],
    [`throughput / ${BOUND} rps bound`, (rate / BOUND).toFixed(3)],
    ['leads per second', (leads / seconds).toFixed(0)],
    ['simulator setup seconds (not measured above)', (setupMs / 1000).toFixed(2)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
  client.dispose();
  await gates.close();
  await transport.close();
  await sim.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
