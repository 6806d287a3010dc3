import { type IncomingMessage } from 'node:http';
import { type Links } from '../http/links';
import { type QObject } from '../http/query';
import { type Reply } from '../http/reply';
import { type AccountRuntime } from '../runtime/account-runtime';

/** Everything an API handler needs for one request. */
export interface ApiContext {
  req: IncomingMessage;
  reply: Reply;
  method: string;
  /** Path without the `/a/{sub}` prefix and without the query. */
  path: string;
  /** The query string exactly as sent, without '?'. */
  rawQuery: string;
  query: QObject;
  acct: AccountRuntime;
  links: Links;
  /** The user the bearer token acts for. */
  userId: number;
  /** The JSON body; throws BodyError when it is not JSON. */
  readJson(): Promise<unknown>;
}

export class BodyError extends Error {
  override readonly name = 'BodyError';
}

export type Handler = (ctx: ApiContext, params: string[]) => void | Promise<void>;
