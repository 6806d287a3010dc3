import Database from 'better-sqlite3';
import {
  KommoAuthRequiredError,
  KommoBlockedError,
  KommoError,
  KommoNetworkError,
  KommoRateLimitedError,
  KommoServerError,
} from '../core/kommo';
import { MirrorDamagedError, sqliteDialect } from '../core/db';
import { redactText } from '../core/log';
import { UsageError } from './cli-args';

/** The command's exit codes: scripts tell "fix the setup" from "try again later" by them. */
export const EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  tokenRejected: 3,
  unreachable: 4,
  limited: 5,
  database: 6,
  /** The mirror file is damaged: `--rebuild` sets it aside and downloads the account again. */
  damaged: 7,
} as const;

/** The mirror file could not be opened (or created and migrated). */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
  constructor(
    readonly path: string,
    options: { cause: unknown },
  ) {
    super(`Cannot open the mirror database ${path}: ${reasonOf(options.cause)}.`, options);
  }
}

/** A --once run was interrupted by a signal before the mirror was current. */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
  constructor(readonly signal: NodeJS.Signals) {
    super(`Stopped by ${signal} before the mirror was current; the next run resumes where this one stopped.`);
  }
}

export interface Failure {
  exitCode: number;
  /** One sentence for a person; never a secret (it is masked again here all the same). */
  message: string;
}

export interface FailureContext {
  baseUrl: string;
  accountHost: string;
  databasePath: string;
}

/** Any error the command can end with, as an exit code and one sentence. */
export function describeFailure(error: unknown, context: FailureContext | null): Failure {
  const failure = classify(error, context);
  return { exitCode: failure.exitCode, message: redactText(failure.message) };
}

function classify(error: unknown, context: FailureContext | null): Failure {
  const at = context?.baseUrl ?? 'Kommo';
  if (error instanceof UsageError) return { exitCode: EXIT.usage, message: error.message };
  if (error instanceof InterruptedError) return { exitCode: error.signal === 'SIGINT' ? 130 : 143, message: error.message };
  if (error instanceof MirrorDamagedError) {
    return {
      exitCode: EXIT.damaged,
      message: `The mirror database ${error.path} is damaged (${sentenceBody(error.problem)}); nothing was written to it. Run the command again with --rebuild to move it aside and download the account again.`,
    };
  }
  if (error instanceof DatabaseOpenError) return { exitCode: EXIT.database, message: error.message };
  if (error instanceof Database.SqliteError && sqliteDialect.isRefusedData(error)) {
    // SQLite refusing a value is about the data Kommo sent, never the disk (records it refuses are set aside; this is a bug).
    return {
      exitCode: EXIT.unexpected,
      message: `Sync stopped: the mirror refused data from Kommo, not a disk problem: ${reasonOf(error)}.`,
    };
  }
  if (error instanceof Database.SqliteError) {
    return { exitCode: EXIT.database, message: `Cannot write the mirror database ${context?.databasePath ?? ''}: ${reasonOf(error)}.` };
  }
  if (error instanceof KommoAuthRequiredError) {
    return {
      exitCode: EXIT.tokenRejected,
      message: `Kommo rejected the token for ${context?.accountHost ?? 'the account'} (wrong, expired or revoked): give a valid long-lived token with --token or KOMMO_TOKEN.`,
    };
  }
  if (error instanceof KommoNetworkError) {
    return {
      exitCode: EXIT.unreachable,
      message: `Could not reach ${at}: ${sentenceBody(error.message)}; check the address and the network connection.`,
    };
  }
  if (error instanceof KommoServerError) {
    return { exitCode: EXIT.unreachable, message: `${at} kept answering with server errors (${error.status ?? '5xx'}); try again later.` };
  }
  if (error instanceof KommoBlockedError) {
    return {
      exitCode: EXIT.limited,
      message: `Kommo has blocked API access from this address (403) until ${clock(error.retryAt)}; wait before trying again.`,
    };
  }
  if (error instanceof KommoRateLimitedError) {
    return {
      exitCode: EXIT.limited,
      message: `Kommo is limiting requests to this account (429) until ${clock(error.retryAt)}; run the command again after that.`,
    };
  }
  if (error instanceof KommoError) return { exitCode: EXIT.unexpected, message: `Sync stopped: ${sentenceBody(error.message)}.` };
  return { exitCode: EXIT.unexpected, message: `Sync failed unexpectedly: ${sentenceBody(reasonOf(error))}.` };
}

function reasonOf(error: unknown): string {
  if (error instanceof Database.SqliteError) return `${error.message} (${error.code})`;
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}

/** A message that ends with a full stop, made fit to sit inside a longer sentence. */
function sentenceBody(message: string): string {
  return message.trim().replace(/\.+$/, '');
}

function clock(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
