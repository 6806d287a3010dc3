import type { KommoTag } from '../../kommo';
import type { MirrorEntityType } from '../schema';
import type { SqlSession } from '../sql/session';
import { writeMetadataList } from './metadata-list';
import { upsertTagSql } from './record-parts';

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
  session: SqlSession,
  entityType: MirrorEntityType,
  tags: readonly KommoTag[],
  options: { complete?: boolean } = {},
): Promise<boolean> {
  const write = async (tx: SqlSession, tag: KommoTag) =>
    (await tx.run(upsertTagSql(tx), [entityType, tag.id, tag.name, tag.color ?? null])).changes > 0;
  const removeAbsent = async (tx: SqlSession, keptIds: number[]) => {
    const d = tx.dialect;
    const gone = await tx.all<{ id: number }>(`SELECT id FROM tags WHERE entity_type = ? AND id NOT IN (${d.idsIn('?')})`, [
      entityType,
      d.bindIds(keptIds),
    ]);
    if (gone.length === 0) return false;
    const goneIds = d.bindIds(gone.map((t) => t.id));
    const { table, owner } = LINKS[entityType];
    // Their records no longer match the hash they were applied with: let the next copy re-apply.
    await tx.run(
      `UPDATE ${entityType} SET content_hash = '' WHERE id IN (SELECT ${owner} FROM ${table} WHERE tag_id IN (${d.idsIn('?')}))`,
      [goneIds],
    );
    await tx.run(`DELETE FROM ${table} WHERE tag_id IN (${d.idsIn('?')})`, [goneIds]);
    await tx.run(`DELETE FROM tags WHERE entity_type = ? AND id IN (${d.idsIn('?')})`, [entityType, goneIds]);
    return true;
  };
  return writeMetadataList(session, tags, options.complete, write, removeAbsent);
}
