import type { MigrationDefinition } from './types';

/**
 * The account's own vocabulary: who it is, its users, pipelines and stages, custom field
 * definitions and tags. Rows on leads and contacts carry only ids; these tables turn them into
 * names and colours.
 */
export const migration002: MigrationDefinition = {
  version: 2,
  name: 'metadata',
  sql: ({ INTEGER, STRICT, STRICT_WITHOUT_ROWID }) => `
      -- One row: the account this mirror belongs to. host is where it lives (acme.kommo.com).
      CREATE TABLE account (
        id              ${INTEGER} PRIMARY KEY NOT NULL,
        name            TEXT NOT NULL,
        subdomain       TEXT NOT NULL,
        host            TEXT,
        current_user_id ${INTEGER},
        country         TEXT,
        currency        TEXT,
        currency_symbol TEXT,
        timezone        TEXT,
        created_at      ${INTEGER}
      )${STRICT};

      -- sort_name is the folded name (lower case, no accents) that leads sort by.
      CREATE TABLE users (
        id        ${INTEGER} PRIMARY KEY NOT NULL,
        name      TEXT NOT NULL,
        email     TEXT,
        lang      TEXT,
        sort_name TEXT NOT NULL
      )${STRICT};

      CREATE TABLE pipelines (
        id             ${INTEGER} PRIMARY KEY NOT NULL,
        name           TEXT NOT NULL,
        sort           ${INTEGER} NOT NULL,
        is_main        ${INTEGER} NOT NULL,
        is_unsorted_on ${INTEGER} NOT NULL,
        is_archive     ${INTEGER} NOT NULL
      )${STRICT};

      -- A status id is unique only with its pipeline: 142 (won) and 143 (lost) are in every one.
      -- rank orders every stage of every pipeline (pipeline sort, then stage sort) for "sort by status".
      CREATE TABLE statuses (
        pipeline_id ${INTEGER} NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
        id          ${INTEGER} NOT NULL,
        name        TEXT NOT NULL,
        sort        ${INTEGER} NOT NULL,
        color       TEXT NOT NULL,
        type        ${INTEGER} NOT NULL,
        is_editable ${INTEGER} NOT NULL,
        rank        ${INTEGER} NOT NULL,
        PRIMARY KEY (pipeline_id, id)
      )${STRICT_WITHOUT_ROWID};

      -- enums is a JSON array of {id, value, sort}; it is always read whole.
      CREATE TABLE custom_fields (
        entity_type   TEXT NOT NULL CHECK (entity_type IN ('leads', 'contacts', 'companies')),
        id            ${INTEGER} NOT NULL,
        name          TEXT NOT NULL,
        type          TEXT NOT NULL,
        code          TEXT,
        sort          ${INTEGER} NOT NULL,
        is_predefined ${INTEGER} NOT NULL,
        enums         TEXT NOT NULL,
        PRIMARY KEY (entity_type, id)
      )${STRICT_WITHOUT_ROWID};

      -- Kommo gives a tag a different id per entity type, so the key is (entity_type, id).
      CREATE TABLE tags (
        entity_type TEXT NOT NULL CHECK (entity_type IN ('leads', 'contacts', 'companies')),
        id          ${INTEGER} NOT NULL,
        name        TEXT NOT NULL,
        color       TEXT,
        PRIMARY KEY (entity_type, id)
      )${STRICT_WITHOUT_ROWID};
    `,
};
