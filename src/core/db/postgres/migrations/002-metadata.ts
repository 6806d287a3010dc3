import type { PostgresMigration } from './types';

/** The account's own vocabulary (see the SQLite step 002 for why each table is shaped so). */
export const postgresMigration002: PostgresMigration = {
  version: 2,
  name: 'metadata',
  async up(tx) {
    await tx.run(`
      CREATE TABLE account (
        id              bigint PRIMARY KEY NOT NULL,
        name            text NOT NULL,
        subdomain       text NOT NULL,
        host            text,
        current_user_id bigint,
        country         text,
        currency        text,
        currency_symbol text,
        timezone        text,
        created_at      bigint
      );

      CREATE TABLE users (
        id        bigint PRIMARY KEY NOT NULL,
        name      text NOT NULL,
        email     text,
        lang      text,
        sort_name text NOT NULL
      );

      CREATE TABLE pipelines (
        id             bigint PRIMARY KEY NOT NULL,
        name           text NOT NULL,
        sort           bigint NOT NULL,
        is_main        bigint NOT NULL,
        is_unsorted_on bigint NOT NULL,
        is_archive     bigint NOT NULL
      );

      CREATE TABLE statuses (
        pipeline_id bigint NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
        id          bigint NOT NULL,
        name        text NOT NULL,
        sort        bigint NOT NULL,
        color       text NOT NULL,
        type        bigint NOT NULL,
        is_editable bigint NOT NULL,
        rank        bigint NOT NULL,
        PRIMARY KEY (pipeline_id, id)
      );

      CREATE TABLE custom_fields (
        entity_type   text NOT NULL CHECK (entity_type IN ('leads', 'contacts', 'companies')),
        id            bigint NOT NULL,
        name          text NOT NULL,
        type          text NOT NULL,
        code          text,
        sort          bigint NOT NULL,
        is_predefined bigint NOT NULL,
        enums         text NOT NULL,
        PRIMARY KEY (entity_type, id)
      );

      CREATE TABLE tags (
        entity_type text NOT NULL CHECK (entity_type IN ('leads', 'contacts', 'companies')),
        id          bigint NOT NULL,
        name        text NOT NULL,
        color       text,
        PRIMARY KEY (entity_type, id)
      );
    `);
  },
};
