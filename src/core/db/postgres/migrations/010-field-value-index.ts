import type { PostgresMigration } from './types';

/** Custom field filters read one field's entries (SQLite step 010). */
export const postgresMigration010: PostgresMigration = {
  version: 10,
  name: 'field-value-index',
  async up(tx) {
    await tx.run(`
      CREATE INDEX lead_field_values_by_field ON lead_field_values (field_id, enum_id, value);
      CREATE INDEX contact_field_values_by_field ON contact_field_values (field_id, enum_id, value);
    `);
  },
};
