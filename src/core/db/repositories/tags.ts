import type { KommoTag } from '../../kommo';
import type { MirrorDatabase } from '../open';
import type { MirrorEntityType } from '../schema';
import { idList, statement } from '../statements';
import { writeMetadataList } from './metadata-list';

const LINKS = {
  leads: { table: 'lead_tags', owner: 'lead_id' },
  contacts: { table: 'contact_tags', owner: 'contact_id' },
  companies: { table: 'company_tags', owner: 'company_id' },
} as const;

/**
 * Stores the tags of one entity type (`/{entity}/tags`). With `complete: true` (every page was
 * read) a tag absent from the list no longer exists in Kommo: it is removed, and so are its links
 * to records. Returns true when anything changed.
 */
export function upsertTagList(
  mirror: MirrorDatabase,
  entityType: MirrorEntityType,
  tags: readonly KommoTag[],
  options: { complete?: boolean } = {},
): boolean {
  const sqlite = mirror.sqlite;
  const upsert = statement(
    sqlite,
    `INSERT INTO tags (entity_type, id, name, color) VALUES (?, ?, ?, ?)
     ON CONFLICT (entity_type, id) DO UPDATE SET name = excluded.name, color = excluded.color
     WHERE name IS NOT excluded.name OR color IS NOT excluded.color`,
  );
  const write = (tag: KommoTag) => upsert.run(entityType, tag.id, tag.name, tag.color ?? null).changes > 0;
  const removeAbsent = (keptIds: string) => {
    const gone = statement(sqlite, 'SELECT id FROM tags WHERE entity_type = ? AND id NOT IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(entityType, keptIds) as number[];
    if (gone.length === 0) return false;
    const goneJson = idList(gone);
    const { table, owner } = LINKS[entityType];
    // Their records no longer match the hash they were applied with: let the next copy re-apply.
    statement(
      sqlite,
      `UPDATE ${entityType} SET content_hash = '' WHERE id IN (SELECT ${owner} FROM ${table} WHERE tag_id IN (SELECT value FROM json_each(?)))`,
    ).run(goneJson);
    statement(sqlite, `DELETE FROM ${table} WHERE tag_id IN (SELECT value FROM json_each(?))`).run(goneJson);
    statement(sqlite, 'DELETE FROM tags WHERE entity_type = ? AND id IN (SELECT value FROM json_each(?))').run(entityType, goneJson);
    return true;
  };
  return writeMetadataList(sqlite, tags, options.complete, write, removeAbsent);
}
