import type { Selectable } from 'kysely';
import type { MirrorEntityType } from './entity-type';

export interface CustomFieldsTable {
  entity_type: MirrorEntityType;
  id: number;
  name: string;
  type: string;
  code: string | null;
  sort: number;
  is_predefined: number;
  /** JSON array of {id, value, sort}. */
  enums: string;
}
export type CustomField = Selectable<CustomFieldsTable>;
