/** Read-side queries over the mirror, for the UI handlers and the host. */
export { leadTimeline, openTasksOf } from './activity';
export { getContact, listContacts, type ContactListArgs } from './contacts';
export { ftsMatch } from './fts';
export { getLead, leadBoard, listLeads, type LeadListArgs } from './leads';
export { accountCurrentUserId, leadFacts, optimizeMirror, recordCountNow, stageName, syncStateNow } from './lookup';
export { getMeta } from './meta';
export { searchPhone } from './phone';
export { listTags } from './tags';
