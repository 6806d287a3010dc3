/**
 * A list of records kept sorted by (key, tie, id), so a page of a 200k-record list is a binary
 * search plus a slice instead of a sort per request. Each entry remembers the key it was filed
 * under, so a record can be removed after its fields changed.
 */
export interface IndexEntry<T> {
  readonly k: number;
  readonly t: number;
  readonly id: number;
  readonly rec: T;
}

export class SortedIndex<T extends { id: number }> {
  private items: IndexEntry<T>[] = [];
  private readonly entries = new Map<number, IndexEntry<T>>();

  constructor(
    private readonly key: (rec: T) => number,
    private readonly tie: (id: number) => number,
  ) {}

  get size(): number {
    return this.items.length;
  }

  at(position: number): IndexEntry<T> | undefined {
    return this.items[position];
  }

  has(id: number): boolean {
    return this.entries.has(id);
  }

  /** Replaces the contents in one sort (for loading generated data). */
  build(records: Iterable<T>): void {
    this.entries.clear();
    const items: IndexEntry<T>[] = [];
    for (const rec of records) {
      const entry = this.entryFor(rec);
      items.push(entry);
      this.entries.set(rec.id, entry);
    }
    items.sort(compare);
    this.items = items;
  }

  insert(rec: T): void {
    if (this.entries.has(rec.id)) this.remove(rec.id);
    const entry = this.entryFor(rec);
    const position = this.searchEntry(entry);
    this.items.splice(position, 0, entry);
    this.entries.set(rec.id, entry);
  }

  remove(id: number): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    const position = this.searchEntry(entry);
    if (this.items[position] !== entry) throw new Error(`sorted index out of order at id ${id}`);
    this.items.splice(position, 1);
    this.entries.delete(id);
  }

  /** First position whose key is >= k. */
  lowerBound(k: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.items[mid] as IndexEntry<T>).k < k) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First position whose key is > k. */
  upperBound(k: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.items[mid] as IndexEntry<T>).k <= k) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private entryFor(rec: T): IndexEntry<T> {
    return { k: this.key(rec), t: this.tie(rec.id), id: rec.id, rec };
  }

  /** The position where `entry` is (or would go). */
  private searchEntry(entry: IndexEntry<T>): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(this.items[mid] as IndexEntry<T>, entry) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function compare<T>(a: IndexEntry<T>, b: IndexEntry<T>): number {
  return a.k - b.k || a.t - b.t || a.id - b.id;
}
