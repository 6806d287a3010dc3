import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { findPostgres, startPostgres, type RunningPostgres } from './postgres-server';

/**
 * PostgreSQL for tests: one throwaway cluster per test file (postgres-server.ts), started in
 * beforeAll and stopped and removed in afterAll, also when a test failed; a database per test.
 * Where PostgreSQL cannot run, the tests skip, and the skipped block's name and stderr say why: a
 * skipped test is never counted as passed.
 */
export interface PostgresCluster {
  /** A new, empty UTF8 database; returns its connection string. */
  createDatabase(): Promise<string>;
  /** The superuser's connection string for `database`. */
  url(database: string): string;
}

const found = findPostgres();

/** Why PostgreSQL tests cannot run on this machine, or null when they can. */
export const postgresSkipReason: string | null = typeof found === 'string' ? found : null;

/** `describe` for tests that need a cluster: the body gets this file's cluster. */
export function describeWithPostgres(name: string, body: (cluster: PostgresCluster) => void): void {
  if (typeof found === 'string') {
    process.stderr.write(`PostgreSQL tests skipped (${name}): ${found}\n`);
    describe.skip(`${name} (skipped: ${found})`, () => body(unavailable(found)));
    return;
  }
  describe(name, () => body(usePostgresCluster()));
}

function unavailable(reason: string): PostgresCluster {
  return { createDatabase: () => Promise.reject(new Error(reason)), url: () => '' };
}

function usePostgresCluster(): PostgresCluster {
  let server: RunningPostgres | undefined;
  let databases = 0;
  beforeAll(async () => {
    if (typeof found === 'string') throw new Error(found);
    server = await startPostgres(found);
  }, 180_000);
  afterAll(() => server?.stop());
  const url = (database: string): string => {
    if (!server) throw new Error('The PostgreSQL cluster has not started');
    return server.url(database);
  };
  return {
    url,
    async createDatabase() {
      databases += 1;
      const name = `test_${databases}`;
      const admin = new pg.Client({ connectionString: url('postgres') });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
      } finally {
        await admin.end();
      }
      return url(name);
    },
  };
}
