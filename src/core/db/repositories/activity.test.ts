import { describe, expect, it } from 'vitest';
import type { KommoNote, KommoTask } from '../../kommo';
import type { MirrorDatabase } from '../open';
import { useTestMirror } from '../testing/use-test-mirror';
import { deleteActivity, upsertNotes, upsertTasks } from './activity';

let mirror: MirrorDatabase;
useTestMirror((opened) => (mirror = opened));

const note = (id: number, updatedAt: number, text = 'Hola'): KommoNote => ({
  id,
  entity_id: 7,
  note_type: 'common',
  params: { text },
  created_at: 100,
  updated_at: updatedAt,
});
const task = (id: number, updatedAt: number, done = false): KommoTask => ({
  id,
  entity_id: 7,
  entity_type: 'leads',
  task_type_id: 1,
  text: 'Llamar',
  complete_till: 500,
  responsible_user_id: 3,
  is_completed: done,
  result_text: done ? 'Listo' : null,
  duration: null,
  created_at: 100,
  updated_at: updatedAt,
});

describe('notes and tasks repositories', () => {
  it('apply a copy only if it is not older than the stored one', async () => {
    await mirror.store.transaction((tx) => upsertNotes(tx, 'leads', [note(1, 200, 'nueva')]));
    const result = await mirror.store.transaction((tx) => upsertNotes(tx, 'leads', [note(1, 150, 'vieja')]));
    expect(result).toEqual({ stored: [], stale: [1], leadIds: [] });
    expect(mirror.sqlite.prepare('SELECT params FROM notes').pluck().get()).toBe('{"text":"nueva"}');
  });

  it('do not bring back a deleted note or task from a copy read before the deletion, but a later copy (a restore) applies', async () => {
    await mirror.store.transaction(async (tx) => {
      await upsertNotes(tx, 'leads', [note(1, 200)]);
      await upsertTasks(tx, [task(2, 200)]);
    });
    const leads = await mirror.store.transaction(async (tx) => [
      ...(await deleteActivity(tx, 'notes', new Map([[1, 300]]))),
      ...(await deleteActivity(tx, 'tasks', new Map([[2, 300]]))),
    ]);
    expect(leads).toEqual([7, 7]);
    const stale = await mirror.store.transaction(async (tx) => [
      await upsertNotes(tx, 'leads', [note(1, 250)]),
      await upsertTasks(tx, [task(2, 300, true)]),
    ]);
    expect(stale.map((r) => r.stale)).toEqual([[1], [2]]);
    expect(mirror.sqlite.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0);
    expect(mirror.sqlite.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(0);

    await mirror.store.transaction((tx) => upsertTasks(tx, [task(2, 301, true)]));
    expect(mirror.sqlite.prepare('SELECT is_completed, result_text FROM tasks').get()).toEqual({ is_completed: 1, result_text: 'Listo' });
  });
});
