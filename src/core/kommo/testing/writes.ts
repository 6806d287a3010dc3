/**
 * Writes to Kommo, for tests only: the app does not write yet (its writes will go through an
 * outbox). They follow Kommo's rules already, so the outbox can take them over: batches of 50,
 * `request_id` per item, a POST never retried once it may have reached Kommo, a PATCH (setting
 * values is idempotent) retried, and a batch Kommo found too slow (504) split in two.
 */
import { silentLogger, type Logger } from '../../log';
import type { KommoClient } from '../client';
import type { KommoLead } from '../entities';
import { KommoMalformedResponseError, KommoServerError } from '../errors';
import { parseRecords, readPageEnvelope } from '../records';
import { writtenItemSchema, type KommoWrittenItem } from '../schemas';

export interface NoteInput {
  entity_id: number;
  note_type: string;
  params: Record<string, unknown>;
  [field: string]: unknown;
}

export interface TaskInput {
  text: string;
  /** Unix seconds. */
  complete_till: number;
  entity_id?: number;
  entity_type?: 'leads' | 'contacts' | 'companies' | 'customers';
  responsible_user_id?: number;
  task_type_id?: number;
  [field: string]: unknown;
}

export type LeadPatch = Partial<Omit<KommoLead, 'id' | '_embedded'>> & { [field: string]: unknown };

const WRITE_BATCH = 50;

/** The write calls of one client, through its gate, auth and retries. */
export function kommoWrites(client: KommoClient, log: Logger = silentLogger) {
  const writtenItems = (json: unknown, key: string, status: number, path: string): KommoWrittenItem[] =>
    parseRecords(readPageEnvelope(json, key, status, path).records, writtenItemSchema, `${key} result`, log).items;

  async function postBatches(path: string, key: string, items: Array<Record<string, unknown>>): Promise<KommoWrittenItem[]> {
    const results: KommoWrittenItem[] = [];
    for (let start = 0; start < items.length; start += WRITE_BATCH) {
      const batch = items.slice(start, start + WRITE_BATCH).map((item, index) => ({ request_id: String(start + index), ...item }));
      const { status, json } = await client.request({ method: 'POST', pathAndQuery: path, body: batch, idempotent: false });
      results.push(...writtenItems(json, key, status, path));
    }
    return results;
  }

  async function patchLeadBatch(batch: Array<LeadPatch & { id: number }>): Promise<KommoWrittenItem[]> {
    try {
      const { status, json } = await client.request({ method: 'PATCH', pathAndQuery: '/api/v4/leads', body: batch, idempotent: true });
      return writtenItems(json, 'leads', status, '/api/v4/leads');
    } catch (error) {
      if (!(error instanceof KommoServerError && error.status === 504 && batch.length > 1)) throw error;
      const half = Math.ceil(batch.length / 2);
      log.info('504 on a batch update: splitting it', { size: batch.length });
      return [...(await patchLeadBatch(batch.slice(0, half))), ...(await patchLeadBatch(batch.slice(half)))];
    }
  }

  const writes = {
    /** POST /api/v4/{entity}/notes. Not retried after it may have reached Kommo (it would add the note twice). */
    addNotes: (entityType: 'leads' | 'contacts' | 'companies', notes: NoteInput[]): Promise<KommoWrittenItem[]> =>
      postBatches(`/api/v4/${entityType}/notes`, 'notes', notes),

    async addNote(entityType: 'leads' | 'contacts' | 'companies', entityId: number, text: string): Promise<KommoWrittenItem> {
      const [note] = await writes.addNotes(entityType, [{ entity_id: entityId, note_type: 'common', params: { text } }]);
      if (!note) throw new KommoMalformedResponseError(200, `/api/v4/${entityType}/notes`, 'no note in the answer');
      return note;
    },

    /** POST /api/v4/tasks. Not retried after it may have reached Kommo. */
    createTasks: (tasks: TaskInput[]): Promise<KommoWrittenItem[]> => postBatches('/api/v4/tasks', 'tasks', tasks),

    async createTask(task: TaskInput): Promise<KommoWrittenItem> {
      const [created] = await writes.createTasks([task]);
      if (!created) throw new KommoMalformedResponseError(200, '/api/v4/tasks', 'no task in the answer');
      return created;
    },

    /** PATCH /api/v4/leads in batches of 50; a 504 (batch too slow for Kommo) splits the batch in two. */
    async updateLeads(patches: Array<LeadPatch & { id: number }>): Promise<KommoWrittenItem[]> {
      const results: KommoWrittenItem[] = [];
      for (let start = 0; start < patches.length; start += WRITE_BATCH)
        results.push(...(await patchLeadBatch(patches.slice(start, start + WRITE_BATCH))));
      return results;
    },

    /** PATCH /api/v4/leads/{id} with an object; Kommo answers `{ id, updated_at }`. */
    async updateLead(id: number, patch: LeadPatch): Promise<KommoWrittenItem> {
      const path = `/api/v4/leads/${id}`;
      const { status, json } = await client.request({ method: 'PATCH', pathAndQuery: path, body: patch, idempotent: true });
      const parsed = writtenItemSchema.safeParse(json);
      if (!parsed.success) throw new KommoMalformedResponseError(status, path, 'no id in the answer');
      return parsed.data;
    },
  };
  return writes;
}
