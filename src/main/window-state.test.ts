import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/helpers/temp-dir';
import { FakeClock } from '../core/time/testing/fake-clock';
import { silentLogger } from '../core/log';
import { placeWindow, WindowStateKeeper, type Rectangle, type ScreenLike, type TrackedWindow, type WindowState } from './window-state';

const tempDir = useTempDir('kommo-window-');
const laptop: Rectangle = { x: 0, y: 0, width: 1440, height: 870 };
const rightMonitor: Rectangle = { x: 1440, y: 0, width: 2560, height: 1400 };
const screenOf = (...areas: Rectangle[]): ScreenLike => ({
  getAllDisplays: () => areas.map((workArea) => ({ workArea })),
  getPrimaryDisplay: () => ({ workArea: areas[0]! }),
});
const at = (x: number, y: number, width = 1200, height = 700, maximized = false): WindowState => ({
  bounds: { x, y, width, height },
  maximized,
});

describe('placeWindow', () => {
  it('centres a first window on the primary display, shrunk to fit it', () => {
    expect(placeWindow(null, screenOf(laptop))).toEqual({ bounds: { x: 80, y: 35, width: 1280, height: 800 }, maximized: false });
    expect(placeWindow(null, screenOf({ x: 0, y: 0, width: 1024, height: 600 })).bounds).toEqual({ x: 0, y: 0, width: 1024, height: 600 });
  });

  it('reopens where it was, on a secondary display too, maximized or not', () => {
    expect(placeWindow(at(100, 50), screenOf(laptop))).toEqual(at(100, 50));
    expect(placeWindow(at(2000, 300, 1200, 700, true), screenOf(laptop, rightMonitor))).toEqual(at(2000, 300, 1200, 700, true));
  });

  it('moves a window whose monitor is gone back to the primary display', () => {
    expect(placeWindow(at(2000, 300), screenOf(laptop))).toEqual(at(120, 85));
    expect(placeWindow(at(-5000, -5000), screenOf(laptop, rightMonitor)).bounds).toMatchObject({ x: 120, y: 85 });
  });

  it('pulls a window hanging off an edge fully onto the display, and shrinks one too big for it', () => {
    expect(placeWindow(at(1000, 600), screenOf(laptop)).bounds).toEqual({ x: 240, y: 170, width: 1200, height: 700 });
    expect(placeWindow(at(10, 10, 3000, 2000), screenOf(laptop)).bounds).toEqual({ x: 0, y: 0, width: 1440, height: 870 });
  });

  it('treats a window with only a sliver on screen as off-screen', () => {
    expect(placeWindow(at(1400, 820), screenOf(laptop)).bounds).toMatchObject({ x: 120, y: 85 });
  });
});

function fakeWindow(bounds: Rectangle) {
  const listeners = new Map<string, Array<() => void>>();
  const window: TrackedWindow & { fire(event: string): void; bounds: Rectangle; minimized: boolean } = {
    bounds,
    minimized: false,
    on: (event, listener) => listeners.set(event, [...(listeners.get(event) ?? []), listener]),
    getNormalBounds: () => window.bounds,
    isMaximized: () => false,
    isMinimized: () => window.minimized,
    fire: (event) => listeners.get(event)?.forEach((l) => l()),
  };
  return window;
}

describe('WindowStateKeeper', () => {
  it('saves the bounds after moving stops and on close, and reads them back', () => {
    const path = join(tempDir(), 'window-state.json');
    const timers = new FakeClock();
    const keeper = new WindowStateKeeper(path, timers, silentLogger);
    expect(keeper.load()).toBeNull();
    const window = fakeWindow({ x: 10, y: 20, width: 900, height: 600 });
    keeper.track(window);
    window.fire('move');
    timers.advance(499);
    window.fire('move');
    timers.advance(499);
    expect(keeper.load()).toBeNull();
    timers.advance(1);
    expect(keeper.load()).toEqual({ bounds: { x: 10, y: 20, width: 900, height: 600 }, maximized: false });
    window.bounds = { x: 30, y: 40, width: 1000, height: 700 };
    window.fire('close');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ bounds: { x: 30 } });
  });

  it('does not remember a minimized window, and ignores an invalid file', () => {
    const path = join(tempDir(), 'window-state.json');
    writeFileSync(path, '{"bounds": {"x": "left"}}');
    const keeper = new WindowStateKeeper(path, new FakeClock(), silentLogger);
    expect(keeper.load()).toBeNull();
    const window = fakeWindow({ x: -32000, y: -32000, width: 160, height: 28 });
    window.minimized = true;
    keeper.track(window);
    window.fire('close');
    expect(keeper.load()).toBeNull();
  });
});
