import type { Handlers } from '../../../common/contract';
import type { mirrorRequests } from '../../../common/contract/mirror';
import {
  accountCurrentUserId,
  countSetAside,
  getContact,
  listCompanies,
  getLead,
  getMeta,
  leadBoard,
  leadTimeline,
  listContacts,
  listLeads,
  listSetAside,
  listTags,
  MirrorDamagedError,
  type MirrorDatabase,
  openTasksOf,
  searchPhone,
} from '../../db';

export type MirrorRequestName = keyof typeof mirrorRequests;

/**
 * The UI's queries over the mirror. They run in the core's thread (better-sqlite3 is synchronous,
 * and each query is a few milliseconds at 200,000 leads) on the mirror's read-only connection, so
 * they see only committed pages and never wait for the writer; arguments arrive validated by the
 * dispatcher.
 */
export function mirrorHandlers(mirror: MirrorDatabase): Pick<Handlers, MirrorRequestName> {
  const read = readGuard(mirror);
  const database = mirror.reader;
  return {
    'meta.get': read(() => getMeta(database)),
    'leads.list': read((args) => listLeads(database, args)),
    'leads.get': read(({ id }) => getLead(database, id)),
    'leads.timeline': read(({ id, offset, limit }) => leadTimeline(database, id, offset, limit)),
    'tasks.mine': read(({ limit }) => openTasksOf(database, accountCurrentUserId(database), limit)),
    'leads.board': read(({ pipelineId, filter }) => leadBoard(database, pipelineId, filter)),
    'contacts.list': read((args) => listContacts(database, args)),
    'contacts.get': read(({ id }) => getContact(database, id)),
    'companies.list': read((args) => listCompanies(database, args)),
    'tags.list': read(({ entityType }) => listTags(database, entityType)),
    'phone.search': read(({ query, limit }) => searchPhone(database, query, limit)),
    'setAside.list': read(async ({ limit }) => ({
      total: await countSetAside(database.store),
      records: await listSetAside(database.store, limit),
    })),
  };
}

/**
 * A damaged file answers every read with `mirror_damaged` (the page then says so and offers the
 * rebuild) instead of a generic failure; a read that hits damage first checks the whole file.
 */
function readGuard(database: MirrorDatabase) {
  return <A, R>(query: (args: A) => R) =>
    async (args: A): Promise<Awaited<R>> => {
      if (database.damage !== null) throw new MirrorDamagedError(database.path, database.damage);
      try {
        return await query(args);
      } catch (error) {
        if (database.checkAfterError(error)) throw new MirrorDamagedError(database.path, database.damage ?? String(error));
        throw error;
      }
    };
}
