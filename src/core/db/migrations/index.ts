import { migration001 } from './001-app-meta';
import { migration002 } from './002-metadata';
import { migration003 } from './003-entities';
import { migration004 } from './004-tags-and-links';
import { migration005 } from './005-field-values';
import { migration006 } from './006-sync-state';
import { migration007 } from './007-change-log';
import { migration008 } from './008-full-text';
import { migration009 } from './009-set-aside';
import { migration010 } from './010-field-value-index';
import { migration011 } from './011-loss-reasons';
import { postgresSchema, sqliteSchema } from './schema-dialect';
import type { Migration, MigrationDefinition, PostgresMigration } from './types';
import { migration012 } from './012-notes-and-tasks';

/**
 * Every migration, in order: the one list both engines run. Append only: a released migration is
 * never edited.
 */
const definitions: readonly MigrationDefinition[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
];

/** The steps of the desktop mirror (SQLite). */
export const migrations: readonly Migration[] = definitions.map((step) => ({
  version: step.version,
  name: step.name,
  up: (db) => db.exec(step.sql(sqliteSchema)),
}));

/** The steps of the team server's mirror (PostgreSQL): the same versions, names and tables. */
export const postgresMigrations: readonly PostgresMigration[] = definitions.map((step) => ({
  version: step.version,
  name: step.name,
  up: async (tx) => {
    await tx.run(step.sql(postgresSchema));
  },
}));

export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;

export type { Migration, MigrationDefinition, PostgresMigration } from './types';
