import { BodyError, type ApiContext } from './context';

/** A JSON array body of 1–250 items; null when an error was already sent (docs/kommo-api.md §4, §6). */
export async function readItems(ctx: ApiContext): Promise<unknown[] | null> {
  let body: unknown;
  try {
    body = await ctx.readJson();
  } catch (e) {
    if (!(e instanceof BodyError)) throw e;
    ctx.reply.badRequest('Request data can not be empty');
    return null;
  }
  if (!Array.isArray(body) || body.length === 0) {
    ctx.reply.badRequest('Request data can not be empty');
    return null;
  }
  if (body.length > 250) {
    ctx.reply.tooManyItems();
    return null;
  }
  return body;
}
