import { Fragments } from '../api/fragments';
import { type SimClock } from '../core/clock';
import { Corruptions } from '../control/corruption';
import { PaginationMutator } from '../control/pagination-mutator';
import { Faults } from '../guard/faults';
import { AccountCounters } from '../guard/request-log';
import { type EntityPlural, type GeneratedAccount } from '../model/types';
import { type SimBehaviour } from '../options';
import { type AccountAddress, AccountState } from '../state/account-state';
import { ActivityMutator } from '../state/activity-mutations';
import { Mutator } from '../state/mutations';
import { WebhookDeliverer } from '../webhooks/deliver';

/** One account with everything that acts on it: state, the mutator, faults, counters, webhooks. */
export class AccountRuntime {
  readonly state: AccountState;
  readonly mutator: Mutator;
  /** Task edits and completions, note and task deletions. */
  readonly activity: ActivityMutator;
  readonly faults: Faults;
  readonly counters = new AccountCounters();
  readonly paging: PaginationMutator;
  /** Records served with wrong values (fault injection, see control/corruption.ts). */
  readonly corruptions = new Corruptions();
  readonly webhooks: WebhookDeliverer;
  /** Cached JSON pieces of records (see api/fragments.ts). */
  readonly fragments: Fragments;
  /** A manual HTML-403 block (fault injection), in SimClock.monoMs milliseconds. */
  blockedUntilMs = 0;
  /** Lower-cased search text per record, valid while the record's version is unchanged. */
  private readonly search = new Map<string, { v: number; text: string }>();

  constructor(address: AccountAddress, data: GeneratedAccount, clock: SimClock, behaviour: SimBehaviour) {
    this.state = new AccountState(address, data, clock, behaviour);
    this.webhooks = new WebhookDeliverer(this.state);
    this.mutator = new Mutator(this.state, (n) => this.webhooks.notice(n));
    this.activity = new ActivityMutator(this.state);
    this.faults = new Faults(this.state.rng.fork(11));
    this.paging = new PaginationMutator(this.state, this.mutator);
    this.fragments = new Fragments(this.state.leads, this.state.contacts);
  }

  get subdomain(): string {
    return this.state.subdomain;
  }

  searchText(entity: EntityPlural, id: number, build: () => string): string {
    const table = entity === 'leads' ? this.state.leads : entity === 'contacts' ? this.state.contacts : this.state.companies;
    const v = table.version(id);
    const key = `${entity}:${id}`;
    const hit = this.search.get(key);
    if (hit && hit.v === v) return hit.text;
    const text = build();
    this.search.set(key, { v, text });
    return text;
  }
}
