import type { PostgresMigration } from './types';

/** Notes, tasks and their tombstones (SQLite step 011, same columns and indexes). */
export const postgresMigration011: PostgresMigration = {
  version: 11,
  name: 'notes-and-tasks',
  async up(tx) {
    await tx.run(`
      CREATE TABLE notes (
        id                  bigint PRIMARY KEY NOT NULL,
        entity_type         text NOT NULL CHECK (entity_type IN ('leads', 'contacts', 'companies')),
        entity_id           bigint NOT NULL,
        note_type           text NOT NULL,
        params              text NOT NULL,
        responsible_user_id bigint,
        created_by          bigint,
        updated_by          bigint,
        created_at          bigint NOT NULL,
        updated_at          bigint NOT NULL
      );
      CREATE INDEX notes_by_entity ON notes (entity_type, entity_id, created_at, id);
      CREATE INDEX notes_by_updated ON notes (updated_at);

      CREATE TABLE tasks (
        id                  bigint PRIMARY KEY NOT NULL,
        entity_type         text,
        entity_id           bigint,
        task_type_id        bigint NOT NULL,
        text                text NOT NULL,
        complete_till       bigint NOT NULL,
        responsible_user_id bigint NOT NULL,
        is_completed        bigint NOT NULL CHECK (is_completed IN (0, 1)),
        result_text         text,
        duration            bigint,
        created_by          bigint,
        updated_by          bigint,
        created_at          bigint NOT NULL,
        updated_at          bigint NOT NULL
      );
      CREATE INDEX tasks_by_responsible ON tasks (responsible_user_id, is_completed, complete_till);
      CREATE INDEX tasks_by_entity ON tasks (entity_type, entity_id, is_completed, complete_till);
      CREATE INDEX tasks_by_updated ON tasks (updated_at);

      CREATE TABLE activity_tombstones (
        kind       text NOT NULL CHECK (kind IN ('notes', 'tasks')),
        id         bigint NOT NULL,
        deleted_at bigint NOT NULL,
        PRIMARY KEY (kind, id)
      );
    `);
  },
};
