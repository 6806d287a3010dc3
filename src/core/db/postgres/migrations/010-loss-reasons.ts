import type { PostgresMigration } from './types';

/** Kommo's loss reasons, and the indexes for closing date, reason and company (SQLite step 010). */
export const postgresMigration010: PostgresMigration = {
  version: 10,
  name: 'loss-reasons',
  async up(tx) {
    await tx.run(`
      CREATE TABLE loss_reasons (
        id        bigint PRIMARY KEY NOT NULL,
        name      text NOT NULL,
        sort      bigint NOT NULL
      );

      CREATE INDEX leads_by_closed ON leads (closed_at);
      CREATE INDEX leads_by_loss_reason ON leads (loss_reason_id, closed_at);
      CREATE INDEX leads_by_company ON leads (company_id);
      CREATE INDEX companies_by_name ON companies (sort_name);
      CREATE INDEX companies_by_created ON companies (created_at);
    `);
  },
};
