/**
 * Helpers for the team server's process tests: the server's arguments against a simulator and a
 * database, and waits for states (rows in PostgreSQL, lines said, requests the simulator saw).
 */
import type { Simulator } from '../../sim/index';
import type { SqlStore } from '../../src/core/db';
import type { ServerProcess } from './server-process';

export function serverArgs(sim: Simulator, databaseUrl: string): string[] {
  const account = sim.account();
  return [
    '--database-url',
    databaseUrl,
    '--base-url',
    account.apiBaseUrl,
    '--account-host',
    account.host,
    '--token',
    account.longLivedToken,
  ];
}

/** Polls a query until `test` holds: the state the test waits for, however long the machine takes. */
export async function rowsUntil<T>(store: SqlStore, sql: string, params: number[], test: (rows: T[]) => boolean): Promise<T[]> {
  for (;;) {
    const rows = await store.all<T>(sql, params);
    if (test(rows)) return rows;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const leadName = (store: SqlStore, id: number, name: string) =>
  rowsUntil<{ name: string }>(store, 'SELECT name FROM leads WHERE id = ?', [id], (rows) => rows[0]?.name === name);

export async function lineSaid(server: ServerProcess, text: string): Promise<void> {
  while (!server.stderr.some((line) => line.includes(text))) await new Promise((resolve) => setTimeout(resolve, 100));
}

export async function fetchedById(sim: Simulator, id: number): Promise<void> {
  const named = (path: string) => `${path}&`.includes(`filter[id][]=${id}&`);
  while (!sim.control.requestLog().some((entry) => named(decodeURIComponent(entry.path)))) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function registeredHooks(sim: Simulator): Promise<string[]> {
  const account = sim.account();
  const answer = await fetch(`${account.apiBaseUrl}/api/v4/webhooks`, { headers: { authorization: `Bearer ${account.longLivedToken}` } });
  if (answer.status !== 200) return [];
  return ((await answer.json()) as { _embedded: { webhooks: Array<{ destination: string }> } })._embedded.webhooks.map(
    (h) => h.destination,
  );
}

export async function waitForRegistration(sim: Simulator, server: ServerProcess): Promise<void> {
  while (!(await registeredHooks(sim)).includes(server.webhookUrl)) await new Promise((resolve) => setTimeout(resolve, 100));
}
