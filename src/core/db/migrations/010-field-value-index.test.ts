import { describe, expect, it } from 'vitest';
import { databaseAt, insertLead, migrateTo } from '../testing/migration-db';

describe('migration 010 custom field value index', () => {
  it('keeps the values and reads one field by its option from the index alone', () => {
    const db = databaseAt(9);
    insertLead(db, 1);
    db.prepare('INSERT INTO lead_field_values (lead_id, field_id, position, value, enum_id) VALUES (1, 100, 0, ?, 7)').run('Feria');
    migrateTo(db, 10);
    const query = 'SELECT DISTINCT v.lead_id FROM lead_field_values v WHERE v.field_id = ? AND v.enum_id IN (?)';
    expect(db.prepare(query).pluck().all(100, 7)).toEqual([1]);
    const plan = JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN ${query}`).all(100, 7));
    expect(plan).toContain('COVERING INDEX lead_field_values_by_field');
    const contacts = JSON.stringify(db.prepare('EXPLAIN QUERY PLAN SELECT contact_id FROM contact_field_values WHERE field_id = 3').all());
    expect(contacts).toContain('contact_field_values_by_field');
  });
});
