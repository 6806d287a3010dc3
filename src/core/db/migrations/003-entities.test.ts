import { describe, expect, it } from 'vitest';
import { databaseAt, indexNames, insertLead, migrateTo } from '../testing/migration-db';

describe('migration 003 entities', () => {
  it('keeps the metadata and adds leads, contacts and companies with the stable column names', () => {
    const db = databaseAt(2);
    db.prepare("INSERT INTO users (id, name, email, lang, sort_name) VALUES (7, 'Ana', NULL, 'es', 'ana')").run();
    migrateTo(db, 3);
    expect(db.prepare('SELECT name FROM users WHERE id = 7').pluck().get()).toBe('Ana');
    const columns = db.prepare("SELECT name FROM pragma_table_info('leads')").pluck().all();
    expect(columns).toEqual(
      expect.arrayContaining([
        'id',
        'name',
        'updated_at',
        'price',
        'status_id',
        'pipeline_id',
        'responsible_user_id',
        'created_at',
        'closed_at',
      ]),
    );
    for (const table of ['contacts', 'companies']) {
      expect(db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all()).toEqual(
        expect.arrayContaining(['id', 'name', 'updated_at']),
      );
    }
  });

  it('stores a lead and refuses wrongly typed values (STRICT)', () => {
    const db = databaseAt(3);
    insertLead(db, 10, 'Marcelo');
    expect(db.prepare('SELECT name, price FROM leads').get()).toEqual({ name: 'Marcelo', price: 100 });
    expect(() => db.prepare("UPDATE leads SET price = 'mucho' WHERE id = 10").run()).toThrow(/cannot store TEXT/);
  });

  it('has an index for every filter and sort key', () => {
    const db = databaseAt(3);
    expect(indexNames(db, 'leads')).toEqual([
      'leads_by_contact_name',
      'leads_by_created',
      'leads_by_name',
      'leads_by_price',
      'leads_by_responsible',
      'leads_by_responsible_name',
      'leads_by_stage',
      'leads_by_status_rank',
      'leads_by_updated',
    ]);
  });
});
