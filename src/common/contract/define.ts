import type { z } from 'zod';

/**
 * One request of the contract: a zod schema for its argument (checked where it enters a host)
 * and, as a type only, its result.
 */
export interface RequestSpec<Args extends z.ZodType, Value> {
  readonly args: Args;
  /** Never set at run time; carries the result type. */
  readonly _value?: Value;
}

/** `request<Value>()(argsSchema)`: the result type is written once, the argument schema once. */
export function request<Value>() {
  return <Args extends z.ZodType>(args: Args): RequestSpec<Args, Value> => ({ args });
}
