import type { MigrationDefinition } from './types';

/**
 * Lists filter by custom field (a select's options, a number or date range, a checkbox, text), so
 * each values table gets the index migration 005 left out: by field, then option, then value. It
 * also holds the owner's id (the tables are WITHOUT ROWID), so a filter reads one field's entries
 * and never the table. The first download builds it at its end (bulk-load.ts, DEFERRED_INDEXES),
 * so only incremental writes pay for keeping it. The statements are the same on both engines.
 */
export const migration010: MigrationDefinition = {
  version: 10,
  name: 'field-value-index',
  sql: () => `
      CREATE INDEX lead_field_values_by_field ON lead_field_values (field_id, enum_id, value);
      CREATE INDEX contact_field_values_by_field ON contact_field_values (field_id, enum_id, value);
    `,
};
