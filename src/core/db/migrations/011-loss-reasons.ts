import type { MigrationDefinition } from './types';

/**
 * Kommo's loss reasons (`GET /api/v4/leads/loss_reasons`), so a lost lead shows its reason's name
 * rather than its id, and the lead list can filter by reason and by closing date. A lead's
 * `loss_reason_id` may name a reason not listed (deleted in Kommo): readers fall back to the id.
 * Also the indexes those filters and the companies list read by: closing date, reason, company,
 * and the companies list's sorts.
 */
export const migration011: MigrationDefinition = {
  version: 11,
  name: 'loss-reasons',
  sql: ({ INTEGER, STRICT }) => `
      CREATE TABLE loss_reasons (
        id        ${INTEGER} PRIMARY KEY NOT NULL,
        name      TEXT NOT NULL,
        sort      ${INTEGER} NOT NULL
      )${STRICT};

      CREATE INDEX leads_by_closed ON leads (closed_at);
      CREATE INDEX leads_by_loss_reason ON leads (loss_reason_id, closed_at);
      CREATE INDEX leads_by_company ON leads (company_id);
      CREATE INDEX companies_by_name ON companies (sort_name);
      CREATE INDEX companies_by_created ON companies (created_at);
    `,
};
