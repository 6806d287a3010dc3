import type { MirrorDatabase } from '../open';
import { statement } from '../statements';
import type { LeadFilterInput } from './filters';
import type { SortSeek } from './plans';
import { IDS, idsParam, placeholders } from './sql';

/**
 * Seeks for a sort key that the filter pins to a few values (see SortSeek). Each lists every value
 * the key can hold for a match, so it never drops one: a record whose stage or user the metadata
 * does not know has the key 0 or '' (repositories/leads.ts), which is always listed too.
 */

function seekIn(column: string, values: readonly unknown[]): SortSeek {
  const unique = [...new Set(values)];
  return { sql: `${column} IN ${placeholders(unique.length)}`, params: unique };
}

/** Sorted by stage, filtered by stages or pipelines: the ranks of those stages. */
export function stageSeek(
  mirror: MirrorDatabase,
  alias: string,
  filter: Partial<Pick<LeadFilterInput, 'stages' | 'pipelineIds'>>,
): SortSeek | null {
  let ranks: number[];
  if (filter.stages?.length) {
    ranks = statement(
      mirror.sqlite,
      `SELECT s.rank FROM statuses s JOIN json_each(?) j ON s.pipeline_id = j.value ->> 0 AND s.id = j.value ->> 1`,
    )
      .pluck()
      .all(JSON.stringify(filter.stages.map((stage) => [stage.pipelineId, stage.statusId]))) as number[];
  } else if (filter.pipelineIds?.length) {
    ranks = statement(mirror.sqlite, `SELECT rank FROM statuses WHERE pipeline_id IN ${IDS}`)
      .pluck()
      .all(idsParam(filter.pipelineIds)) as number[];
  } else return null;
  return seekIn(`${alias}.sort_status`, [...ranks, 0]);
}

/**
 * Sorted by responsible, filtered by responsible users: their names. 'sort' when one of them is
 * no longer in the users list: their records may keep the name they had, which no seek can know.
 */
export function responsibleSeek(mirror: MirrorDatabase, alias: string, userIds: readonly number[] | undefined): SortSeek | 'sort' | null {
  if (!userIds?.length) return null;
  const unique = [...new Set(userIds)];
  const names = statement(mirror.sqlite, `SELECT sort_name FROM users WHERE id IN ${IDS}`).pluck().all(idsParam(unique)) as string[];
  if (names.length < unique.length) return 'sort';
  return seekIn(`${alias}.sort_responsible`, [...names, '']);
}
