/**
 * A newcomer's first launch opens the demo account; a mirror of a real account, a saved sign-in
 * or a configured "Sign in with Kommo" never does.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstDownloadDone } from '../../../test/helpers/core-sync';
import { useSimulators } from '../../../test/helpers/kommo-sim';
import { useTempDir } from '../../../test/helpers/temp-dir';
import { useTestCores } from '../../../test/helpers/test-core';
import type { DemoAccount, OAuthConfig } from '../auth';
import { openDatabase, upsertAccount } from '../db';
import { type KommoAccount } from '../kommo';
import { silentLogger } from '../log';
import { connectDemoOnFirstLaunch, demoOnFirstLaunchWanted } from './first-launch';
import { type Core } from './create-core';

const startSim = useSimulators();
const tempDir = useTempDir();
const startTestCore = useTestCores(tempDir);

let demoSeed = 100;

/** A core whose demo account is a fresh simulator with a seed of its own, as the hosts' is. */
function coreWithDemo(databasePath: string, oauth: OAuthConfig | null = null): { core: Core; demosStarted: () => number } {
  let started = 0;
  const startDemoAccount = async (): Promise<DemoAccount> => {
    started++;
    const sim = await startSim({ seed: demoSeed++, leads: 40, contacts: 20, behaviour: { rateLimit: { enabled: false } } });
    const account = sim.account();
    return { accountHost: account.host, apiBaseUrl: account.apiBaseUrl, token: account.longLivedToken, close: () => sim.close() };
  };
  const core = startTestCore({ databasePath, auth: { oauth, startDemoAccount, apiBaseUrlTemplate: null } });
  return { core, demosStarted: () => started };
}

const ACCOUNT = { id: 30_500_500, name: 'Inmobiliaria Sol', subdomain: 'sol', current_user_id: 1 } as KommoAccount;

describe('the first launch', () => {
  it('opens the demo when nothing is configured and the mirror is empty, and again on a later launch over the demo’s mirror', async () => {
    const path = join(tempDir(), 'mirror.sqlite');
    const first = coreWithDemo(path);
    const downloaded = firstDownloadDone(first.core);
    expect(await connectDemoOnFirstLaunch(first.core.connection, first.core.database, silentLogger)).toBe(true);
    expect(first.core.connection.state()).toMatchObject({ status: 'connected', account: { isDemo: true } });
    await downloaded;
    const demoAccountId = first.core.database.sqlite.prepare('SELECT id FROM account').pluck().get();
    await first.core.close();

    // The demo of a later launch is another account: it replaces the old demo's records.
    const later = coreWithDemo(path);
    const replaced = firstDownloadDone(later.core);
    expect(await connectDemoOnFirstLaunch(later.core.connection, later.core.database, silentLogger)).toBe(true);
    await replaced;
    expect(later.core.database.sqlite.prepare('SELECT id FROM account').pluck().all()).not.toContain(demoAccountId);
  });

  it('keeps a mirror of a real account: the connect screen shows, and nothing is started', async () => {
    const path = join(tempDir(), 'mirror.sqlite');
    const mirror = openDatabase(path);
    await upsertAccount(mirror.store, ACCOUNT, 'sol.kommo.com');
    await mirror.close();
    const { core, demosStarted } = coreWithDemo(path);
    expect(await connectDemoOnFirstLaunch(core.connection, core.database, silentLogger)).toBe(false);
    expect(demosStarted()).toBe(0);
    expect(core.database.sqlite.prepare('SELECT name FROM account').pluck().get()).toBe('Inmobiliaria Sol');
    expect(core.connection.state().status).toBe('disconnected');
  });

  it('leaves the choice to the user when "Sign in with Kommo" is configured', async () => {
    const oauth: OAuthConfig = {
      clientId: 'id',
      clientSecret: 's'.repeat(32),
      redirectUri: 'https://app.example/cb',
      consentUrl: 'https://www.kommo.com/oauth',
    };
    const { core, demosStarted } = coreWithDemo(join(tempDir(), 'mirror.sqlite'), oauth);
    expect(await connectDemoOnFirstLaunch(core.connection, core.database, silentLogger)).toBe(false);
    expect(demosStarted()).toBe(0);
  });
});

describe('opting out of the first-launch demo', () => {
  it('follows --no-demo and KOMMO_MIRROR_NO_DEMO', async () => {
    expect(demoOnFirstLaunchWanted([], {})).toBe(true);
    expect(demoOnFirstLaunchWanted(['--no-demo'], {})).toBe(false);
    expect(demoOnFirstLaunchWanted([], { KOMMO_MIRROR_NO_DEMO: '1' })).toBe(false);
    expect(demoOnFirstLaunchWanted([], { KOMMO_MIRROR_NO_DEMO: ' TRUE ' })).toBe(false);
    expect(demoOnFirstLaunchWanted([], { KOMMO_MIRROR_NO_DEMO: '0' })).toBe(true);
  });
});
