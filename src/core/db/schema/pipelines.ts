import type { Selectable } from 'kysely';

/** Booleans are stored as 0/1. */
export interface PipelinesTable {
  id: number;
  name: string;
  sort: number;
  is_main: number;
  is_unsorted_on: number;
  is_archive: number;
}
export type Pipeline = Selectable<PipelinesTable>;
