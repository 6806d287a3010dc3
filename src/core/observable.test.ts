import { describe, expect, it } from 'vitest';
import { Observable, StateObservable, structurallyEqual } from './observable';

describe('Observable', () => {
  it('calls every subscriber with what is emitted until it unsubscribes', () => {
    const observable = new Observable<[string, number]>();
    const seen: string[] = [];
    const stop = observable.subscribe((name, n) => seen.push(`a:${name}${n}`));
    observable.subscribe((name, n) => seen.push(`b:${name}${n}`));
    observable.emit('x', 1);
    stop();
    observable.emit('y', 2);
    expect(seen).toEqual(['a:x1', 'b:x1', 'b:y2']);
  });

  it('calls a listener subscribed twice once, and none after clear()', () => {
    const observable = new Observable<[]>();
    let calls = 0;
    const listener = () => (calls += 1);
    observable.subscribe(listener);
    observable.subscribe(listener);
    observable.emit();
    observable.clear();
    observable.emit();
    expect(calls).toBe(1);
  });

  it('does not call a listener another one removed during the same emit', () => {
    const observable = new Observable<[]>();
    const seen: string[] = [];
    let stopSecond = () => {};
    observable.subscribe(() => {
      seen.push('first');
      stopSecond();
    });
    stopSecond = observable.subscribe(() => seen.push('second'));
    observable.emit();
    expect(seen).toEqual(['first']);
  });
});

describe('StateObservable', () => {
  it('emits a state only when it differs from the last one emitted, whatever its key order', () => {
    const state = new StateObservable<{ state: string; progress: { done: number } | null }>();
    const seen: unknown[] = [];
    state.subscribe((value) => seen.push(value));
    expect(state.emitIfChanged({ state: 'idle', progress: null })).toBe(true);
    expect(state.emitIfChanged({ progress: null, state: 'idle' })).toBe(false);
    expect(state.emitIfChanged({ state: 'syncing', progress: { done: 1 } })).toBe(true);
    expect(state.emitIfChanged({ state: 'syncing', progress: { done: 1 } })).toBe(false);
    expect(state.emitIfChanged({ state: 'syncing', progress: { done: 2 } })).toBe(true);
    expect(seen).toEqual([
      { state: 'idle', progress: null },
      { state: 'syncing', progress: { done: 1 } },
      { state: 'syncing', progress: { done: 2 } },
    ]);
  });

  it('uses the equality it is given', () => {
    const state = new StateObservable<{ id: number; at: number }>((a, b) => a.id === b.id);
    const seen: number[] = [];
    state.subscribe((value) => seen.push(value.at));
    state.emitIfChanged({ id: 1, at: 10 });
    state.emitIfChanged({ id: 1, at: 20 });
    state.emitIfChanged({ id: 2, at: 30 });
    expect(seen).toEqual([10, 30]);
  });

  it('emits nothing for a state equal to the one it started from', () => {
    const state = new StateObservable<{ kind: string }>().startFrom({ kind: 'open' });
    const seen: string[] = [];
    state.subscribe((value) => seen.push(value.kind));
    state.emitIfChanged({ kind: 'open' });
    state.emitIfChanged({ kind: 'paused' });
    expect(seen).toEqual(['paused']);
  });

  it('emits the first state even when it is empty', () => {
    const state = new StateObservable<null>();
    const seen: unknown[] = [];
    state.subscribe((value) => seen.push(value));
    state.emitIfChanged(null);
    state.emitIfChanged(null);
    expect(seen).toEqual([null]);
  });
});

describe('structurallyEqual', () => {
  it('compares plain data by value', () => {
    expect(structurallyEqual({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(structurallyEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(structurallyEqual([1, 2], [2, 1])).toBe(false);
    expect(structurallyEqual([1], [1, 2])).toBe(false);
    expect(structurallyEqual([], {})).toBe(false);
    expect(structurallyEqual(null, {})).toBe(false);
    expect(structurallyEqual({ a: null }, { a: 0 })).toBe(false);
    expect(structurallyEqual(Number.NaN, Number.NaN)).toBe(true);
  });

  it('treats a key set to undefined like a missing key', () => {
    expect(structurallyEqual({ state: 'error', reason: undefined }, { state: 'error' })).toBe(true);
    expect(structurallyEqual({ state: 'error', reason: 'x' }, { state: 'error' })).toBe(false);
  });
});
