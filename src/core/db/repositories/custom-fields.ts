import type { KommoCustomFieldDefinition } from '../../kommo/entities';
import type { MirrorDatabase } from '../open';
import type { MirrorEntityType } from '../schema';
import { atomically, bit, idList, statement } from '../statements';

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
  return atomically(sqlite, () => {
    let changed = false;
    const upsert = statement(
      sqlite,
      `INSERT INTO custom_fields (entity_type, id, name, type, code, sort, is_predefined, enums)
       VALUES (@entity_type, @id, @name, @type, @code, @sort, @is_predefined, @enums)
       ON CONFLICT (entity_type, id) DO UPDATE SET name = excluded.name, type = excluded.type, code = excluded.code,
         sort = excluded.sort, is_predefined = excluded.is_predefined, enums = excluded.enums
       WHERE name IS NOT excluded.name OR type IS NOT excluded.type OR code IS NOT excluded.code OR sort IS NOT excluded.sort
         OR is_predefined IS NOT excluded.is_predefined OR enums IS NOT excluded.enums`,
    );
    for (const field of fields) {
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
      changed ||= info.changes > 0;
    }
    if (options.complete) {
      const removed = statement(sqlite, 'DELETE FROM custom_fields WHERE entity_type = ? AND id NOT IN (SELECT value FROM json_each(?))').run(
        entityType,
        idList(fields.map((f) => f.id)),
      );
      changed ||= removed.changes > 0;
    }
    return changed;
  });
}
