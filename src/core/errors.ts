import type { ErrorCode } from '../common/result';

/**
 * An error the core expects and can explain to the user. Its `code` is one of the contract's
 * closed set, so a host turns it into a failure envelope without guessing.
 */
export class CoreError extends Error {
  override name = 'CoreError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
