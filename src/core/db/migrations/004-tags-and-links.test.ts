import { describe, expect, it } from 'vitest';
import { databaseAt, insertContact, insertLead, migrateTo } from '../testing/migration-db';

describe('migration 004 tags and links', () => {
  it('keeps existing leads and links them to tags and contacts', () => {
    const db = databaseAt(3);
    insertLead(db, 1);
    insertContact(db, 50);
    migrateTo(db, 4);
    db.prepare('INSERT INTO lead_tags (lead_id, tag_id) VALUES (1, 9)').run();
    db.prepare('INSERT INTO lead_contacts (lead_id, contact_id, is_main) VALUES (1, 50, 1)').run();
    db.prepare('INSERT INTO contact_tags (contact_id, tag_id) VALUES (50, 9)').run();
    expect(db.prepare('SELECT lead_id FROM lead_contacts WHERE contact_id = 50').pluck().all()).toEqual([1]);
  });

  it('lets a lead link a contact that has not been downloaded yet, and cascades when the lead goes', () => {
    const db = databaseAt(4);
    insertLead(db, 1);
    db.prepare('INSERT INTO lead_contacts (lead_id, contact_id, is_main) VALUES (1, 999, 1)').run();
    db.prepare('INSERT INTO lead_tags (lead_id, tag_id) VALUES (1, 9)').run();
    expect(() => db.prepare('INSERT INTO lead_tags (lead_id, tag_id) VALUES (2, 9)').run()).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM leads WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM lead_contacts').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM lead_tags').pluck().get()).toBe(0);
  });
});
