/**
 * `npm run sync`: the headless sync command. Mirrors a Kommo account into a SQLite file with the
 * app's own core (client, rate gate, sync engine), for servers and scripts: `--once` syncs until
 * the mirror is current and exits; otherwise it keeps syncing every 5 s until SIGINT/SIGTERM.
 * See SYNC_USAGE for flags, environment variables and exit codes.
 */
import { describeFailure } from './sync-failure';
import { SyncReport, type ReportSink } from './sync-report';
import { SyncRun } from './sync-run';
import { SYNC_USAGE, syncSettings, TOKEN_FLAG_WARNING, tokenOnCommandLine, type SyncSettings } from './sync-settings';

const sink: ReportSink = {
  stderr: (text) => process.stderr.write(text),
  stdout: (text) => process.stdout.write(text),
};

async function main(): Promise<number> {
  let settings: SyncSettings | null;
  try {
    settings = syncSettings(process.argv.slice(2), process.env);
  } catch (error) {
    const failure = describeFailure(error, null);
    process.stderr.write(`${failure.message}\n\n${SYNC_USAGE}\n`);
    return failure.exitCode;
  }
  if (!settings) {
    process.stdout.write(`${SYNC_USAGE}\n`);
    return 0;
  }
  if (tokenOnCommandLine(process.argv.slice(2))) process.stderr.write(`${TOKEN_FLAG_WARNING}\n`);
  const run = new SyncRun(settings, sink);
  const onSignal = (signal: NodeJS.Signals): void => {
    // A second signal while shutting down means "now".
    process.once(signal, () => process.exit(signal === 'SIGINT' ? 130 : 143));
    run.interrupt(signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return run.execute();
}

main()
  .catch((error: unknown) => {
    new SyncReport(sink, false).failure(describeFailure(error, null));
    return 1;
  })
  // Exits once stdout and stderr have taken everything (pipes may be asynchronous), so no line is lost.
  .then((code) => process.stdout.write('', () => process.stderr.write('', () => process.exit(code))));
