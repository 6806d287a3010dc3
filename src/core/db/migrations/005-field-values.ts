import type { MigrationDefinition } from './types';

/**
 * Every custom field value, so any field can be shown and filtered, plus contacts' phones and
 * emails pulled out of their multitext fields. value is a string, a number, 0/1 for a checkbox,
 * or JSON text for structured types (hence ANY; text on PostgreSQL, see schema-dialect.ts). There
 * is deliberately no index on (field_id, value): it tripled the cost of writing a value (measured:
 * 1.9 → 6.4 µs) and no query filters by a custom field yet; the migration that adds such a filter
 * adds the index it needs. A phone keeps what was typed (raw), the shared normalizer's canonical
 * digits, and those digits reversed so "ends with these digits" is an index range instead of a
 * scan (reversed >= ? AND reversed < ?: hence BYTEWISE, whatever a PostgreSQL database's locale).
 */
export const migration005: MigrationDefinition = {
  version: 5,
  name: 'field-values',
  sql({ INTEGER, ANY, BYTEWISE, STRICT_WITHOUT_ROWID }) {
    const fieldValues = (
      [
        ['lead_field_values', 'lead_id', 'leads'],
        ['contact_field_values', 'contact_id', 'contacts'],
        ['company_field_values', 'company_id', 'companies'],
      ] as const
    ).map(
      ([table, owner, parent]) => `
        CREATE TABLE ${table} (
          ${owner}  ${INTEGER} NOT NULL REFERENCES ${parent} (id) ON DELETE CASCADE,
          field_id  ${INTEGER} NOT NULL,
          position  ${INTEGER} NOT NULL,
          value     ${ANY},
          enum_id   ${INTEGER},
          enum_code TEXT,
          PRIMARY KEY (${owner}, field_id, position)
        )${STRICT_WITHOUT_ROWID};
      `,
    );
    return `${fieldValues.join('')}
      CREATE TABLE contact_phones (
        contact_id ${INTEGER} NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        position   ${INTEGER} NOT NULL,
        raw        TEXT NOT NULL,
        normalized TEXT${BYTEWISE} NOT NULL,
        reversed   TEXT${BYTEWISE} NOT NULL,
        type       TEXT,
        PRIMARY KEY (contact_id, position)
      )${STRICT_WITHOUT_ROWID};
      CREATE INDEX contact_phones_by_number ON contact_phones (normalized);
      CREATE INDEX contact_phones_by_suffix ON contact_phones (reversed);

      CREATE TABLE contact_emails (
        contact_id ${INTEGER} NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        position   ${INTEGER} NOT NULL,
        value      TEXT NOT NULL,
        type       TEXT,
        PRIMARY KEY (contact_id, position)
      )${STRICT_WITHOUT_ROWID};
    `;
  },
};
