import type { MirrorEntityType } from './entity-type';

/** value is JSON the sync engine owns; updated_at is the host's clock in epoch ms. */
export interface SyncCursorsTable {
  stream: string;
  value: string;
  updated_at: number;
}
export interface SyncStateTable {
  key: string;
  value: string;
  updated_at: number;
}
/** A record removed at deleted_at (Unix seconds): older copies of it are not applied again. */
export interface TombstonesTable {
  entity_type: MirrorEntityType;
  id: number;
  deleted_at: number;
}
