import type { AppMetaTable } from './app-meta';

/** The typed shape of the mirror, one file per table. */
export interface DB {
  app_meta: AppMetaTable;
}
