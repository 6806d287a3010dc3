/**
 * The one way core objects tell others about something: a set of listeners, each subscription
 * returning its own unsubscribe (PowerSync's `BaseObserver`). A listener added twice is called
 * once; one removed while an emit runs is not called again by it. A listener that throws stops
 * that emit and the error reaches the emitter, as with a plain loop.
 */
export class Observable<Args extends unknown[]> {
  private readonly listeners = new Set<(...args: Args) => void>();

  subscribe(listener: (...args: Args) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(...args: Args): void {
    for (const listener of this.listeners) listener(...args);
  }

  clear(): void {
    this.listeners.clear();
  }
}

/**
 * An observable state that tells its listeners only when it really changed (PowerSync's
 * `SyncStatus.isEqual`): `emitIfChanged(next)` compares `next` with the last value it emitted
 * using `isEqual` (structural by default, so a status rebuilt with its keys in another order is
 * still the same status).
 */
export class StateObservable<T> extends Observable<[T]> {
  private last: { value: T } | null = null;

  constructor(private readonly isEqual: (a: T, b: T) => boolean = structurallyEqual) {
    super();
  }

  /**
   * Takes `value` as what the listeners already know (a state read at construction), so only a
   * later change is emitted. Returns this, for `new StateObservable<S>().startFrom(initial)`.
   */
  startFrom(value: T): this {
    this.last = { value };
    return this;
  }

  /** Emits `next` unless it equals the last value emitted; says whether it did. */
  emitIfChanged(next: T): boolean {
    if (this.last && this.isEqual(this.last.value, next)) return false;
    this.last = { value: next };
    this.emit(next);
    return true;
  }
}

/**
 * Plain-data equality (JSON-like values: no Dates, Maps or class instances): the same primitives
 * (`Object.is`), arrays of equal items in order, plain objects with equal values under the same
 * keys in any order. A key whose value is `undefined`
 * counts as absent, as it does once the value is sent to a page (JSON or structured clone of
 * `{ reason: undefined }` tells no more than `{}`).
 */
export function structurallyEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => structurallyEqual(item, b[index]));
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!structurallyEqual(left[key], right[key])) return false;
  return true;
}
