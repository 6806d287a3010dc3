import { isIP } from 'node:net';
import { parseCli, parsePort, UsageError } from '../headless/cli-args';
import { KOMMO_ACCOUNT_FLAGS, kommoAccountSettings, LOOPBACK, type KommoAccountSettings } from '../headless/sync-settings';

export const SERVER_USAGE = `Usage: npm run server -- --database-url URL --base-url URL --token TOKEN [--port N] [--json]
  --database-url URL   the PostgreSQL database, e.g. postgres://mirror@127.0.0.1/kommo
                       (default: DATABASE_URL)
  --base-url URL, --token TOKEN, --account-host HOST
                       the Kommo account and its long-lived token, as for \`npm run sync\`
                       (default: KOMMO_API_BASE_URL / KOMMO_ACCOUNT_HOST, KOMMO_TOKEN)
  --host ADDRESS       where to listen (default 127.0.0.1); beyond this machine only with TLS
  --port N             the port (default: KOMMO_SERVER_PORT, else 8787; 0 = any free port)
  --tls-cert FILE, --tls-key FILE
                       serve https (otherwise put a reverse proxy that terminates TLS in front)
  --public-url URL     the address Kommo and the apps reach this server at (behind a proxy;
                       default: the address it listens on)
  --json               print one JSON line {url, webhookUrl} once listening
  --verbose            also log the engine's info lines (JSON lines on stderr)
Several instances may share one database: exactly one syncs (a PostgreSQL advisory lock), the
others serve and take over within seconds when it stops. GET /healthz says which one syncs.`;

export interface ServerSettings extends KommoAccountSettings {
  databaseUrl: string;
  host: string;
  port: number;
  tls: { certFile: string; keyFile: string } | null;
  /** Without a trailing slash; null to use the listening address. */
  publicUrl: string | null;
  json: boolean;
  verbose: boolean;
}

/** Flags win over the environment; null for --help; UsageError before anything is opened. */
export function serverSettings(argv: string[], env: NodeJS.ProcessEnv): ServerSettings | null {
  const flags = parseCli(argv, {
    ...KOMMO_ACCOUNT_FLAGS,
    'database-url': { type: 'string' },
    host: { type: 'string' },
    port: { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    'public-url': { type: 'string' },
    json: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  });
  if (flags.help) return null;
  const databaseUrl = (flags['database-url'] ?? env.DATABASE_URL)?.trim();
  if (!databaseUrl) throw new UsageError('No database: pass --database-url postgres://… or set DATABASE_URL.');
  if (!/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new UsageError('--database-url must be a PostgreSQL address starting with postgres:// or postgresql://.');
  const host = flags.host?.trim() || '127.0.0.1';
  if (host !== 'localhost' && isIP(host) === 0)
    throw new UsageError(`--host must be an IP address or localhost, not ${JSON.stringify(host)}.`);
  if ((flags['tls-cert'] === undefined) !== (flags['tls-key'] === undefined))
    throw new UsageError('--tls-cert and --tls-key go together: give both, or neither.');
  const tls = flags['tls-cert'] && flags['tls-key'] ? { certFile: flags['tls-cert'], keyFile: flags['tls-key'] } : null;
  if (!tls && !LOOPBACK.has(host))
    throw new UsageError(
      `--host ${host} listens beyond this machine, where plain http would carry the apps' data unencrypted: give --tls-cert and --tls-key, or keep 127.0.0.1 behind a reverse proxy that terminates TLS.`,
    );
  return {
    ...kommoAccountSettings(flags, env),
    databaseUrl,
    host,
    port: parsePort(flags.port ?? env.KOMMO_SERVER_PORT, 8787),
    tls,
    publicUrl: flags['public-url'] ? publicUrl(flags['public-url']) : null,
    json: flags.json,
    verbose: flags.verbose,
  };
}

function publicUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--public-url must be an address like https://mirror.example.com, not ${JSON.stringify(text)}.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    throw new UsageError('--public-url must use https:// (plain http only for this machine).');
  return url.toString().replace(/\/+$/, '');
}
