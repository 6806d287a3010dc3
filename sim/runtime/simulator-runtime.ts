import { SimClock } from '../core/clock';
import { mix32, Rng } from '../core/rng';
import { seedNotesAndTasks } from '../generate/activity';
import { generateAccountData } from '../generate/index';
import { type AccountShape } from '../generate/shape';
import { RateLimiter } from '../guard/rate-limit';
import { RequestLog } from '../guard/request-log';
import { TokenAuthority, type Integration } from '../oauth/tokens';
import { DEFAULT_BEHAVIOUR, type SimBehaviour, type SimBehaviourInput, mergeBehaviour } from '../options';
import { type AccountAddress } from '../state/account-state';
import { AccountRuntime } from './account-runtime';

export interface RuntimeOptions {
  seed: number;
  leads: number;
  contacts: number;
  accounts: string[];
  clock: { start?: number; frozen?: boolean };
  behaviour?: SimBehaviourInput;
  redirectUri?: string;
  shape?: AccountShape;
  /** Seed every account with notes and tasks (the demo does; tests add their own through the control API). */
  notesAndTasks?: boolean;
}

const BASE_DOMAINS = ['kommo.com', 'amocrm.com', 'amocrm.ru'] as const;
const LONG_LIVED_TTL = 5 * 365 * 86_400;

/** `demo` → demo.kommo.com; `shop.amocrm.ru` → that host as given. */
export function parseAccount(entry: string): AccountAddress {
  const lower = entry.trim().toLowerCase();
  for (const base of BASE_DOMAINS) {
    if (lower.endsWith(`.${base}`)) {
      const subdomain = lower.slice(0, -base.length - 1);
      return { subdomain, baseDomain: base, host: lower };
    }
  }
  if (!/^[a-z0-9][a-z0-9-]*$/.test(lower)) throw new Error(`not a subdomain: ${entry}`);
  return { subdomain: lower, baseDomain: 'kommo.com', host: `${lower}.kommo.com` };
}

/**
 * Everything behind the HTTP server: the clock, the switches, every account, OAuth, the rate
 * limiter and the request log. `behaviour` is one object shared by reference with every account,
 * so a control change applies everywhere at once.
 */
export class SimulatorRuntime {
  readonly clock: SimClock;
  readonly behaviour: SimBehaviour;
  readonly accounts = new Map<string, AccountRuntime>();
  readonly tokens: TokenAuthority;
  readonly limiter = new RateLimiter();
  readonly log = new RequestLog();
  readonly longLivedTokens = new Map<string, string>();
  defaultIntegration!: Integration;
  /** Set once the server listens. */
  url = '';
  /** The account the consent page approves for when auto-approve is on and the URL names none. */
  autoApproveAccount: string | null = null;

  constructor(readonly options: RuntimeOptions) {
    this.clock = new SimClock(options.clock);
    this.behaviour = mergeBehaviour(DEFAULT_BEHAVIOUR, options.behaviour);
    const now = this.clock.now();
    options.accounts.forEach((entry, i) => {
      const address = parseAccount(entry);
      if (this.accounts.has(address.subdomain)) throw new Error(`duplicate account ${address.subdomain}`);
      // Each account gets its own data (and ids) from a seed derived from the main one.
      const seed = i === 0 ? options.seed : mix32(options.seed + i * 7919);
      const data = generateAccountData({
        seed,
        leads: options.leads,
        contacts: options.contacts,
        now,
        subdomain: address.subdomain,
        ...(options.shape ? { shape: options.shape } : {}),
      });
      const account = new AccountRuntime(address, data, this.clock, this.behaviour);
      if (options.notesAndTasks) seedNotesAndTasks(account.state, new Rng(mix32(seed) ^ 0x7a5c));
      this.accounts.set(address.subdomain, account);
    });
    this.tokens = new TokenAuthority(
      this.clock,
      () => this.behaviour,
      (sub) => this.accounts.get(sub)?.state.info.id ?? 0,
      (sub) => this.accounts.get(sub)?.state.address.baseDomain ?? 'kommo.com',
    );
  }

  /** Called once the port is known: the default integration and long-lived tokens need the URL. */
  attach(url: string): void {
    this.url = url;
    this.defaultIntegration = this.tokens.registerIntegration({
      redirectUri: this.options.redirectUri ?? `${url}/oauth/callback`,
      name: 'Kommo Mirror',
    });
    for (const acct of this.accounts.values()) {
      this.longLivedTokens.set(
        acct.subdomain,
        this.tokens.issueLongLived(acct.subdomain, this.defaultIntegration.clientId, acct.state.currentUserId, LONG_LIVED_TTL),
      );
    }
  }

  account(subdomain?: string): AccountRuntime {
    const key = subdomain ?? this.options.accounts.map((a) => parseAccount(a).subdomain)[0] ?? '';
    const acct = this.accounts.get(key.toLowerCase());
    if (!acct) throw new Error(`no account ${subdomain}`);
    return acct;
  }

  firstAccount(): AccountRuntime {
    return this.account();
  }

  apiBaseUrl(subdomain: string): string {
    return `${this.url}/a/${subdomain}`;
  }

  setBehaviour(input: SimBehaviourInput): SimBehaviour {
    const tieBefore = this.behaviour.tieOrder;
    Object.assign(this.behaviour, mergeBehaviour(this.behaviour, input));
    if (this.behaviour.tieOrder !== tieBefore) for (const a of this.accounts.values()) a.state.applyTieOrder();
    return this.behaviour;
  }
}

export { LONG_LIVED_TTL };
