/**
 * `npm run web`: the headless host. Runs the core under plain Node, in its own worker thread, and
 * serves the built renderer on 127.0.0.1 with the contract over a WebSocket, for machines where
 * Electron cannot run and for the end-to-end tests. This thread keeps only the HTTP and WebSocket
 * server (and the demo simulator it may start), so a sync commit never delays a page's request.
 */
import { resolve } from 'node:path';
import packageJson from '../../package.json';
import { demoOnFirstLaunchWanted } from '../core/app/first-launch';
import { resolveDatabasePath } from '../core/app/paths';
import { startCoreWorker } from '../core/app/worker/core-worker-host';
import { createLogger, stderrSink } from '../core/log';
import { parseCli, parsePort, UsageError } from './cli-args';
import { EXPORT_DOWNLOAD_PATH, exportDownloads } from './export-downloads';
import { startDemoSimulator } from '../../sim/index';
import { OAUTH_CALLBACK_PATH, oauthCallbackRoute } from './oauth-callback';
import { headlessTokenStore } from './token-store';
import { startWebPreview } from './web-server';

const USAGE = `Usage: npm run web -- [--port N] [--json] [--db FILE] [--no-demo]
  --port N     port on 127.0.0.1 (0 = any free port; default 0)
  --json       print one JSON line {"url": ...} instead of a sentence
  --db FILE    the SQLite mirror (default: KOMMO_MIRROR_DB, then the app-data folder)
  --no-demo    open on the connect screen even when no Kommo account is configured
               (also KOMMO_MIRROR_NO_DEMO=1)`;

async function main(): Promise<void> {
  const args = parseCli(process.argv.slice(2), {
    port: { type: 'string' },
    json: { type: 'boolean', default: false },
    db: { type: 'string' },
    'no-demo': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  });
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const logSink = stderrSink();
  const log = createLogger(logSink, 'headless');
  const databasePath = resolve(resolveDatabasePath({ flag: args.db }));
  const downloads = await exportDownloads(log);
  const core = await startCoreWorker({
    boot: {
      databasePath,
      host: 'web',
      version: packageJson.version,
      systemLocale: Intl.DateTimeFormat().resolvedOptions().locale,
      demoOnFirstLaunch: demoOnFirstLaunchWanted(process.argv),
    },
    // OAuth settings come from KOMMO_CLIENT_ID / _SECRET / KOMMO_REDIRECT_URI (…/oauth/callback on this
    // port), read by the worker from its copy of the environment.
    services: { tokenStore: headlessTokenStore(databasePath), startDemoAccount: startDemoSimulator, exportTarget: downloads.target },
    logSink,
  });
  // A worker that dies is logged, and the page shows the error in its sync banner: every request
  // then answers with it instead of hanging.
  const preview = await startWebPreview({
    dispatch: core.dispatch,
    events: core.events,
    rendererDir: resolve(__dirname, '../../out/renderer'),
    port: parsePort(args.port, 0),
    log,
    routes: { [OAUTH_CALLBACK_PATH]: oauthCallbackRoute(core, log), [EXPORT_DOWNLOAD_PATH]: downloads.route },
  });
  process.stdout.write(
    args.json ? `${JSON.stringify({ url: preview.url })}\n` : `Kommo Mirror is running. Open ${preview.url}\n(Ctrl+C stops it.)\n`,
  );
  const shutdown = async (): Promise<void> => {
    await preview.close();
    await core.close();
    await downloads.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) process.stderr.write(`${error.message}\n\n${USAGE}\n`);
  else process.stderr.write(`Kommo Mirror could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
