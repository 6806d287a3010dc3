import type { Selectable } from 'kysely';
import type { MirrorEntityType } from './entity-type';

/** Tag ids are per entity type in Kommo, so the key is (entity_type, id). */
export interface TagsTable {
  entity_type: MirrorEntityType;
  id: number;
  name: string;
  color: string | null;
}
export type Tag = Selectable<TagsTable>;
