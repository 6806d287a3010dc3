/**
 * npm run sim -- --seed 1 --leads 5000 --contacts 5000 --port 0 [--json] [--activity]
 *               [--accounts demo,shop.amocrm.ru] [--redirect-uri URL] [--frozen] [--start UNIX]
 *               [--shape spread|bulk:600|one-second] [--tie-order id|shuffle|unstable]
 *
 * Starts the Kommo simulator and prints what a client needs to connect. This is the one place
 * allowed to print tokens and secrets: the person who started it asked for them.
 */
import { parseShape, type SimulatorOptions, startSimulator } from './index';

const USAGE =
  'usage: npm run sim -- [--seed N] [--leads N] [--contacts N] [--port N] [--json] [--activity] [--accounts a,b] [--redirect-uri URL] [--frozen] [--start UNIX] [--shape spread|bulk:N|one-second] [--tie-order id|shuffle|unstable]';

function parseArgs(argv: string[]): { options: SimulatorOptions; json: boolean } {
  const options: SimulatorOptions = {};
  let json = false;
  const clock: { start?: number; frozen?: boolean } = {};
  const int = (flag: string, v: string | undefined): number => {
    const n = Number(v);
    if (v === undefined || !Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a whole number`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--seed':
        options.seed = int(flag, value());
        break;
      case '--leads':
        options.leads = int(flag, value());
        break;
      case '--contacts':
        options.contacts = int(flag, value());
        break;
      case '--port':
        options.port = int(flag, value());
        break;
      case '--accounts':
        options.accounts = (value() ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case '--redirect-uri':
        options.redirectUri = value() ?? '';
        break;
      case '--start':
        clock.start = int(flag, value());
        break;
      case '--frozen':
        clock.frozen = true;
        break;
      case '--activity':
        options.activity = true;
        break;
      case '--shape':
        options.shape = parseShape(value() ?? '');
        break;
      case '--tie-order':
        options.behaviour = { ...options.behaviour, tieOrder: parseTieOrder(value()) };
        break;
      case '--json':
        json = true;
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${arg}`);
    }
  }
  if (clock.start !== undefined || clock.frozen) options.clock = clock;
  return { options, json };
}

function parseTieOrder(v: string | undefined): 'id' | 'shuffle' | 'unstable' {
  if (v === 'id' || v === 'shuffle' || v === 'unstable') return v;
  throw new Error('--tie-order takes id, shuffle or unstable');
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    process.exit(2);
  }
  const started = performance.now();
  const sim = await startSimulator(parsed.options);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const accounts = sim.accounts.map((a) => ({
    subdomain: a.subdomain,
    host: a.host,
    apiBaseUrl: a.apiBaseUrl,
    longLivedToken: a.longLivedToken,
    clientId: a.oauth.clientId,
    clientSecret: a.oauth.clientSecret,
    redirectUri: a.oauth.redirectUri,
    consentUrl: a.oauth.consentUrl,
  }));
  if (parsed.json) {
    console.log(JSON.stringify({ url: sim.url, ...accounts[0], controlUrl: `${sim.url}/__sim/`, accounts }));
  } else {
    console.log(`Kommo simulator on ${sim.url} (ready in ${seconds} s${parsed.options.activity ? ', activity mode on' : ''})`);
    for (const a of accounts) {
      console.log('');
      console.log(`account host      ${a.host}`);
      console.log(`API base URL      ${a.apiBaseUrl}`);
      console.log(`long-lived token  ${a.longLivedToken}`);
      console.log(`OAuth client id   ${a.clientId}`);
      console.log(`OAuth secret      ${a.clientSecret}`);
      console.log(`redirect URI      ${a.redirectUri}`);
      console.log(`consent page      ${a.consentUrl}`);
    }
    console.log('');
    console.log(`control API       ${sim.url}/__sim/   (see sim/README.md)`);
    console.log('Ctrl+C to stop.');
  }
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
