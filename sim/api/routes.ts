import { type EntityPlural } from '../model/types';
import { getContact, getCompany, listCompanies, listContacts } from './contacts';
import { type Handler } from './context';
import { getEvent, listEventTypes, listEvents } from './events';
import { createLeads, getLead, listLeads, patchLeads } from './leads';
import {
  getAccount,
  getCustomField,
  getPipeline,
  getStatus,
  getUser,
  listCustomFields,
  listLossReasons,
  listPipelines,
  listStatuses,
  listUsers,
} from './metadata';
import { createNotes, listNotes } from './notes';
import { createTags, listTags } from './tags';
import { createTasks, getTask, listTasks } from './tasks';
import { listWebhooks, subscribeWebhook, unsubscribeWebhook } from './webhooks';

export interface Route {
  method: string;
  /** Display form for counters: `/api/v4/leads/{id}`. */
  template: string;
  pattern: RegExp;
  handler: Handler;
}

function route(method: string, template: string, handler: Handler): Route {
  const source = template.replace(/\{id\}/g, '(\\d+)').replace(/\{eventId\}/g, '([0-9a-z]+)');
  return { method, template, pattern: new RegExp(`^${source}$`), handler };
}

const ENTITIES: EntityPlural[] = ['leads', 'contacts', 'companies'];

/** Every API v4 route the simulator serves; anything else is 404, a known path with another method 405. */
export const ROUTES: Route[] = [
  route('GET', '/api/v4/account', getAccount),
  route('GET', '/api/v4/users', listUsers),
  route('GET', '/api/v4/users/{id}', getUser),
  route('GET', '/api/v4/leads', listLeads),
  route('POST', '/api/v4/leads', createLeads),
  route('PATCH', '/api/v4/leads', patchLeads),
  route('GET', '/api/v4/leads/{id}', getLead),
  route('PATCH', '/api/v4/leads/{id}', patchLeads),
  route('GET', '/api/v4/leads/pipelines', listPipelines),
  route('GET', '/api/v4/leads/pipelines/{id}', getPipeline),
  route('GET', '/api/v4/leads/pipelines/{id}/statuses', listStatuses),
  route('GET', '/api/v4/leads/pipelines/{id}/statuses/{id}', getStatus),
  route('GET', '/api/v4/leads/loss_reasons', listLossReasons),
  route('GET', '/api/v4/contacts', listContacts),
  route('GET', '/api/v4/contacts/{id}', getContact),
  route('GET', '/api/v4/companies', listCompanies),
  route('GET', '/api/v4/companies/{id}', getCompany),
  ...ENTITIES.flatMap((e) => [
    route('GET', `/api/v4/${e}/custom_fields`, listCustomFields(e)),
    route('GET', `/api/v4/${e}/custom_fields/{id}`, getCustomField(e)),
    route('GET', `/api/v4/${e}/tags`, listTags(e)),
    route('POST', `/api/v4/${e}/tags`, createTags(e)),
    route('GET', `/api/v4/${e}/notes`, listNotes(e)),
    route('POST', `/api/v4/${e}/notes`, createNotes(e)),
    route('GET', `/api/v4/${e}/{id}/notes`, listNotes(e)),
    route('POST', `/api/v4/${e}/{id}/notes`, createNotes(e)),
  ]),
  route('GET', '/api/v4/events', listEvents),
  route('GET', '/api/v4/events/types', listEventTypes),
  route('GET', '/api/v4/events/{eventId}', getEvent),
  route('GET', '/api/v4/tasks', listTasks),
  route('POST', '/api/v4/tasks', createTasks),
  route('GET', '/api/v4/tasks/{id}', getTask),
  route('GET', '/api/v4/webhooks', listWebhooks),
  route('POST', '/api/v4/webhooks', subscribeWebhook),
  route('DELETE', '/api/v4/webhooks', unsubscribeWebhook),
];

export type RouteMatch = { kind: 'ok'; route: Route; params: string[] } | { kind: 'method'; template: string } | { kind: 'none' };

export function matchRoute(method: string, path: string): RouteMatch {
  let sameTemplate: string | null = null;
  for (const r of ROUTES) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    if (r.method === method) return { kind: 'ok', route: r, params: m.slice(1) };
    sameTemplate ??= r.template;
  }
  return sameTemplate ? { kind: 'method', template: sameTemplate } : { kind: 'none' };
}
