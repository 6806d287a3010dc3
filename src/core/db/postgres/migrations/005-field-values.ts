import type { PostgresMigration } from './types';

/**
 * Custom field values, phones and emails (SQLite step 005). SQLite's `value ANY` keeps a number a
 * number; PostgreSQL has no such column type, so value is text here: a number is stored (and read
 * back) as its decimal text, and the field's type in custom_fields says how to read it.
 */
export const postgresMigration005: PostgresMigration = {
  version: 5,
  name: 'field-values',
  async up(tx) {
    for (const [table, owner, parent] of [
      ['lead_field_values', 'lead_id', 'leads'],
      ['contact_field_values', 'contact_id', 'contacts'],
      ['company_field_values', 'company_id', 'companies'],
    ] as const) {
      await tx.run(`
        CREATE TABLE ${table} (
          ${owner}  bigint NOT NULL REFERENCES ${parent} (id) ON DELETE CASCADE,
          field_id  bigint NOT NULL,
          position  bigint NOT NULL,
          value     text,
          enum_id   bigint,
          enum_code text,
          PRIMARY KEY (${owner}, field_id, position)
        )
      `);
    }
    await tx.run(`
      CREATE TABLE contact_phones (
        contact_id bigint NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        position   bigint NOT NULL,
        raw        text NOT NULL,
        normalized text COLLATE "C" NOT NULL,
        reversed   text COLLATE "C" NOT NULL,
        type       text,
        PRIMARY KEY (contact_id, position)
      );
      -- Collation "C" compares bytes as SQLite does, so "ends with these digits" (reversed >= ? AND
      -- reversed < ?) is an index range whatever the database's locale.
      CREATE INDEX contact_phones_by_number ON contact_phones (normalized);
      CREATE INDEX contact_phones_by_suffix ON contact_phones (reversed);

      CREATE TABLE contact_emails (
        contact_id bigint NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        position   bigint NOT NULL,
        value      text NOT NULL,
        type       text,
        PRIMARY KEY (contact_id, position)
      );
    `);
  },
};
