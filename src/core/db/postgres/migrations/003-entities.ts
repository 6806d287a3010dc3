import type { PostgresMigration } from './types';

/**
 * Leads, contacts and companies, with the SQLite step 003's columns and indexes (same names, so a
 * query or a plan reads the same on both). Ids and Unix times are bigint.
 */
export const postgresMigration003: PostgresMigration = {
  version: 3,
  name: 'entities',
  async up(tx) {
    await tx.run(`
      CREATE TABLE leads (
        id                  bigint PRIMARY KEY NOT NULL,
        name                text NOT NULL,
        price               bigint NOT NULL,
        status_id           bigint NOT NULL,
        pipeline_id         bigint NOT NULL,
        responsible_user_id bigint NOT NULL,
        group_id            bigint,
        loss_reason_id      bigint,
        company_id          bigint,
        created_by          bigint,
        updated_by          bigint,
        created_at          bigint NOT NULL,
        updated_at          bigint NOT NULL,
        closed_at           bigint,
        closest_task_at     bigint,
        score               bigint,
        main_contact_id     bigint,
        sort_name           text NOT NULL,
        sort_status         bigint NOT NULL,
        sort_responsible    text NOT NULL,
        sort_contact        text NOT NULL,
        content_hash        text NOT NULL
      );
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
        id                  bigint PRIMARY KEY NOT NULL,
        name                text NOT NULL,
        first_name          text,
        last_name           text,
        responsible_user_id bigint NOT NULL,
        group_id            bigint,
        company_id          bigint,
        created_by          bigint,
        updated_by          bigint,
        created_at          bigint NOT NULL,
        updated_at          bigint NOT NULL,
        closest_task_at     bigint,
        sort_name           text NOT NULL,
        sort_responsible    text NOT NULL,
        content_hash        text NOT NULL
      );
      CREATE INDEX contacts_by_responsible ON contacts (responsible_user_id);
      CREATE INDEX contacts_by_updated ON contacts (updated_at);
      CREATE INDEX contacts_by_created ON contacts (created_at);
      CREATE INDEX contacts_by_name ON contacts (sort_name);
      CREATE INDEX contacts_by_responsible_name ON contacts (sort_responsible);
      CREATE INDEX contacts_by_company ON contacts (company_id);

      CREATE TABLE companies (
        id                  bigint PRIMARY KEY NOT NULL,
        name                text NOT NULL,
        responsible_user_id bigint NOT NULL,
        created_at          bigint NOT NULL,
        updated_at          bigint NOT NULL,
        sort_name           text NOT NULL,
        content_hash        text NOT NULL
      );
      CREATE INDEX companies_by_updated ON companies (updated_at);
    `);
  },
};
