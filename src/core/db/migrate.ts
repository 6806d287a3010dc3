import type Database from 'better-sqlite3';
import type { Migration } from './migrations/types';

export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `The database is at schema version ${found}, but this build of Kommo Mirror only knows up to ${known}. ` +
        'Update the app, or point it at another database file.',
    );
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database forward to the last migration in `list`. Each step commits on its own, so
 * a kill between steps resumes at the next one.
 */
export function migrate(db: Database.Database, list: readonly Migration[], target = list.at(-1)?.version ?? 0): number {
  assertSequential(list);
  const current = schemaVersion(db);
  const known = list.at(-1)?.version ?? 0;
  if (current > known) throw new SchemaTooNewError(current, known);
  for (const step of list) {
    if (step.version <= current || step.version > target) continue;
    db.transaction(() => {
      step.up(db);
      // PRAGMA cannot take a bound parameter; the version is an integer from our own list.
      db.pragma(`user_version = ${step.version}`);
    }).immediate();
  }
  return schemaVersion(db);
}

/**
 * Throws unless `list` is numbered in increasing order from 1. A gap is tolerated while branches
 * that each add a step are reconciled (010 and 011 were written side by side); a repeated or
 * decreasing number is not.
 */
export function assertSequential(list: readonly { version: number; name: string }[]): void {
  list.forEach((step, index) => {
    const previous = index === 0 ? 0 : (list[index - 1] as { version: number }).version;
    if (!Number.isInteger(step.version) || step.version <= previous || (index === 0 && step.version !== 1)) {
      throw new Error(`Migration list is not sequential at ${step.name}: expected a version above ${previous}, got ${step.version}`);
    }
  });
}
