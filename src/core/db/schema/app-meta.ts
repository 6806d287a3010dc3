import type { Insertable, Selectable } from 'kysely';

export interface AppMetaTable {
  key: string;
  value: string;
}

export type AppMeta = Selectable<AppMetaTable>;
export type NewAppMeta = Insertable<AppMetaTable>;
