import { describe, expect, it } from 'vitest';
import { useSyncHarness, type Harness } from '../../../test/helpers/sync-harness';

const harness = useSyncHarness();

const activityUpdates = (h: Harness) =>
  h.emitted.filter((e) => e.name === 'activity_update').map((e) => e.payload as { leadIds: number[]; tasks: boolean });
const count = (h: Harness, table: string) => h.mirror.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const userOf = (h: Harness) => h.sim.control.snapshot().users[0]!.id;

describe('notes and tasks', () => {
  it('are downloaded after the records, then kept current incrementally: new, edited and completed', async () => {
    const h = await harness({ sim: { notesAndTasks: true, leads: 120, contacts: 80 } });
    await h.engine.runOnce();
    expect(h.differences()).toEqual([]);
    expect(count(h, 'notes')).toBeGreaterThan(100);
    expect(count(h, 'tasks')).toBeGreaterThan(50);

    const snap = h.sim.control.snapshot();
    const lead = snap.leads[0]!;
    const open = snap.tasks.find((t) => !t.is_completed)!;
    h.sim.control.advanceClock({ seconds: 30 });
    const call = h.sim.control.addNote({
      entity: 'leads',
      id: lead.id,
      noteType: 'call_out',
      params: { uniq: 'c-1', duration: 184, source: 'Central', phone: '+51 987 654 321', call_result: 'Interesado' },
    });
    const task = h.sim.control.addTask({ entityId: lead.id, text: 'Llamar el lunes', completeTill: snap.now + 86_400, actor: userOf(h) });
    h.sim.control.completeTask({ id: open.id, result: 'Aceptó la propuesta' });
    h.emitted.length = 0;
    await h.engine.runOnce();

    expect(h.differences()).toEqual([]);
    const stored = h.mirror.sqlite.prepare('SELECT note_type, params FROM notes WHERE id = ?').get(call.id) as {
      note_type: string;
      params: string;
    };
    expect(stored.note_type).toBe('call_out');
    expect(JSON.parse(stored.params)).toMatchObject({ duration: 184, call_result: 'Interesado' });
    expect(h.mirror.sqlite.prepare('SELECT text, is_completed FROM tasks WHERE id = ?').get(task.id)).toEqual({
      text: 'Llamar el lunes',
      is_completed: 0,
    });
    expect(h.mirror.sqlite.prepare('SELECT is_completed, result_text FROM tasks WHERE id = ?').get(open.id)).toEqual({
      is_completed: 1,
      result_text: 'Aceptó la propuesta',
    });
    expect(activityUpdates(h).flatMap((u) => u.leadIds)).toContain(lead.id);
    expect(activityUpdates(h).some((u) => u.tasks)).toBe(true);
  });

  it('an idle cycle asks each list once and Kommo answers 204', async () => {
    const h = await harness();
    await h.engine.runOnce();
    h.sim.control.resetCounters();
    await h.engine.runOnce();
    const log = h.sim.control.requestLog({ limit: 100 });
    for (const path of ['/api/v4/leads/notes', '/api/v4/contacts/notes', '/api/v4/tasks']) {
      const asked = log.filter((e) => e.endpoint === `GET ${path}`);
      expect({ path, requests: asked.length, statuses: asked.map((e) => e.status) }).toEqual({ path, requests: 1, statuses: [204] });
    }
  });

  it('removes deleted notes and tasks from the events feed, and an older copy does not bring them back', async () => {
    const h = await harness({ sim: { notesAndTasks: true, leads: 60, contacts: 40 } });
    await h.engine.runOnce();
    const snap = h.sim.control.snapshot();
    const note = snap.notes.find((n) => n.entity_type === 'leads')!;
    const task = snap.tasks.find((t) => t.entity_type === 'leads')!;
    h.sim.control.advanceClock({ seconds: 30 });
    h.sim.control.deleteNote({ id: note.id });
    h.sim.control.deleteTask({ id: task.id });
    h.emitted.length = 0;
    await h.engine.runOnce();

    expect(h.differences()).toEqual([]);
    expect(h.mirror.sqlite.prepare('SELECT count(*) FROM notes WHERE id = ?').pluck().get(note.id)).toBe(0);
    expect(h.mirror.sqlite.prepare('SELECT count(*) FROM tasks WHERE id = ?').pluck().get(task.id)).toBe(0);
    expect(activityUpdates(h).flatMap((u) => u.leadIds)).toEqual(expect.arrayContaining([note.entity_id, task.entity_id]));
    expect(count(h, 'activity_tombstones')).toBe(2);
  });

  it('keeps a note of a type it does not know, params and all', async () => {
    const h = await harness();
    await h.engine.runOnce();
    const lead = h.sim.control.snapshot().leads[0]!;
    const params = { score: 0.93, summary: 'Cliente listo para comprar', tags: ['a', 'b'] };
    const note = h.sim.control.addNote({ entity: 'leads', id: lead.id, noteType: 'ai_result_v9', params });
    await h.engine.runOnce();
    const stored = h.mirror.sqlite.prepare('SELECT note_type, params FROM notes WHERE id = ?').get(note.id) as {
      note_type: string;
      params: string;
    };
    expect(stored.note_type).toBe('ai_result_v9');
    expect(JSON.parse(stored.params)).toEqual(params);
  });

  it('skips a malformed note with a clear log line, stores the rest of its page and loses nothing committed', async () => {
    const h = await harness();
    const [a, b] = h.sim.control.snapshot().leads;
    const kept = h.sim.control.addNote({ entity: 'leads', id: a!.id, text: 'Primera nota' });
    await h.engine.runOnce();
    expect(count(h, 'notes')).toBe(1);

    h.sim.control.advanceClock({ seconds: 30 });
    const bad = h.sim.control.addNote({ entity: 'leads', id: a!.id, noteType: '', params: { text: 'sin tipo' } });
    const good = h.sim.control.addNote({ entity: 'leads', id: b!.id, text: 'Segunda nota' });
    await h.engine.runOnce();

    const ids = h.mirror.sqlite.prepare('SELECT id FROM notes ORDER BY id').pluck().all();
    expect(ids).toEqual([kept.id, good.id].sort((x, y) => x - y));
    const warning = h.logs.find((r) => r.level === 'warn' && /lead_notes records the mirror cannot read/.test(r.message));
    expect(warning?.data).toMatchObject({ ids: [bad.id], problems: [expect.stringMatching(/note_type/)] });
  });
});
