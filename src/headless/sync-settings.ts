import { resolve } from 'node:path';
import { resolveDatabasePath } from '../core/app/paths';
import { API_BASE_URL_ENV, TOKEN_ENV, TOKEN_HOST_ENV } from '../core/auth';
import { expandBaseUrlTemplate, isBaseUrlTemplate, normalizeAccountHost } from '../core/kommo';
import { parseCli, UsageError } from './cli-args';

export const SYNC_USAGE = `Usage: npm run sync -- --base-url URL --token TOKEN [--db FILE] [--once] [--rebuild] [--json] [--verbose]
  --base-url URL       the account's API address, e.g. https://acme.kommo.com
                       (default: KOMMO_API_BASE_URL, else https://KOMMO_ACCOUNT_HOST)
  --token TOKEN        a long-lived token (default: KOMMO_TOKEN, which is safer: npm prints the
                       command line, token included, and other users can read command lines)
  --account-host HOST  the account's own host when URL is a proxy (default: KOMMO_ACCOUNT_HOST,
                       else the host of URL)
  --db FILE            the SQLite mirror (default: KOMMO_MIRROR_DB, then the app-data folder)
  --once               sync until the mirror is current, then exit; transient failures are
                       retried, up to 5 cycles (default: keep syncing every 5 s until Ctrl+C
                       or SIGTERM)
  --rebuild            if the mirror is damaged, move it aside (FILE.damaged-TIME.sqlite) and
                       download the account again (without it a damaged mirror exits 7)
  --json               JSON lines on stderr and the summary as JSON on stdout
  --verbose            also write the engine's log (JSON lines, secrets masked) to stderr
Exit codes: 0 done, 1 unexpected failure, 2 usage, 3 token rejected, 4 Kommo unreachable,
5 rate-limited or blocked by Kommo, 6 database cannot be opened or written, 7 database damaged
(run again with --rebuild), 130/143 interrupted.`;

export interface SyncSettings extends KommoAccountSettings {
  databasePath: string;
  once: boolean;
  /** Set a damaged mirror aside and download again, instead of exiting with EXIT.damaged. */
  rebuild: boolean;
  json: boolean;
  verbose: boolean;
}

/** Hosts plain http may reach (or, for the team server, listen on): this machine only. */
export const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * The command's settings: each one from its flag, else from the environment variable the rest of
 * the app already reads (flags win). Null for --help. Throws UsageError for anything missing or
 * malformed, before a file is opened or a request made.
 */
export function syncSettings(argv: string[], env: NodeJS.ProcessEnv): SyncSettings | null {
  const flags = parseCli(argv, {
    ...KOMMO_ACCOUNT_FLAGS,
    db: { type: 'string' },
    once: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  });
  if (flags.help) return null;
  return {
    ...kommoAccountSettings(flags, env),
    databasePath: resolve(resolveDatabasePath({ flag: flags.db, env })),
    once: flags.once,
    rebuild: flags.rebuild,
    json: flags.json,
    verbose: flags.verbose,
  };
}

/** The flags that name the Kommo account and its token: shared by `npm run sync` and `npm run server`. */
export const KOMMO_ACCOUNT_FLAGS = {
  'base-url': { type: 'string' },
  token: { type: 'string' },
  'account-host': { type: 'string' },
} as const;

export interface KommoAccountSettings {
  /** Concrete (templates expanded), without a trailing slash. */
  baseUrl: string;
  /** The account's host: the rate limiter's key and what the mirror records as the account. */
  accountHost: string;
  token: string;
}

/**
 * The account and its token, each from its flag, else from the environment variable the rest of
 * the app already reads (flags win). Throws UsageError for anything missing or malformed.
 */
export function kommoAccountSettings(
  flags: { 'base-url'?: string | undefined; token?: string | undefined; 'account-host'?: string | undefined },
  env: NodeJS.ProcessEnv,
): KommoAccountSettings {
  const token = (flags.token ?? env[TOKEN_ENV])?.trim();
  if (!token) throw new UsageError('No token: pass --token or set KOMMO_TOKEN.');
  const hostHint = nonEmpty(flags['account-host'] ?? env[TOKEN_HOST_ENV]);
  const named = hostHint === null ? null : normalizeAccountHost(hostHint);
  const given = nonEmpty(flags['base-url']) ?? nonEmpty(env[API_BASE_URL_ENV]) ?? (named ? `https://${named}` : null);
  if (!given)
    throw new UsageError(
      'No account address: pass --base-url (e.g. https://acme.kommo.com), or set KOMMO_API_BASE_URL or KOMMO_ACCOUNT_HOST.',
    );
  if (isBaseUrlTemplate(given) && !named)
    throw new UsageError(`${given} has a {host} or {subdomain} placeholder: give the account with --account-host or KOMMO_ACCOUNT_HOST.`);
  const url = parseBaseUrl(named ? expandBaseUrlTemplate(given, named) : given);
  return { baseUrl: url.toString().replace(/\/+$/, ''), accountHost: named ?? url.host, token };
}

/** Said on stderr when the token came with --token: it is out already, so the run goes on. */
export const TOKEN_FLAG_WARNING =
  'Warning: the token was given with --token. npm prints its command line, token included (unless run as `npm run --silent sync`), and other users of this machine can read command lines. Set KOMMO_TOKEN instead.';

export function tokenOnCommandLine(argv: readonly string[]): boolean {
  return argv.some((arg) => arg === '--token' || arg.startsWith('--token='));
}

function parseBaseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--base-url must be an address like https://acme.kommo.com, not ${JSON.stringify(text)}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new UsageError(`--base-url must start with https://, not ${url.protocol}//.`);
  // The token travels in a header: plain http is only for a server on this machine (the simulator).
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname))
    throw new UsageError(`--base-url must use https:// for ${url.hostname}: plain http would send the token unencrypted.`);
  if (url.search || url.hash || url.username || url.password)
    throw new UsageError('--base-url must be a plain address, without a query, fragment or user name.');
  return url;
}

function nonEmpty(value: string | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}
