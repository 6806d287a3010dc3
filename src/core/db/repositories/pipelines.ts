import type { KommoPipeline } from '../../kommo';
import { atomically } from '../sql/atomic';
import { perDialect } from '../sql/per-dialect';
import type { SqlSession } from '../sql/session';
import { bit } from '../statements';

const RERANK_LEADS = perDialect(
  (d) => `UPDATE leads SET sort_status = r.rank
       FROM (SELECT l.id, coalesce(s.rank, 0) AS rank FROM leads l LEFT JOIN statuses s ON s.pipeline_id = l.pipeline_id AND s.id = l.status_id) AS r
       WHERE leads.id = r.id AND ${d.differs('leads.sort_status', 'r.rank')}`,
);

/**
 * Replaces every pipeline and stage with the account's full list (`/leads/pipelines` is not
 * paginated, so the list is always complete). Each stage gets a rank across pipelines (pipeline
 * order, then stage order) that leads sort by; when ranks move, leads get their new key. Returns
 * true when anything changed.
 */
export function replacePipelines(session: SqlSession, pipelines: readonly KommoPipeline[]): Promise<boolean> {
  return atomically(session, async (tx) => {
    const before = await snapshot(tx);
    await tx.run('DELETE FROM statuses');
    await tx.run('DELETE FROM pipelines');
    let rank = 0;
    const ordered = [...pipelines].sort((a, b) => a.sort - b.sort || a.id - b.id);
    for (const p of ordered) {
      await tx.run('INSERT INTO pipelines (id, name, sort, is_main, is_unsorted_on, is_archive) VALUES (?, ?, ?, ?, ?, ?)', [
        p.id,
        p.name,
        p.sort,
        bit(p.is_main),
        bit(p.is_unsorted_on),
        bit(p.is_archive),
      ]);
      const statuses = [...p._embedded.statuses].sort((a, b) => a.sort - b.sort || a.id - b.id);
      for (const s of statuses) {
        rank += 1;
        // A stage listed twice keeps its last copy (the list was emptied above, so this is the only conflict).
        await tx.run(
          `INSERT INTO statuses (pipeline_id, id, name, sort, color, type, is_editable, rank) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (pipeline_id, id) DO UPDATE SET name = excluded.name, sort = excluded.sort, color = excluded.color,
             type = excluded.type, is_editable = excluded.is_editable, rank = excluded.rank`,
          [p.id, s.id, s.name, s.sort, s.color, s.type, bit(s.is_editable ?? true), rank],
        );
      }
    }
    if ((await snapshot(tx)) === before) return false;
    await tx.run(RERANK_LEADS(tx));
    return true;
  });
}

async function snapshot(tx: SqlSession): Promise<string> {
  const pipelines = await tx.all('SELECT * FROM pipelines ORDER BY id');
  const statuses = await tx.all('SELECT * FROM statuses ORDER BY pipeline_id, id');
  return JSON.stringify([pipelines, statuses]);
}
