import { pageLinks } from '../http/links';
import { at, asInt, commaList, intList } from '../http/query';
import { type EntityPlural, type TaskRecord } from '../model/types';
import { type ApiContext, type Handler } from './context';
import { inRanges, readPaging, readRanges } from './list-params';
import { readItems } from './writes-common';
import { ERR, type FieldError, isObject, requestIdOf } from './write-validation';

const ENTITY_TYPES = new Set(['leads', 'contacts', 'companies', 'customers']);

function taskToApi(ctx: ApiContext, t: TaskRecord): Record<string, unknown> {
  return { ...t, _links: { self: ctx.links.href(`/api/v4/tasks/${t.id}`) } };
}

/** POST /api/v4/tasks: `text` and `complete_till` required (docs/kommo-api.md §14.2). */
export const createTasks: Handler = async (ctx) => {
  const items = await readItems(ctx);
  if (!items) return;
  const s = ctx.acct.state;
  const failures: Array<{ request_id: string; errors: FieldError[] }> = [];
  const ready: Array<{ requestId: string; task: Omit<TaskRecord, 'id' | 'account_id' | 'created_at' | 'updated_at' | 'group_id'> }> = [];
  items.forEach((raw, i) => {
    const requestId = requestIdOf(raw, i);
    if (!isObject(raw)) return failures.push({ request_id: requestId, errors: [ERR.type('', 'array')] });
    const errors: FieldError[] = [];
    if (typeof raw.text !== 'string' || raw.text.trim() === '')
      errors.push(raw.text === undefined ? ERR.required('text') : ERR.type('text', 'string'));
    if (raw.complete_till === undefined) errors.push(ERR.required('complete_till'));
    else if (typeof raw.complete_till !== 'number' || !Number.isInteger(raw.complete_till)) errors.push(ERR.type('complete_till', 'int'));
    const entityType = raw.entity_type;
    if (entityType !== undefined && (typeof entityType !== 'string' || !ENTITY_TYPES.has(entityType)))
      errors.push(ERR.choice('entity_type'));
    const entityId = raw.entity_id;
    if (entityId !== undefined) {
      if (typeof entityId !== 'number' || !Number.isInteger(entityId)) errors.push(ERR.type('entity_id', 'int'));
      else if (entityType === undefined) errors.push(ERR.required('entity_type'));
      else {
        const table =
          entityType === 'leads' ? s.leads : entityType === 'contacts' ? s.contacts : entityType === 'companies' ? s.companies : null;
        if (table && !table.getLive(entityId)) errors.push(ERR.notFound('entity_id'));
      }
    }
    const responsible = raw.responsible_user_id ?? ctx.userId;
    if (typeof responsible !== 'number' || !s.user(responsible)) errors.push(ERR.choice('responsible_user_id'));
    const typeId = raw.task_type_id ?? 1;
    if (typeof typeId !== 'number' || !Number.isInteger(typeId)) errors.push(ERR.type('task_type_id', 'int'));
    if (raw.is_completed !== undefined && typeof raw.is_completed !== 'boolean') errors.push(ERR.type('is_completed', 'bool'));
    if (errors.length > 0) return failures.push({ request_id: requestId, errors });
    const resultText = isObject(raw.result) && typeof raw.result.text === 'string' ? raw.result.text : null;
    ready.push({
      requestId,
      task: {
        created_by: ctx.userId,
        updated_by: ctx.userId,
        responsible_user_id: responsible as number,
        entity_id: typeof entityId === 'number' ? entityId : null,
        entity_type: typeof entityType === 'string' ? (entityType as EntityPlural) : null,
        duration: typeof raw.duration === 'number' ? raw.duration : 0,
        is_completed: raw.is_completed === true,
        task_type_id: typeId as number,
        text: raw.text as string,
        result: resultText !== null ? { text: resultText } : [],
        complete_till: raw.complete_till as number,
      },
    });
  });
  if (failures.length > 0) return ctx.reply.validation(failures);
  const created = ready.map((r) => ({ r, task: ctx.acct.mutator.addTask(r.task, ctx.userId) }));
  ctx.reply.hal(200, {
    _links: { self: ctx.links.href('/api/v4/tasks') },
    _embedded: {
      tasks: created.map(({ r, task }) => ({
        id: task.id,
        request_id: r.requestId,
        _links: { self: ctx.links.href(`/api/v4/tasks/${task.id}`) },
      })),
    },
  });
};

/** GET /api/v4/tasks with the filters and orders of docs/kommo-api.md §14.2. */
export const listTasks: Handler = (ctx) => {
  const s = ctx.acct.state;
  const paging = readPaging(ctx.query, ctx.reply, s.behaviour);
  if (!paging) return;
  const filter = at(ctx.query, 'filter');
  const idSet = (name: string): Set<number> | null =>
    at(filter, name) === undefined ? null : new Set(intList(at(filter, name), true) ?? []);
  const ids = idSet('id');
  const responsible = idSet('responsible_user_id');
  const entityIds = idSet('entity_id');
  const taskTypes = idSet('task_type');
  const entityTypes = new Set(commaList(at(filter, 'entity_type')));
  const completed = asInt(at(filter, 'is_completed'));
  const ranges = readRanges(ctx.query, ['updated_at']);
  const inc = s.behaviour.rangeInclusive;
  const all = s.tasks.filter(
    (t) =>
      (ids === null || ids.has(t.id)) &&
      (responsible === null || responsible.has(t.responsible_user_id)) &&
      (entityIds === null || (t.entity_id !== null && entityIds.has(t.entity_id))) &&
      (taskTypes === null || taskTypes.has(t.task_type_id)) &&
      (entityTypes.size === 0 || (t.entity_type !== null && entityTypes.has(t.entity_type))) &&
      (completed === undefined || t.is_completed === (completed === 1)) &&
      inRanges(t.updated_at, ranges, inc),
  );
  const order = at(ctx.query, 'order');
  const [field, dir] = typeof order === 'object' ? (Object.entries(order)[0] ?? ['id', 'asc']) : ['id', 'asc'];
  const key = field === 'created_at' || field === 'complete_till' ? field : 'id';
  const sign = dir === 'desc' ? -1 : 1;
  all.sort((a, b) => sign * (a[key] - b[key] || a.id - b.id));
  const { page, limit } = paging;
  const items = all.slice((page - 1) * limit, page * limit);
  if (items.length === 0) return ctx.reply.noContent();
  ctx.reply.hal(200, {
    _page: page,
    _links: pageLinks(ctx.links, '/api/v4/tasks', ctx.rawQuery, page, limit, all.length > page * limit),
    _embedded: { tasks: items.map((t) => taskToApi(ctx, t)) },
  });
};

export const getTask: Handler = (ctx, [id]) => {
  const t = ctx.acct.state.tasks.find((x) => x.id === Number(id));
  if (!t) return ctx.reply.noContent();
  ctx.reply.hal(200, taskToApi(ctx, t));
};
