import type { Migration } from './types';
import { migration001 } from './001-app-meta';
import { migration002 } from './002-metadata';
import { migration003 } from './003-entities';
import { migration004 } from './004-tags-and-links';
import { migration005 } from './005-field-values';
import { migration006 } from './006-sync-state';
import { migration007 } from './007-change-log';
import { migration008 } from './008-full-text';
import { migration009 } from './009-set-aside';
import { migration011 } from './011-notes-and-tasks';

/** Every migration, in order. Append only: a released migration is never edited. */
export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  // 010 (loss reasons) lands from another branch; the lists are reconciled when both merge.
  migration011,
];

export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;
