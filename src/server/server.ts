/**
 * `npm run server`: the team server. Mirrors one Kommo account into PostgreSQL with the desktop's
 * sync engine, receives Kommo's webhooks, and says how it is doing at /healthz. Several instances
 * may share the database; one syncs. See SERVER_USAGE.
 */
import { UsageError } from '../headless/cli-args';
import { TOKEN_FLAG_WARNING, tokenOnCommandLine } from '../headless/sync-settings';
import { redactText } from '../core/log';
import { ServerRun } from './server-run';
import { SERVER_USAGE, serverSettings } from './server-settings';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let settings;
  try {
    settings = serverSettings(argv, process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${SERVER_USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (!settings) {
    process.stdout.write(`${SERVER_USAGE}\n`);
    return;
  }
  if (tokenOnCommandLine(argv)) process.stderr.write(`${TOKEN_FLAG_WARNING}\n`);
  const run = new ServerRun(settings, (message) => process.stderr.write(`${message}\n`));
  const onSignal = (signal: NodeJS.Signals): void => {
    process.once(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
    void run.close().then(() => process.exit(0));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const addresses = await run.start();
  if (settings.json) process.stdout.write(`${JSON.stringify(addresses)}\n`);
  else process.stderr.write(`Team server listening on ${addresses.url}\nKommo webhook address: ${addresses.webhookUrl}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`The server could not start: ${redactText(error instanceof Error ? error.message : String(error))}\n`);
  process.exit(1);
});
