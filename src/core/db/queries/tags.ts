import type { EntityType, TagWithCount } from '../../../common/model/mirror';
import type { MirrorDatabase } from '../open';
import { statement } from '../statements';

const LINKS: Record<EntityType, string> = { leads: 'lead_tags', contacts: 'contact_tags', companies: 'company_tags' };

/** The SQL for tag counts, exported for EXPLAIN QUERY PLAN tests: each count reads the tag's index range only. */
export const tagListSql = (entityType: EntityType) =>
  `SELECT t.id, t.name, t.color, (SELECT count(*) FROM ${LINKS[entityType]} x WHERE x.tag_id = t.id) AS count
   FROM tags t WHERE t.entity_type = ? ORDER BY t.name COLLATE NOCASE, t.id`;

export function listTags(mirror: MirrorDatabase, entityType: EntityType): TagWithCount[] {
  const rows = statement(mirror.sqlite, tagListSql(entityType)).all(entityType) as Array<{
    id: number;
    name: string;
    color: string | null;
    count: number;
  }>;
  return rows.map((r) => ({ ...r, entityType }));
}
