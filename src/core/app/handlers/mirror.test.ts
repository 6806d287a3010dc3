import { describe, expect, it } from 'vitest';
import { REQUEST_NAMES, type Handlers } from '../../../common/contract';
import { mirrorRequests } from '../../../common/contract/mirror';
import { type MirrorDatabase, setAside } from '../../db';
import { seedMirror, useTestMirror } from '../../db/testing';
import { dispatchRequest } from '../../host/dispatch';
import { silentLogger } from '../../log';
import { mirrorHandlers } from './mirror';

let mirror: MirrorDatabase;
let handlers: Handlers;
useTestMirror(async (opened) => {
  mirror = opened;
  await seedMirror(mirror);
  handlers = mirrorHandlers(mirror) as Handlers;
});

const call = (name: string, args: unknown) => dispatchRequest(handlers, name, args, silentLogger);

describe('mirror handlers', () => {
  it('are registered in the contract, one per request', async () => {
    for (const name of Object.keys(mirrorRequests)) expect(REQUEST_NAMES).toContain(name);
    expect(Object.keys(mirrorHandlers(mirror)).sort()).toEqual(Object.keys(mirrorRequests).sort());
  });

  it('answer leads.list with the contract defaults (updated, newest first, 100 rows)', async () => {
    const result = await call('leads.list', {});
    expect(result).toMatchObject({ ok: true, value: { total: 4 } });
    if (result.ok) expect((result.value as { rows: Array<{ id: number }> }).rows.map((r) => r.id)).toEqual([1, 2, 3, 4]);
  });

  it('run every request end to end', async () => {
    expect(await call('meta.get', {})).toMatchObject({ ok: true, value: { currentUserId: 7 } });
    expect(await call('leads.get', { id: 3 })).toMatchObject({ ok: true, value: { id: 3, contacts: [{ id: 52, isMain: true }] } });
    expect(await call('leads.board', { pipelineId: 2 })).toMatchObject({
      ok: true,
      value: [{ statusId: 30, count: 0 }, { statusId: 142, count: 1, priceTotal: 300 }, { statusId: 143 }],
    });
    expect(await call('contacts.list', { filter: { phone: '912-345-678' } })).toMatchObject({
      ok: true,
      value: { total: 1, rows: [{ id: 51 }] },
    });
    expect(await call('contacts.get', { id: 52 })).toMatchObject({ ok: true, value: { leads: [{ id: 3 }] } });
    expect(await call('tags.list', { entityType: 'leads' })).toMatchObject({
      ok: true,
      value: [
        { name: 'VIP', count: 2 },
        { name: 'Web', count: 2 },
      ],
    });
    expect(await call('phone.search', { query: '+51 944 111 222' })).toMatchObject({
      ok: true,
      value: { matchedBy: 'exact', contacts: [{ id: 52 }] },
    });
    await setAside(mirror.store, 'contacts', [{ id: 77, reason: 'name: invalid_type' }], 1_700_000_000_000);
    expect(await call('setAside.list', {})).toEqual({
      ok: true,
      value: { total: 1, records: [{ entity: 'contacts', id: 77, reason: 'name: invalid_type', at: 1_700_000_000_000 }] },
    });
  });

  it('read committed pages only: a list asked while the writer’s transaction is open answers from the last commit', async () => {
    let asked: ReturnType<typeof call> | null = null;
    await mirror.store.transaction(async (tx) => {
      await tx.run('DELETE FROM leads');
      // The handler's query runs now, inside the writer's open transaction.
      asked = call('leads.list', {});
    });
    expect(await asked).toMatchObject({ ok: true, value: { total: 4 } });
    expect(await call('leads.list', {})).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('reject invalid arguments before any SQL runs, and survive hostile text', async () => {
    expect(await call('leads.list', { sort: { field: 'id; DROP TABLE leads', direction: 'asc' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await call('leads.list', { filter: { tagIds: [-1] } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('leads.list', { filter: { text: '"foo" OR bar* \'); DROP TABLE leads; --' } })).toMatchObject({
      ok: true,
      value: { total: 0 },
    });
    expect(mirror.sqlite.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(4);
  });
});
