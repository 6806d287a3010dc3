import { SortedIndex } from '../core/sorted-index';

export interface Indexed {
  id: number;
  created_at: number;
  updated_at: number;
  is_deleted: boolean;
}

export type OrderField = 'id' | 'updated_at' | 'created_at';

/** The three orders a list can be read in, over one set of records (live or deleted). */
export class IndexSet<T extends Indexed> {
  readonly id: SortedIndex<T>;
  readonly updated_at: SortedIndex<T>;
  readonly created_at: SortedIndex<T>;

  constructor(tie: (id: number) => number) {
    this.id = new SortedIndex<T>(
      (r) => r.id,
      () => 0,
    );
    this.updated_at = new SortedIndex<T>((r) => r.updated_at, tie);
    this.created_at = new SortedIndex<T>((r) => r.created_at, tie);
  }

  get size(): number {
    return this.id.size;
  }

  by(field: OrderField): SortedIndex<T> {
    return this[field];
  }

  build(records: T[]): void {
    this.id.build(records);
    this.updated_at.build(records);
    this.created_at.build(records);
  }

  insert(rec: T): void {
    this.id.insert(rec);
    this.updated_at.insert(rec);
    this.created_at.insert(rec);
  }

  remove(id: number): void {
    this.id.remove(id);
    this.updated_at.remove(id);
    this.created_at.remove(id);
  }
}

/**
 * One entity type's records with sorted indexes for live and for deleted records. Every change goes
 * through `change()`, which refiles the record, so the indexes never go stale.
 */
export class EntityTable<T extends Indexed> {
  readonly byId = new Map<number, T>();
  private live: IndexSet<T>;
  private deleted: IndexSet<T>;
  /** Bumped on every change: lets per-record caches (search text) tell they are stale. */
  private readonly versions = new Map<number, number>();

  constructor(private tie: (id: number) => number) {
    this.live = new IndexSet<T>(tie);
    this.deleted = new IndexSet<T>(tie);
  }

  load(records: T[]): void {
    this.byId.clear();
    for (const r of records) this.byId.set(r.id, r);
    this.rebuild();
  }

  setTie(tie: (id: number) => number): void {
    this.tie = tie;
    this.rebuild();
  }

  get(id: number): T | undefined {
    return this.byId.get(id);
  }

  getLive(id: number): T | undefined {
    const r = this.byId.get(id);
    return r && !r.is_deleted ? r : undefined;
  }

  view(deleted: boolean): IndexSet<T> {
    return deleted ? this.deleted : this.live;
  }

  /** The tie-break key of a record in the time orders (see SimBehaviour.tieOrder). */
  tieKey(id: number): number {
    return this.tie(id);
  }

  version(id: number): number {
    return this.versions.get(id) ?? 0;
  }

  insert(rec: T): void {
    if (this.byId.has(rec.id)) throw new Error(`duplicate id ${rec.id}`);
    this.byId.set(rec.id, rec);
    this.view(rec.is_deleted).insert(rec);
  }

  change(rec: T, apply: () => void): void {
    this.view(rec.is_deleted).remove(rec.id);
    try {
      apply();
    } finally {
      this.view(rec.is_deleted).insert(rec);
      this.versions.set(rec.id, this.version(rec.id) + 1);
    }
  }

  private rebuild(): void {
    this.live = new IndexSet<T>(this.tie);
    this.deleted = new IndexSet<T>(this.tie);
    const live: T[] = [];
    const deleted: T[] = [];
    for (const r of this.byId.values()) (r.is_deleted ? deleted : live).push(r);
    this.live.build(live);
    this.deleted.build(deleted);
  }
}
