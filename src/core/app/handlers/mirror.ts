import type { Handlers } from '../../../shared/contract';
import type { mirrorRequests } from '../../../shared/contract/mirror';
import type { MirrorDatabase } from '../../db/open';
import { countSetAside, listSetAside } from '../../db/repositories';
import { getContact, getLead, getMeta, leadBoard, listContacts, listLeads, listTags, searchPhone } from '../../db/queries';

export type MirrorRequestName = keyof typeof mirrorRequests;

/**
 * The UI's queries over the mirror. They run in the host (better-sqlite3 is synchronous, and each
 * query is a few milliseconds at 200,000 leads); arguments arrive validated by the dispatcher.
 */
export function mirrorHandlers(database: MirrorDatabase): Pick<Handlers, MirrorRequestName> {
  return {
    'meta.get': () => getMeta(database),
    'leads.list': async (args) => listLeads(database, args),
    'leads.get': async ({ id }) => getLead(database, id),
    'leads.board': async ({ pipelineId, filter }) => leadBoard(database, pipelineId, filter),
    'contacts.list': async (args) => listContacts(database, args),
    'contacts.get': async ({ id }) => getContact(database, id),
    'tags.list': async ({ entityType }) => listTags(database, entityType),
    'phone.search': async ({ query, limit }) => searchPhone(database, query, limit),
    'setAside.list': async ({ limit }) => ({ total: countSetAside(database), records: listSetAside(database, limit) }),
  };
}
