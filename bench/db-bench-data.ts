import { generateAccountData, type GeneratedAccount } from '../sim/index';
import type { KommoAccount, KommoContact, KommoLead, KommoPipeline } from '../src/core/kommo';

/**
 * The simulator's deterministic account, in the shapes the Kommo client hands the sync engine.
 * The simulator keeps a pipeline's stages in `statuses`; the API (and so the client) nests them in
 * `_embedded.statuses`.
 */
export interface BenchAccount {
  raw: GeneratedAccount;
  account: KommoAccount;
  pipelines: KommoPipeline[];
  leads: KommoLead[];
  contacts: KommoContact[];
}

export function benchAccount(seed: number, leads: number, contacts: number): BenchAccount {
  const raw = generateAccountData({ seed, leads, contacts, now: 1_760_000_000 });
  return {
    raw,
    account: raw.account as unknown as KommoAccount,
    pipelines: raw.pipelines.map((p) => ({ ...p, _embedded: { statuses: p.statuses } })),
    leads: raw.leads,
    contacts: raw.contacts,
  };
}

/** A deterministic pseudo-random stream, so every run asks the same questions. */
export { seededRandom as randomStream } from '../test/helpers/seeded-random';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
