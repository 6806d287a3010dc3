import { pageLinks } from '../http/links';
import { at, commaList, intList } from '../http/query';
import { type EntityPlural, type NoteRecord } from '../model/types';
import { type ApiContext, type Handler } from './context';
import { inRanges, readPaging, readRanges } from './list-params';
import { readItems } from './writes-common';
import { ERR, type FieldError, isObject, requestIdOf } from './write-validation';

const NOTE_TYPES = new Set([
  'common',
  'call_in',
  'call_out',
  'service_message',
  'extended_service_message',
  'geolocation',
  'sms_in',
  'sms_out',
  'attachment',
]);
/** Required `params` keys per note type (docs/kommo-api.md §14.1). */
const REQUIRED_PARAMS: Record<string, string[]> = {
  common: ['text'],
  call_in: ['uniq', 'duration', 'source', 'phone'],
  call_out: ['uniq', 'duration', 'source', 'phone'],
  service_message: ['service', 'text'],
  extended_service_message: ['service', 'text'],
  geolocation: ['text', 'address', 'longitude', 'latitude'],
  sms_in: ['text', 'phone'],
  sms_out: ['text', 'phone'],
  attachment: ['file_uuid', 'file_name'],
};

function exists(ctx: ApiContext, entity: EntityPlural, id: number): boolean {
  const s = ctx.acct.state;
  return (entity === 'leads' ? s.leads : entity === 'contacts' ? s.contacts : s.companies).getLive(id) !== undefined;
}

function noteToApi(ctx: ApiContext, n: NoteRecord): Record<string, unknown> {
  return { ...n, _links: { self: ctx.links.href(`/api/v4/${n.entity_type}/${n.entity_id}/notes/${n.id}`) } };
}

/** POST /api/v4/{entity}/notes and /api/v4/{entity}/{id}/notes. */
export function createNotes(entity: EntityPlural): Handler {
  return async (ctx, [pathId]) => {
    const items = await readItems(ctx);
    if (!items) return;
    const failures: Array<{ request_id: string; errors: FieldError[] }> = [];
    const ready: Array<{ requestId: string; entityId: number; noteType: string; params: Record<string, unknown>; responsible?: number }> =
      [];
    items.forEach((raw, i) => {
      const requestId = requestIdOf(raw, i);
      const errors: FieldError[] = [];
      if (!isObject(raw)) return failures.push({ request_id: requestId, errors: [ERR.type('', 'array')] });
      const entityId = pathId !== undefined ? Number(pathId) : raw.entity_id;
      if (typeof entityId !== 'number' || !Number.isInteger(entityId))
        errors.push(pathId === undefined && raw.entity_id === undefined ? ERR.required('entity_id') : ERR.type('entity_id', 'int'));
      else if (!exists(ctx, entity, entityId)) errors.push(ERR.notFound('entity_id'));
      const noteType = raw.note_type;
      if (typeof noteType !== 'string' || !NOTE_TYPES.has(noteType)) errors.push(ERR.choice('note_type'));
      const params = isObject(raw.params) ? raw.params : null;
      if (!params) errors.push(ERR.type('params', 'array'));
      else if (typeof noteType === 'string')
        for (const key of REQUIRED_PARAMS[noteType] ?? [])
          if (params[key] === undefined || params[key] === '') errors.push(ERR.required(`params.${key}`));
      const responsible = raw.responsible_user_id;
      if (responsible !== undefined && (typeof responsible !== 'number' || !ctx.acct.state.user(responsible)))
        errors.push(ERR.choice('responsible_user_id'));
      if (errors.length > 0) return failures.push({ request_id: requestId, errors });
      ready.push({
        requestId,
        entityId: entityId as number,
        noteType: noteType as string,
        params: params as Record<string, unknown>,
        ...(typeof responsible === 'number' ? { responsible } : {}),
      });
    });
    if (failures.length > 0) return ctx.reply.validation(failures);
    const notes = ready.map((r) => ({
      r,
      note: ctx.acct.mutator.addNote(
        entity,
        r.entityId,
        { note_type: r.noteType, params: r.params, ...(r.responsible !== undefined ? { responsible_user_id: r.responsible } : {}) },
        ctx.userId,
      ),
    }));
    ctx.reply.hal(200, {
      _links: { self: ctx.links.href(pathId !== undefined ? `/api/v4/${entity}/${pathId}/notes` : `/api/v4/${entity}/notes`) },
      _embedded: {
        notes: notes.map(({ r, note }) => ({
          id: note.id,
          entity_id: note.entity_id,
          request_id: r.requestId,
          _links: { self: ctx.links.href(`/api/v4/${entity}/${note.entity_id}/notes/${note.id}`) },
        })),
      },
    });
  };
}

/** GET /api/v4/{entity}/notes and /api/v4/{entity}/{id}/notes, with `filter[updated_at]` (from/to or exact). 204 when empty. */
export function listNotes(entity: EntityPlural): Handler {
  return (ctx, [pathId]) => {
    const s = ctx.acct.state;
    const paging = readPaging(ctx.query, ctx.reply, s.behaviour);
    if (!paging) return;
    const filter = at(ctx.query, 'filter');
    const types = new Set(commaList(at(filter, 'note_type')));
    const ids = at(filter, 'id') === undefined ? null : new Set(intList(at(filter, 'id'), true) ?? []);
    const entityIds =
      pathId !== undefined
        ? new Set([Number(pathId)])
        : at(filter, 'entity_id') === undefined
          ? null
          : new Set(intList(at(filter, 'entity_id'), true) ?? []);
    const ranges = readRanges(ctx.query, ['updated_at']);
    const all = s.notes.filter(
      (n) =>
        inRanges(n.updated_at, ranges, s.behaviour.rangeInclusive) &&
        n.entity_type === entity &&
        (entityIds === null || entityIds.has(n.entity_id)) &&
        (types.size === 0 || types.has(n.note_type)) &&
        (ids === null || ids.has(n.id)),
    );
    const { page, limit } = paging;
    const items = all.slice((page - 1) * limit, page * limit);
    if (items.length === 0) return ctx.reply.noContent();
    const path = pathId !== undefined ? `/api/v4/${entity}/${pathId}/notes` : `/api/v4/${entity}/notes`;
    ctx.reply.hal(200, {
      _page: page,
      _links: pageLinks(ctx.links, path, ctx.rawQuery, page, limit, all.length > page * limit),
      _embedded: { notes: items.map((n) => noteToApi(ctx, n)) },
    });
  };
}
