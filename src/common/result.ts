/**
 * How every request's outcome crosses from a host to the renderer. The error codes are a closed
 * set so the UI can switch on them exhaustively; the message is for people.
 */
export const ERROR_CODES = [
  'auth_required',
  'rate_limited',
  'blocked',
  'offline',
  'invalid_input',
  'internal',
  /** The local copy's file is damaged; the page offers to rebuild it from Kommo. */
  'mirror_damaged',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface HostError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: HostError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string): { ok: false; error: HostError } {
  return { ok: false, error: { code, message } };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** For exhaustive switches: the compiler proves this is never reached. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
