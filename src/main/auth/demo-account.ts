import type { DemoAccount } from '../../core/auth';
import { startSimulator } from '../../../sim/index';

/**
 * The demo account for the desktop app: the bundled simulator on 127.0.0.1 in activity mode,
 * signed in with its long-lived token (kept in memory only). The core stops it on disconnect and
 * at shutdown.
 */
export async function startDemoAccount(): Promise<DemoAccount> {
  const sim = await startSimulator({ activity: true, leads: 1500, contacts: 1200 });
  const account = sim.account();
  return { accountHost: account.host, apiBaseUrl: account.apiBaseUrl, token: account.longLivedToken, close: () => sim.close() };
}
