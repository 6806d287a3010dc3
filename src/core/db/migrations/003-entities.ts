import type { MigrationDefinition } from './types';

/**
 * Leads, contacts and companies. Kommo's columns keep Kommo's names and units (Unix seconds). The
 * sort_* columns are sort keys the repositories keep up to date, so every list order is an index
 * walk: the folded name (lower case, no accents), the responsible user's folded name, the main
 * contact's folded name, and the stage's rank across pipelines. content_hash fingerprints what was
 * last applied, so an equal `updated_at` with different content still applies and an identical
 * record is not counted as a change.
 *
 * Deleted records are removed (see repositories/deletions.ts), so there is no is_deleted column.
 */
export const migration003: MigrationDefinition = {
  version: 3,
  name: 'entities',
  sql: ({ INTEGER, STRICT }) => `
      CREATE TABLE leads (
        id                  ${INTEGER} PRIMARY KEY NOT NULL,
        name                TEXT NOT NULL,
        price               ${INTEGER} NOT NULL,
        status_id           ${INTEGER} NOT NULL,
        pipeline_id         ${INTEGER} NOT NULL,
        responsible_user_id ${INTEGER} NOT NULL,
        group_id            ${INTEGER},
        loss_reason_id      ${INTEGER},
        company_id          ${INTEGER},
        created_by          ${INTEGER},
        updated_by          ${INTEGER},
        created_at          ${INTEGER} NOT NULL,
        updated_at          ${INTEGER} NOT NULL,
        closed_at           ${INTEGER},
        closest_task_at     ${INTEGER},
        score               ${INTEGER},
        main_contact_id     ${INTEGER},
        sort_name           TEXT NOT NULL,
        sort_status         ${INTEGER} NOT NULL,
        sort_responsible    TEXT NOT NULL,
        sort_contact        TEXT NOT NULL,
        content_hash        TEXT NOT NULL
      )${STRICT};
      -- The two filter indexes carry every column a lead filter tests, so counting the matches of
      -- any filter reads index entries only, never the table (a table row lookup costs ~30x an
      -- index entry). The board (counts and totals per stage) is answered from the first alone.
      CREATE INDEX leads_by_stage ON leads (pipeline_id, status_id, price, responsible_user_id, created_at, updated_at);
      CREATE INDEX leads_by_responsible ON leads (responsible_user_id, price, created_at, updated_at, pipeline_id, status_id);
      CREATE INDEX leads_by_updated ON leads (updated_at);
      CREATE INDEX leads_by_created ON leads (created_at);
      CREATE INDEX leads_by_price ON leads (price);
      CREATE INDEX leads_by_name ON leads (sort_name);
      CREATE INDEX leads_by_status_rank ON leads (sort_status);
      CREATE INDEX leads_by_responsible_name ON leads (sort_responsible);
      CREATE INDEX leads_by_contact_name ON leads (sort_contact);

      CREATE TABLE contacts (
        id                  ${INTEGER} PRIMARY KEY NOT NULL,
        name                TEXT NOT NULL,
        first_name          TEXT,
        last_name           TEXT,
        responsible_user_id ${INTEGER} NOT NULL,
        group_id            ${INTEGER},
        company_id          ${INTEGER},
        created_by          ${INTEGER},
        updated_by          ${INTEGER},
        created_at          ${INTEGER} NOT NULL,
        updated_at          ${INTEGER} NOT NULL,
        closest_task_at     ${INTEGER},
        sort_name           TEXT NOT NULL,
        sort_responsible    TEXT NOT NULL,
        content_hash        TEXT NOT NULL
      )${STRICT};
      CREATE INDEX contacts_by_responsible ON contacts (responsible_user_id);
      CREATE INDEX contacts_by_updated ON contacts (updated_at);
      CREATE INDEX contacts_by_created ON contacts (created_at);
      CREATE INDEX contacts_by_name ON contacts (sort_name);
      CREATE INDEX contacts_by_responsible_name ON contacts (sort_responsible);
      CREATE INDEX contacts_by_company ON contacts (company_id);

      CREATE TABLE companies (
        id                  ${INTEGER} PRIMARY KEY NOT NULL,
        name                TEXT NOT NULL,
        responsible_user_id ${INTEGER} NOT NULL,
        created_at          ${INTEGER} NOT NULL,
        updated_at          ${INTEGER} NOT NULL,
        sort_name           TEXT NOT NULL,
        content_hash        TEXT NOT NULL
      )${STRICT};
      CREATE INDEX companies_by_updated ON companies (updated_at);
    `,
};
