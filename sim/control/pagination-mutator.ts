import { type ContactRecord, type LeadRecord } from '../model/types';
import { type AccountState } from '../state/account-state';
import { type OrderField } from '../state/entity-table';
import { type Mutator } from '../state/mutations';

/**
 * "Mutate during pagination": between the list requests of a paginated read, records change
 * (docs/lessons.md, sync connectors 1). The first list request after enabling is served untouched;
 * before each later one, `perRequest` records are changed:
 * - `bump`: ordinary edits at the clock's now (records move behind an updated_at cursor);
 * - `same_second`: edits whose updated_at is set to the updated_at of the last record the previous
 *   page served, so same-second ties straddle the page boundary;
 * - `delete`: deletions (pages shift under a page-number reader).
 */
export interface PaginationMutation {
  entity: 'leads' | 'contacts';
  perRequest: number;
  mode: 'bump' | 'same_second' | 'delete';
  /** How many list requests get mutations before the mode switches itself off (default: unlimited). */
  times?: number;
}

export class PaginationMutator {
  private config: PaginationMutation | null = null;
  private seen = 0;
  private applied = 0;
  private boundary: number | null = null;
  /** Ids changed so far, for tests to check a mirror caught them. */
  readonly touched: number[] = [];

  constructor(
    private readonly s: AccountState,
    private readonly mutator: Mutator,
  ) {}

  set(config: PaginationMutation | null): void {
    this.config = config;
    this.seen = 0;
    this.applied = 0;
    this.boundary = null;
    this.touched.length = 0;
  }

  status(): { config: PaginationMutation | null; applied: number; touched: number[] } {
    return { config: this.config, applied: this.applied, touched: this.touched.slice() };
  }

  beforeList(entity: 'leads' | 'contacts'): void {
    const c = this.config;
    if (!c || c.entity !== entity) return;
    this.seen++;
    if (this.seen === 1) return;
    if (c.times !== undefined && this.applied >= c.times) return;
    this.applied++;
    for (let i = 0; i < c.perRequest; i++) this.mutateOne(c);
  }

  afterList(entity: 'leads' | 'contacts', items: Array<LeadRecord | ContactRecord>, _order: OrderField): void {
    if (!this.config || this.config.entity !== entity) return;
    const last = items[items.length - 1];
    if (last) this.boundary = last.updated_at;
  }

  private mutateOne(c: PaginationMutation): void {
    const s = this.s;
    const table = c.entity === 'leads' ? s.leads : s.contacts;
    const live = table.view(false).id;
    if (live.size === 0) return;
    const actor = s.rng.pick(s.users).id;
    for (let attempt = 0; attempt < 20; attempt++) {
      const rec = live.at(s.rng.int(0, live.size - 1))?.rec;
      if (!rec) return;
      if (c.mode === 'same_second' && (this.boundary === null || rec.updated_at >= this.boundary)) continue;
      const at = c.mode === 'same_second' && this.boundary !== null ? { updated_at: this.boundary } : {};
      if (c.mode === 'delete') {
        if (c.entity === 'leads') this.mutator.deleteLead(rec.id, actor);
        else this.mutator.deleteContact(rec.id, actor);
      } else if (c.entity === 'leads') {
        this.mutator.updateLead(rec.id, { price: (rec as LeadRecord).price + 100, ...at }, actor);
      } else {
        const other = s.users.find((u) => u.id !== rec.responsible_user_id) ?? s.users[0];
        this.mutator.updateContact(rec.id, { responsible_user_id: other?.id ?? rec.responsible_user_id, ...at }, actor);
      }
      this.touched.push(rec.id);
      return;
    }
  }
}
