import type { Migration } from './types';

/**
 * Full-text search over names and every text custom field value (FTS5). Contentless with
 * contentless_delete: the text already lives in the entity and value tables, so the index stores
 * only tokens; the repositories rewrite a record's row when they apply it. rowid is the record's
 * Kommo id. remove_diacritics makes "jose" find "José"; the prefix indexes make "mar*" cheap.
 * Existing rows are indexed here, so a database that had data before this step is searchable.
 */
export const migration008: Migration = {
  version: 8,
  name: 'full-text',
  up(db) {
    for (const [entity, values, owner] of [
      ['leads', 'lead_field_values', 'lead_id'],
      ['contacts', 'contact_field_values', 'contact_id'],
    ] as const) {
      db.exec(`
        CREATE VIRTUAL TABLE ${entity}_fts USING fts5 (
          name, fields,
          content = '', contentless_delete = 1,
          tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
        );
        INSERT INTO ${entity}_fts (rowid, name, fields)
        SELECT e.id, e.name,
               coalesce((SELECT group_concat(v.value, ' ') FROM ${values} v WHERE v.${owner} = e.id AND typeof(v.value) = 'text'), '')
        FROM ${entity} e;
      `);
    }
  },
};
