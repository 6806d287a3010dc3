import type { MigrationDefinition } from './types';

/**
 * Notes of leads and contacts, and tasks: what a rep reads before acting (a lead's timeline,
 * "Mis tareas", the "no open task" and "overdue" filters).
 *
 * - `notes.params` is Kommo's `params` object as JSON text, kept whole: a note type the app does
 *   not know yet is stored faithfully and shown generically.
 * - Tasks keep Kommo's columns; `result_text` is `result.text` (Kommo sends `[]` when there is none).
 * - No foreign key to leads or contacts: a note or task page may arrive before its record, and
 *   Kommo keeps a task whose entity is gone.
 * - Deleted notes and tasks are removed; `activity_tombstones` keeps the deletion time so a copy
 *   read before it cannot bring one back (the entity tombstones' CHECK allows only records).
 * - Writes (the outbox) will add their pending state beside these rows, keyed by the same ids.
 *
 * Indexes: a record's timeline newest first; a user's tasks by due time and state; each record's
 * open tasks by due time (leads without an open task, leads with an overdue one).
 */
export const migration012: MigrationDefinition = {
  version: 12,
  name: 'notes-and-tasks',
  sql: ({ INTEGER, STRICT, STRICT_WITHOUT_ROWID }) => `
      CREATE TABLE notes (
        id                  ${INTEGER} PRIMARY KEY NOT NULL,
        entity_type         TEXT NOT NULL CHECK (entity_type IN ('leads', 'contacts', 'companies')),
        entity_id           ${INTEGER} NOT NULL,
        note_type           TEXT NOT NULL,
        params              TEXT NOT NULL,
        responsible_user_id ${INTEGER},
        created_by          ${INTEGER},
        updated_by          ${INTEGER},
        created_at          ${INTEGER} NOT NULL,
        updated_at          ${INTEGER} NOT NULL
      )${STRICT};
      CREATE INDEX notes_by_entity ON notes (entity_type, entity_id, created_at, id);
      CREATE INDEX notes_by_updated ON notes (updated_at);

      CREATE TABLE tasks (
        id                  ${INTEGER} PRIMARY KEY NOT NULL,
        entity_type         TEXT,
        entity_id           ${INTEGER},
        task_type_id        ${INTEGER} NOT NULL,
        text                TEXT NOT NULL,
        complete_till       ${INTEGER} NOT NULL,
        responsible_user_id ${INTEGER} NOT NULL,
        is_completed        ${INTEGER} NOT NULL CHECK (is_completed IN (0, 1)),
        result_text         TEXT,
        duration            ${INTEGER},
        created_by          ${INTEGER},
        updated_by          ${INTEGER},
        created_at          ${INTEGER} NOT NULL,
        updated_at          ${INTEGER} NOT NULL
      )${STRICT};
      CREATE INDEX tasks_by_responsible ON tasks (responsible_user_id, is_completed, complete_till);
      CREATE INDEX tasks_by_entity ON tasks (entity_type, entity_id, is_completed, complete_till);
      CREATE INDEX tasks_by_updated ON tasks (updated_at);

      CREATE TABLE activity_tombstones (
        kind       TEXT NOT NULL CHECK (kind IN ('notes', 'tasks')),
        id         ${INTEGER} NOT NULL,
        deleted_at ${INTEGER} NOT NULL,
        PRIMARY KEY (kind, id)
      )${STRICT_WITHOUT_ROWID};
    `,
};
