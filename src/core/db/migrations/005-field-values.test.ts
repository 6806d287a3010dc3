import { describe, expect, it } from 'vitest';
import { databaseAt, insertContact, insertLead, migrateTo } from '../testing/migration-db';

describe('migration 005 field values, phones and emails', () => {
  it('keeps existing records and stores values of every kind', () => {
    const db = databaseAt(4);
    insertLead(db, 1);
    insertContact(db, 50);
    db.prepare('INSERT INTO lead_tags (lead_id, tag_id) VALUES (1, 9)').run();
    migrateTo(db, 5);
    expect(db.prepare('SELECT tag_id FROM lead_tags').pluck().all()).toEqual([9]);
    const value = db.prepare(
      'INSERT INTO lead_field_values (lead_id, field_id, position, value, enum_id, enum_code) VALUES (1, ?, ?, ?, ?, ?)',
    );
    value.run(100, 0, 'Diplomado', 656296, null);
    value.run(101, 0, 1_709_579_763, null, null);
    value.run(102, 0, 1, null, null);
    value.run(103, 0, '{"inn":"123"}', null, null);
    // ANY keeps each value's own type: JS numbers arrive as REAL and read back as numbers.
    expect(db.prepare('SELECT typeof(value) FROM lead_field_values ORDER BY field_id').pluck().all()).toEqual([
      'text',
      'real',
      'real',
      'text',
    ]);
    expect(db.prepare('SELECT value FROM lead_field_values WHERE field_id = 101').pluck().get()).toBe(1_709_579_763);
  });

  it('finds a phone by its canonical digits and by its last digits through indexes, and cascades with the contact', () => {
    const db = databaseAt(5);
    insertContact(db, 50);
    db.prepare(
      "INSERT INTO contact_phones (contact_id, position, raw, normalized, reversed, type) VALUES (50, 0, '+51 987 654 321', '51987654321', '12345678915', 'MOB')",
    ).run();
    db.prepare("INSERT INTO contact_emails (contact_id, position, value, type) VALUES (50, 0, 'ana@example.pe', 'WORK')").run();
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT contact_id FROM contact_phones WHERE reversed >= '123456' AND reversed < '123456:'")
      .all();
    expect(JSON.stringify(plan)).toContain('contact_phones_by_suffix');
    db.prepare('DELETE FROM contacts WHERE id = 50').run();
    expect(db.prepare('SELECT count(*) FROM contact_phones').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM contact_emails').pluck().get()).toBe(0);
  });
});
