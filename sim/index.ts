import { randomInt } from 'node:crypto';
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Control } from './control/control';
import { controlHttp } from './control/http';
import { type SimControl } from './control/types';
import { MAX_RECORDS } from './generate/index';
import { createDispatcher } from './http/dispatch';
import { type SimBehaviourInput } from './options';
import { type AccountShape } from './generate/shape';
import { SimulatorRuntime } from './runtime/simulator-runtime';

/**
 * The Kommo simulator's public API: the only module hosts and tests import (see sim/README.md).
 */
export interface SimulatorOptions {
  /** Default 1. */
  seed?: number;
  /** Default 200 each; up to 200_000 each. */
  leads?: number;
  contacts?: number;
  /** How records are laid out in time: spread (default), a bulk import, or one crowded second. */
  shape?: AccountShape;
  /** Default 0: any free port. Always listens on 127.0.0.1. */
  port?: number;
  /** Subdomains (`demo`) or full account hosts (`shop.amocrm.ru`). Default ['demo']. */
  accounts?: string[];
  /** Seed the accounts with notes and tasks (Spanish texts, some overdue, some due today). Default false. */
  notesAndTasks?: boolean;
  /** The demo's activity mode: realistic changes every few seconds. */
  activity?: boolean;
  /** Unix seconds; a frozen clock moves only through the control API. Default: now, running. */
  clock?: { start?: number; frozen?: boolean };
  /** The UNCONFIRMED switches, rate limit and lifetimes (see SimBehaviour). */
  behaviour?: SimBehaviourInput;
  /** Redirect URI of the default integration. Default: the simulator's own /oauth/callback page. */
  redirectUri?: string;
}

export interface SimAccount {
  subdomain: string;
  /** The account host a client stores, e.g. 'demo.kommo.com'. */
  host: string;
  /** The base URL override a client uses, e.g. 'http://127.0.0.1:PORT/a/demo'; it appends '/api/v4/...' and '/oauth2/access_token'. */
  apiBaseUrl: string;
  longLivedToken: string;
  oauth: { clientId: string; clientSecret: string; redirectUri: string; consentUrl: string };
  currentUserId: number;
}

export interface Simulator {
  /** http://127.0.0.1:PORT */
  url: string;
  accounts: SimAccount[];
  account(subdomain?: string): SimAccount;
  control: SimControl;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const leads = options.leads ?? 200;
  const contacts = options.contacts ?? 200;
  if (leads > MAX_RECORDS || contacts > MAX_RECORDS) throw new Error(`at most ${MAX_RECORDS} leads and contacts`);
  const rt = new SimulatorRuntime({
    seed: options.seed ?? 1,
    leads,
    contacts,
    accounts: options.accounts && options.accounts.length > 0 ? options.accounts : ['demo'],
    clock: options.clock ?? {},
    ...(options.behaviour ? { behaviour: options.behaviour } : {}),
    ...(options.shape ? { shape: options.shape } : {}),
    ...(options.redirectUri ? { redirectUri: options.redirectUri } : {}),
    ...(options.notesAndTasks ? { notesAndTasks: true } : {}),
  });
  const control = new Control(rt);
  const server = createServer(createDispatcher(rt, controlHttp(control)));
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  rt.attach(url);
  if (options.activity) control.setActivity({ on: true });

  const describe = (subdomain: string): SimAccount => {
    const acct = rt.account(subdomain);
    const integration = rt.defaultIntegration;
    return {
      subdomain: acct.subdomain,
      host: acct.state.address.host,
      apiBaseUrl: rt.apiBaseUrl(acct.subdomain),
      longLivedToken: rt.longLivedTokens.get(acct.subdomain) ?? '',
      // Read through getters so a changed redirect URI shows up here too.
      oauth: {
        clientId: integration.clientId,
        clientSecret: integration.clientSecret,
        get redirectUri() {
          return integration.redirectUri;
        },
        consentUrl: `${url}/oauth`,
      },
      currentUserId: acct.state.currentUserId,
    };
  };
  const accounts = [...rt.accounts.keys()].map(describe);
  let closed = false;
  return {
    url,
    accounts,
    account: (subdomain) => {
      const found =
        subdomain === undefined
          ? accounts[0]
          : accounts.find((a) => a.subdomain === subdomain.toLowerCase() || a.host === subdomain.toLowerCase());
      if (!found) throw new Error(`no account ${subdomain}`);
      return found;
    },
    control,
    close: async () => {
      if (closed) return;
      closed = true;
      control.dispose();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** What a host needs to sign in to the demo account (the shape of the core's DemoAccount). */
export interface DemoSimulator {
  accountHost: string;
  apiBaseUrl: string;
  token: string;
  close(): Promise<void>;
}

/**
 * The demo account both hosts offer: the simulator in activity mode (leads and contacts change
 * every few seconds) with a seed of its own per launch. Each demo session is a new account, so a
 * mirror left by an earlier session is replaced rather than mixed with this one.
 */
export async function startDemoSimulator(): Promise<DemoSimulator> {
  const sim = await startSimulator({ seed: randomInt(1, 2 ** 31), activity: true, notesAndTasks: true, leads: 1500, contacts: 1200 });
  const account = sim.account();
  return { accountHost: account.host, apiBaseUrl: account.apiBaseUrl, token: account.longLivedToken, close: () => sim.close() };
}

export { generateAccountData, type GenerateOptions } from './generate/index';
export { parseShape, shapeLabel, type AccountShape } from './generate/shape';
export { DEFAULT_BEHAVIOUR, type SimBehaviour, type SimBehaviourInput } from './options';
export type { SimControl, SimSnapshot, LeadInput, ContactInput, ControlEntity, OnAccount, ByActor } from './control/types';
export type { FaultSettings } from './guard/faults';
export type { LogEntry, SimCounters } from './guard/request-log';
export type { Delivery } from './webhooks/deliver';
export type { PaginationMutation } from './control/pagination-mutator';
export type { ActivityKind } from './control/activity';
export type { Integration, TokenPair } from './oauth/tokens';
export type * from './model/types';
