import { describe, expect, it } from 'vitest';
import { databaseAt, indexNames, insertLead, migrateTo, tableNames } from '../testing/migration-db';

describe('migration 011 loss reasons', () => {
  it('keeps the mirrored leads, adds the loss reasons and the indexes the closed-date, reason and company reads use', () => {
    const db = databaseAt(10);
    insertLead(db, 1);
    migrateTo(db, 11);
    expect(db.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(1);
    expect(tableNames(db)).toContain('loss_reasons');
    expect(indexNames(db, 'leads')).toEqual(expect.arrayContaining(['leads_by_closed', 'leads_by_loss_reason', 'leads_by_company']));
    const insert = db.prepare('INSERT INTO loss_reasons (id, name, sort) VALUES (?, ?, ?)');
    insert.run(18_879_754, 'Precio alto', 1);
    expect(() => insert.run(18_879_754, 'again', 2)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run(2, null, 1)).toThrow(/NOT NULL/);
    expect(() => insert.run(1.5, 'x', 1)).toThrow(/REAL|datatype mismatch/);
  });
});
