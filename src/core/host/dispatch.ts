import { z } from 'zod';
import { requests, isRequestName, type Handlers } from '../../common/contract';
import { fail, ok, type Result } from '../../common/result';
import { CoreError } from '../errors';
import type { Logger } from '../log';

/**
 * The one path by which a request from a renderer reaches the core, shared by the Electron IPC
 * handlers and the web preview's WebSocket bridge: check the name against the contract, validate
 * the argument with its schema, run the handler, and turn any outcome into a result envelope.
 */
export async function dispatchRequest(handlers: Handlers, name: unknown, rawArgs: unknown, log: Logger): Promise<Result<unknown>> {
  if (!isRequestName(name)) {
    return fail('invalid_input', `Unknown request ${JSON.stringify(String(name).slice(0, 80))}.`);
  }
  let parsed;
  try {
    parsed = requests[name].args.safeParse(rawArgs === undefined ? {} : rawArgs);
  } catch {
    // zod recurses into JSON values: an argument nested deeper than the stack throws instead of failing.
    return fail('invalid_input', `Invalid arguments for ${name}: nested too deeply.`);
  }
  if (!parsed.success) {
    return fail('invalid_input', `Invalid arguments for ${name}: ${z.prettifyError(parsed.error)}`);
  }
  try {
    const handler = handlers[name] as (args: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof CoreError) return fail(error.code, error.message);
    log.error(`Request ${name} failed`, error);
    return fail('internal', 'Something went wrong inside Kommo Mirror. The details are in the log.');
  }
}

/**
 * How a host hands a renderer's request to the core: `name` and `args` as they came in, the
 * result envelope back. The core's worker (core-worker-host.ts) is one; handlers on this thread
 * are another.
 */
export type RequestDispatcher = (name: unknown, args: unknown) => Promise<Result<unknown>>;

export function inProcessDispatcher(handlers: Handlers, log: Logger): RequestDispatcher {
  return (name, args) => dispatchRequest(handlers, name, args, log);
}
