import type { KommoCustomFieldDefinition } from '../../kommo';
import type { MirrorDatabase } from '../open';
import type { MirrorEntityType } from '../schema';
import { bit, statement } from '../statements';
import { writeMetadataList } from './metadata-list';

/**
 * Stores the custom field definitions of one entity type. With `complete: true` (every page of
 * `/{entity}/custom_fields` was read) definitions absent from the list are removed, including the
 * provisional ones made from records. Returns true when anything changed.
 */
export function upsertCustomFields(
  mirror: MirrorDatabase,
  entityType: MirrorEntityType,
  fields: readonly KommoCustomFieldDefinition[],
  options: { complete?: boolean } = {},
): boolean {
  const sqlite = mirror.sqlite;
  const upsert = statement(
    sqlite,
    `INSERT INTO custom_fields (entity_type, id, name, type, code, sort, is_predefined, enums)
     VALUES (@entity_type, @id, @name, @type, @code, @sort, @is_predefined, @enums)
     ON CONFLICT (entity_type, id) DO UPDATE SET name = excluded.name, type = excluded.type, code = excluded.code,
       sort = excluded.sort, is_predefined = excluded.is_predefined, enums = excluded.enums
     WHERE name IS NOT excluded.name OR type IS NOT excluded.type OR code IS NOT excluded.code OR sort IS NOT excluded.sort
       OR is_predefined IS NOT excluded.is_predefined OR enums IS NOT excluded.enums`,
  );
  const write = (field: KommoCustomFieldDefinition) => {
    const enums = (field.enums ?? []).map((e) => ({ id: e.id, value: e.value, sort: e.sort }));
    const info = upsert.run({
      entity_type: entityType,
      id: field.id,
      name: field.name,
      type: field.type,
      code: field.code ?? null,
      sort: field.sort,
      is_predefined: bit(field.is_predefined),
      enums: JSON.stringify(enums),
    });
    return info.changes > 0;
  };
  const removeAbsent = (keptIds: string) =>
    statement(sqlite, 'DELETE FROM custom_fields WHERE entity_type = ? AND id NOT IN (SELECT value FROM json_each(?))').run(
      entityType,
      keptIds,
    ).changes > 0;
  return writeMetadataList(sqlite, fields, options.complete, write, removeAbsent);
}
