import type { DemoAccount } from '../core/auth';
import { startSimulator } from '../../sim/index';

/**
 * The demo account for the headless host: the bundled simulator on 127.0.0.1 in activity mode
 * (leads and contacts change every few seconds), signed in with its long-lived token. The core
 * stops it on disconnect and at shutdown.
 */
export async function startDemoAccount(): Promise<DemoAccount> {
  const sim = await startSimulator({ activity: true, leads: 1500, contacts: 1200 });
  const account = sim.account();
  return { accountHost: account.host, apiBaseUrl: account.apiBaseUrl, token: account.longLivedToken, close: () => sim.close() };
}
