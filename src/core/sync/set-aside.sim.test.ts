import { describe, expect, it } from 'vitest';
import { useSyncHarness } from '../../../test/helpers/sync-harness';
import { countRecords, listSetAside } from '../db';

const harness = useSyncHarness();

describe('records the mirror cannot keep as they are', () => {
  it('keeps what can be stored of a lead with absurd numbers, sets aside what cannot be, and mirrors every other record', async () => {
    const h = await harness({ sim: { leads: 1000, contacts: 300 }, sync: { pageLimit: 100 } });
    const [absurd, nameless, badTag] = h.sim.control.snapshot().leads;
    const contact = h.sim.control.snapshot().contacts[0]!;
    h.sim.control.corrupt({
      entity: 'leads',
      id: absurd!.id,
      fields: { price: 1e308, score: 1e308, created_at: absurd!.created_at + 0.75 },
      raw: { closed_at: '1.5e19' },
    });
    h.sim.control.corrupt({ entity: 'leads', id: nameless!.id, fields: { updated_at: 1e308 } });
    h.sim.control.corrupt({ entity: 'leads', id: badTag!.id, fields: { _embedded: { tags: [{ id: 'x', name: 'bad' }] } } });
    h.sim.control.corrupt({ entity: 'contacts', id: contact.id, fields: { name: null } });

    await h.engine.runOnce();

    expect(await countRecords(h.mirror.store, 'leads')).toBe(998);
    expect(await countRecords(h.mirror.store, 'contacts')).toBe(299);
    const stored = h.mirror.sqlite.prepare('SELECT price, score, created_at, closed_at FROM leads WHERE id = ?').get(absurd!.id);
    expect(stored).toEqual({ price: 0, score: null, created_at: absurd!.created_at, closed_at: null });
    expect((await listSetAside(h.mirror.store, 10)).map(({ entity, id, reason }) => ({ entity, id, field: reason.split(':')[0] }))).toEqual(
      expect.arrayContaining([
        { entity: 'leads', id: nameless!.id, field: 'updated_at' },
        { entity: 'leads', id: badTag!.id, field: '_embedded.tags.0.id' },
        { entity: 'contacts', id: contact.id, field: 'name' },
      ]),
    );
    expect(h.engine.status()).toMatchObject({ state: 'idle', initialSyncComplete: true, setAside: 3 });

    // Kommo fixes the contact: its next change reaches the mirror and it leaves the list.
    h.sim.control.clearCorruptions({ entity: 'contacts' });
    h.sim.control.advanceClock({ seconds: 60 });
    h.sim.control.update({ entity: 'contacts', id: contact.id, data: { name: 'Fixed' } });
    h.sim.control.advanceClock({ seconds: 60 });
    await h.engine.runOnce();
    expect(h.mirror.sqlite.prepare('SELECT name FROM contacts WHERE id = ?').pluck().get(contact.id)).toBe('Fixed');
    expect((await listSetAside(h.mirror.store, 10)).map((r) => r.id).sort()).toEqual([nameless!.id, badTag!.id].sort());
    expect(h.engine.status().setAside).toBe(2);
  });

  it('a page made only of set-aside records does not stop the keyset: the records after it are read', async () => {
    const h = await harness({ sim: { leads: 400, contacts: 10 }, sync: { pageLimit: 50, initialReaders: 1 } });
    const oldest = [...h.sim.control.snapshot().leads].sort((a, b) => a.updated_at - b.updated_at || a.id - b.id).slice(0, 50);
    for (const lead of oldest) h.sim.control.corrupt({ entity: 'leads', id: lead.id, fields: { name: 42 } });
    await h.engine.runOnce();
    expect(await countRecords(h.mirror.store, 'leads')).toBe(350);
    expect(await listSetAside(h.mirror.store, 100)).toHaveLength(50);
  });

  it('the first download reads an entity whose newest record is set aside, whatever time that record gives', async () => {
    const h = await harness({ sim: { leads: 300, contacts: 200 }, sync: { pageLimit: 50 } });
    const newest = <T extends { id: number; updated_at: number }>(records: T[]) =>
      [...records].sort((a, b) => b.updated_at - a.updated_at || b.id - a.id)[0]!;
    const contact = newest(h.sim.control.snapshot().contacts);
    const lead = newest(h.sim.control.snapshot().leads);
    // The download plans each entity's range from its newest record: one set aside still says the
    // entity has records, and a time it gives (here one before every other) bounds nothing.
    h.sim.control.corrupt({ entity: 'contacts', id: contact.id, fields: { name: 42 } });
    h.sim.control.corrupt({ entity: 'leads', id: lead.id, fields: { updated_at: -5 } });
    await h.engine.runOnce();
    expect(await countRecords(h.mirror.store, 'contacts')).toBe(199);
    expect(await countRecords(h.mirror.store, 'leads')).toBe(299);
    expect((await listSetAside(h.mirror.store, 10)).map((r) => `${r.entity}:${r.id}`).sort()).toEqual(
      [`contacts:${contact.id}`, `leads:${lead.id}`].sort(),
    );
  });

  it('a record SQLite still refuses is set aside alone: the rest of its page and the cursor are committed', async () => {
    const h = await harness({ sim: { leads: 300, contacts: 10 }, sync: { pageLimit: 100 } });
    const refused = h.sim.control.snapshot().leads[7]!;
    // A stand-in for any constraint a validated record could still break.
    h.mirror.sqlite.exec(
      `CREATE TRIGGER refuse BEFORE INSERT ON leads WHEN NEW.id = ${refused.id} BEGIN SELECT RAISE(ABORT, 'refused'); END`,
    );
    await h.engine.runOnce();
    expect(await countRecords(h.mirror.store, 'leads')).toBe(299);
    expect(await listSetAside(h.mirror.store, 10)).toEqual([
      expect.objectContaining({ entity: 'leads', id: refused.id, reason: 'not storable: SQLITE_CONSTRAINT_TRIGGER' }),
    ]);
    h.mirror.sqlite.exec('DROP TRIGGER refuse');
    h.sim.control.advanceClock({ seconds: 60 });
    h.sim.control.update({ entity: 'leads', id: refused.id, data: { name: 'Changed in Kommo' } });
    h.sim.control.advanceClock({ seconds: 60 });
    await h.engine.runOnce();
    expect(await countRecords(h.mirror.store, 'leads')).toBe(300);
    expect(await listSetAside(h.mirror.store, 10)).toEqual([]);
  });

  it('a reconcile keeps the stored copy of a record Kommo still lists but now sends unusable', async () => {
    const h = await harness({ sim: { leads: 200, contacts: 50 }, sync: { eventRetentionSeconds: 3600 } });
    await h.engine.runOnce();
    const lead = h.sim.control.snapshot().leads[3]!;
    // Away longer than Kommo keeps events: the next cycle lists every record and sweeps what is missing.
    h.sim.control.advanceClock({ seconds: 7200 });
    h.sim.control.corrupt({ entity: 'leads', id: lead.id, fields: { name: null } });
    await h.engine.runOnce();
    expect(h.mirror.sqlite.prepare('SELECT name FROM leads WHERE id = ?').pluck().get(lead.id)).toBe(lead.name);
    expect((await listSetAside(h.mirror.store, 10)).map((r) => r.id)).toEqual([lead.id]);
  });
});
