import type { KommoCustomFieldDefinition } from '../../kommo';
import type { MirrorEntityType } from '../schema';
import { perDialect } from '../sql/per-dialect';
import type { SqlSession } from '../sql/session';
import { bit } from '../statements';
import { writeMetadataList } from './metadata-list';

const CHANGED_COLUMNS = ['name', 'type', 'code', 'sort', 'is_predefined', 'enums'];

const UPSERT_FIELD = perDialect(
  (d) => `INSERT INTO custom_fields (entity_type, id, name, type, code, sort, is_predefined, enums)
     VALUES (@entity_type, @id, @name, @type, @code, @sort, @is_predefined, @enums)
     ON CONFLICT (entity_type, id) DO UPDATE SET name = excluded.name, type = excluded.type, code = excluded.code,
       sort = excluded.sort, is_predefined = excluded.is_predefined, enums = excluded.enums
     WHERE ${CHANGED_COLUMNS.map((c) => d.differs(`custom_fields.${c}`, `excluded.${c}`)).join(' OR ')}`,
);

/**
 * Stores the custom field definitions of one entity type. With `complete: true` (every page of
 * `/{entity}/custom_fields` was read) definitions absent from the list are removed, including the
 * provisional ones made from records. Returns true when anything changed.
 */
export function upsertCustomFields(
  session: SqlSession,
  entityType: MirrorEntityType,
  fields: readonly KommoCustomFieldDefinition[],
  options: { complete?: boolean } = {},
): Promise<boolean> {
  const write = async (tx: SqlSession, field: KommoCustomFieldDefinition) => {
    const enums = (field.enums ?? []).map((e) => ({ id: e.id, value: e.value, sort: e.sort }));
    const info = await tx.run(UPSERT_FIELD(tx), {
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
  const removeAbsent = async (tx: SqlSession, keptIds: number[]) =>
    (
      await tx.run(`DELETE FROM custom_fields WHERE entity_type = ? AND id NOT IN (${tx.dialect.idsIn('?')})`, [
        entityType,
        tx.dialect.bindIds(keptIds),
      ])
    ).changes > 0;
  return writeMetadataList(session, fields, options.complete, write, removeAbsent);
}
