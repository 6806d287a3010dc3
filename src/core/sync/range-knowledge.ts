/**
 * Whether Kommo's `filter[x][from]` and `[to]` include the bound is UNCONFIRMED (docs/kommo-api.md §7.3, §19). Until
 * a response proves it, bounds are widened by one second so both readings are safe: asking from
 * s − 1 returns second s whether `from` is inclusive or not (re-reading s − 1 is harmless: upserts
 * are idempotent). A record whose value equals the bound sent proves that bound inclusive; that is
 * learned per field and persisted. Exclusivity is never assumed from an absence.
 */
export interface BoundKnowledge {
  from: boolean | null;
  to: boolean | null;
}

export type RangeField = 'updated_at' | 'created_at' | 'events.created_at';

export type RangeKnowledgeState = Partial<Record<RangeField, BoundKnowledge>> & {
  /** The one-time probe (range-probe.ts) has run. */
  probed?: boolean;
};

export class RangeKnowledge {
  private readonly state: RangeKnowledgeState;
  private dirty = false;

  constructor(initial: RangeKnowledgeState | null) {
    this.state = structuredClone(initial ?? {});
  }

  /** The `[from]` to send so that records at `second` are included. */
  from(field: RangeField, second: number): number {
    return this.state[field]?.from === true ? second : second - 1;
  }

  /** The `[to]` to send so that records at `second` are included. */
  to(field: RangeField, second: number): number {
    return this.state[field]?.to === true ? second : second + 1;
  }

  /** Learns from the values a response returned for bounds that were sent. */
  learn(field: RangeField, sent: { from?: number; to?: number }, values: readonly number[]): void {
    const known = (this.state[field] ??= { from: null, to: null });
    if (known.from !== true && sent.from !== undefined && values.includes(sent.from)) {
      known.from = true;
      this.dirty = true;
    }
    if (known.to !== true && sent.to !== undefined && values.includes(sent.to)) {
      known.to = true;
      this.dirty = true;
    }
  }

  get probed(): boolean {
    return this.state.probed === true;
  }

  markProbed(): void {
    this.state.probed = true;
    this.dirty = true;
  }

  get(field: RangeField): BoundKnowledge {
    return { from: null, to: null, ...this.state[field] };
  }

  /** The state to persist if something was learned since the last call, else null. */
  takeChanges(): RangeKnowledgeState | null {
    if (!this.dirty) return null;
    this.dirty = false;
    return structuredClone(this.state);
  }
}
