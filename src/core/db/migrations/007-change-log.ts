import type { MigrationDefinition } from './types';

/**
 * What each committed sync batch changed, for the UI and notifications to read after the fact.
 * seq never hands out a number twice (AUTOINCREMENT_KEY), so a reader's "last seen seq" stays
 * valid after pruning. recorded_at is the host's clock in epoch milliseconds. status rows carry
 * the stage before and after; responsible rows the user before and after.
 */
export const migration007: MigrationDefinition = {
  version: 7,
  name: 'change-log',
  sql: ({ INTEGER, AUTOINCREMENT_KEY, STRICT }) => `
      CREATE TABLE change_log (
        seq              ${AUTOINCREMENT_KEY},
        recorded_at      ${INTEGER} NOT NULL,
        entity_type      TEXT NOT NULL CHECK (entity_type IN ('leads', 'contacts', 'companies')),
        entity_id        ${INTEGER} NOT NULL,
        kind             TEXT NOT NULL CHECK (kind IN ('added', 'updated', 'removed', 'status', 'responsible')),
        from_pipeline_id ${INTEGER},
        from_status_id   ${INTEGER},
        to_pipeline_id   ${INTEGER},
        to_status_id     ${INTEGER},
        from_user_id     ${INTEGER},
        to_user_id       ${INTEGER}
      )${STRICT};
      CREATE INDEX change_log_by_time ON change_log (recorded_at);
      CREATE INDEX change_log_by_entity ON change_log (entity_type, entity_id);
    `,
};
