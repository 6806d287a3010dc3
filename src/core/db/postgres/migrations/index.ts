import { postgresMigration001 } from './001-app-meta';
import { postgresMigration002 } from './002-metadata';
import { postgresMigration003 } from './003-entities';
import { postgresMigration004 } from './004-tags-and-links';
import { postgresMigration005 } from './005-field-values';
import { postgresMigration006 } from './006-sync-state';
import { postgresMigration007 } from './007-change-log';
import { postgresMigration008 } from './008-full-text';
import { postgresMigration009 } from './009-set-aside';
import { postgresMigration011 } from './011-notes-and-tasks';
import type { PostgresMigration } from './types';

/**
 * Every PostgreSQL migration, in order: one per SQLite migration, with the same version and name
 * (schema-conformance.test.ts holds the two lists to one shape). Append only.
 */
export const postgresMigrations: readonly PostgresMigration[] = [
  postgresMigration001,
  postgresMigration002,
  postgresMigration003,
  postgresMigration004,
  postgresMigration005,
  postgresMigration006,
  postgresMigration007,
  postgresMigration008,
  postgresMigration009,
  postgresMigration011,
];

export type { PostgresMigration } from './types';
