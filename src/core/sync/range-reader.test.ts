import { describe, expect, it } from 'vitest';
import { splitWindow } from './range-reader';

/** The seconds the windows cover, in order, and whether each window is smaller than [from, to]. */
function covered(from: number, to: number, windows: Array<[number, number]>): { seconds: number[]; smaller: boolean } {
  const seconds = windows.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i)).sort((x, y) => x - y);
  return { seconds, smaller: windows.every(([a, b]) => b - a < to - from) };
}

describe('splitWindow (a full created_at window of a crowded updated_at second)', () => {
  it('halves a window at the median it saw, without a window of its own for the median second', () => {
    // A one-second window costs a request, usually for one record: only a crowded second earns one.
    expect(splitWindow(0, 100, [10, 20, 30, 40, 50])).toEqual([
      [31, 100],
      [0, 30],
    ]);
  });

  it('isolates the last second when the median is there, so a crowded creation second is read by itself', () => {
    expect(splitWindow(0, 100, [40, 100, 100, 100])).toEqual([
      [100, 100],
      [0, 99],
    ]);
  });

  it('always covers exactly [from, to] with smaller windows, so reading them ends and misses nothing', () => {
    let state = 7;
    const random = (n: number) => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) % n;
    for (let round = 0; round < 500; round++) {
      const from = random(50);
      const to = from + 1 + random(60);
      const seen = Array.from({ length: random(12) }, () => from + random(to - from + 1));
      const windows = splitWindow(from, to, seen);
      const { seconds, smaller } = covered(from, to, windows);
      expect(seconds).toEqual(Array.from({ length: to - from + 1 }, (_, i) => from + i));
      expect(smaller).toBe(true);
    }
  });
});
