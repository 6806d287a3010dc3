import type { Migration } from './types';
import { migration001 } from './001-app-meta';

/** Every migration, in order. Append only: a released migration is never edited. */
export const migrations: readonly Migration[] = [migration001];

export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;
