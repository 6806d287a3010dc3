/** Read-side queries over the mirror, for the UI handlers and the host. */
export { leadTimeline, openTasksOf } from './activity';
export { listCompanies, type CompanyListArgs } from './companies';
export { getContact, listContacts, listContactsAfter, type ContactListArgs } from './contacts';
export { fieldValuesOf, type FieldValues } from './field-values';
export { getLead, leadBoard, listLeads, listLeadsAfter, type LeadListArgs } from './leads';
export type { ListCursor } from './plans';
export { accountCurrentUserId, leadFacts, optimizeMirror, recordCountNow, stageName, syncStateNow } from './lookup';
export { getMeta } from './meta';
export { searchPhone } from './phone';
export { listTags } from './tags';
