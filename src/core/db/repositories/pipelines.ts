import type { KommoPipeline } from '../../kommo';
import type { MirrorDatabase } from '../open';
import { atomically, bit, statement } from '../statements';

/**
 * Replaces every pipeline and stage with the account's full list (`/leads/pipelines` is not
 * paginated, so the list is always complete). Each stage gets a rank across pipelines (pipeline
 * order, then stage order) that leads sort by; when ranks move, leads get their new key. Returns
 * true when anything changed.
 */
export function replacePipelines(mirror: MirrorDatabase, pipelines: readonly KommoPipeline[]): boolean {
  const sqlite = mirror.sqlite;
  return atomically(sqlite, () => {
    const before = snapshot(mirror);
    statement(sqlite, 'DELETE FROM statuses').run();
    statement(sqlite, 'DELETE FROM pipelines').run();
    const pipeline = statement(
      sqlite,
      'INSERT INTO pipelines (id, name, sort, is_main, is_unsorted_on, is_archive) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const status = statement(
      sqlite,
      'INSERT OR REPLACE INTO statuses (pipeline_id, id, name, sort, color, type, is_editable, rank) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    let rank = 0;
    const ordered = [...pipelines].sort((a, b) => a.sort - b.sort || a.id - b.id);
    for (const p of ordered) {
      pipeline.run(p.id, p.name, p.sort, bit(p.is_main), bit(p.is_unsorted_on), bit(p.is_archive));
      const statuses = [...p._embedded.statuses].sort((a, b) => a.sort - b.sort || a.id - b.id);
      for (const s of statuses) {
        rank += 1;
        status.run(p.id, s.id, s.name, s.sort, s.color, s.type, bit(s.is_editable ?? true), rank);
      }
    }
    if (snapshot(mirror) === before) return false;
    statement(
      sqlite,
      `UPDATE leads SET sort_status = r.rank
       FROM (SELECT l.id, coalesce(s.rank, 0) AS rank FROM leads l LEFT JOIN statuses s ON s.pipeline_id = l.pipeline_id AND s.id = l.status_id) AS r
       WHERE leads.id = r.id AND leads.sort_status IS NOT r.rank`,
    ).run();
    return true;
  });
}

function snapshot(mirror: MirrorDatabase): string {
  const pipelines = statement(mirror.sqlite, 'SELECT * FROM pipelines ORDER BY id').all();
  const statuses = statement(mirror.sqlite, 'SELECT * FROM statuses ORDER BY pipeline_id, id').all();
  return JSON.stringify([pipelines, statuses]);
}
