import { describe, expect, it } from 'vitest';
import { databaseAt, insertContact, insertLead, migrateTo } from '../testing/migration-db';

describe('migration 008 full text', () => {
  it('indexes the names and text values already in the mirror', () => {
    const db = databaseAt(7);
    insertLead(db, 1, 'José Pérez');
    insertLead(db, 2, 'Otro');
    db.prepare("INSERT INTO lead_field_values (lead_id, field_id, position, value) VALUES (2, 100, 0, 'Diplomado en Marketing')").run();
    db.prepare('INSERT INTO lead_field_values (lead_id, field_id, position, value) VALUES (1, 101, 0, 424242)').run();
    insertContact(db, 50, 'Ana Núñez');
    migrateTo(db, 8);
    const leads = (match: string) => db.prepare('SELECT rowid FROM leads_fts WHERE leads_fts MATCH ? ORDER BY rowid').pluck().all(match);
    expect(leads('"jose"')).toEqual([1]);
    expect(leads('"diplo"*')).toEqual([2]);
    expect(leads('"424242"')).toEqual([]);
    expect(db.prepare('SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH \'"nunez"\'').pluck().all()).toEqual([50]);
  });

  it('lets a row be replaced (contentless_delete)', () => {
    const db = databaseAt(8);
    db.prepare("INSERT INTO leads_fts (rowid, name, fields) VALUES (1, 'Viejo', '')").run();
    db.prepare('DELETE FROM leads_fts WHERE rowid = 1').run();
    db.prepare("INSERT INTO leads_fts (rowid, name, fields) VALUES (1, 'Nuevo', '')").run();
    expect(db.prepare("SELECT count(*) FROM leads_fts WHERE leads_fts MATCH 'viejo'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM leads_fts WHERE leads_fts MATCH 'nuevo'").pluck().get()).toBe(1);
  });
});
