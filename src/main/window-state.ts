import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Logger } from '../core/log';
import type { TimerHandle, Clock } from '../core/time';
import { isMissingFile, writeFileAtomic } from '../core/settings/json-file';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of Electron's `screen` the placement reads (injected so it is testable in Node). */
export interface ScreenLike {
  getAllDisplays(): Array<{ workArea: Rectangle }>;
  getPrimaryDisplay(): { workArea: Rectangle };
}

export interface WindowState {
  /** The normal (not maximized) bounds, so un-maximizing restores a sensible size. */
  bounds: Rectangle;
  maximized: boolean;
}

export const WINDOW_SIZE = { width: 1280, height: 800, minWidth: 800, minHeight: 500 };
// How much of the window must lie on a display for it to count as reachable there (title bar and a bit).
const MIN_VISIBLE = { width: 120, height: 60 };

/**
 * Where to open the main window: where it was, unless that is no longer on any display (a monitor
 * was unplugged, the resolution changed), in which case it is centred on the primary display.
 * The result always fits the work area of the display it lands on.
 */
export function placeWindow(saved: WindowState | null, screen: ScreenLike): WindowState {
  const primary = screen.getPrimaryDisplay().workArea;
  if (!saved) return { bounds: centred(primary, WINDOW_SIZE.width, WINDOW_SIZE.height), maximized: false };
  let best: { area: Rectangle; visible: Rectangle } | null = null;
  for (const { workArea } of screen.getAllDisplays()) {
    const visible = intersection(saved.bounds, workArea);
    if (visible && (!best || visible.width * visible.height > best.visible.width * best.visible.height)) best = { area: workArea, visible };
  }
  if (
    !best ||
    best.visible.width < Math.min(MIN_VISIBLE.width, saved.bounds.width) ||
    best.visible.height < Math.min(MIN_VISIBLE.height, saved.bounds.height)
  ) {
    return { bounds: centred(primary, saved.bounds.width, saved.bounds.height), maximized: saved.maximized };
  }
  const area = best.area;
  const width = fit(saved.bounds.width, WINDOW_SIZE.minWidth, area.width);
  const height = fit(saved.bounds.height, WINDOW_SIZE.minHeight, area.height);
  return {
    bounds: {
      x: clamp(saved.bounds.x, area.x, area.x + area.width - width),
      y: clamp(saved.bounds.y, area.y, area.y + area.height - height),
      width,
      height,
    },
    maximized: saved.maximized,
  };
}

function centred(area: Rectangle, wantedWidth: number, wantedHeight: number): Rectangle {
  const width = fit(wantedWidth, WINDOW_SIZE.minWidth, area.width);
  const height = fit(wantedHeight, WINDOW_SIZE.minHeight, area.height);
  return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
}

/** At least `min` unless the display is smaller, at most the display. */
function fit(value: number, min: number, max: number): number {
  return Math.round(Math.min(Math.max(value, Math.min(min, max)), max));
}

function clamp(value: number, min: number, max: number): number {
  return Math.round(Math.min(Math.max(value, min), Math.max(min, max)));
}

function intersection(a: Rectangle, b: Rectangle): Rectangle | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

const rectangleSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
const windowStateSchema = z.object({ bounds: rectangleSchema, maximized: z.boolean() });

/** The part of BrowserWindow the keeper watches. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): void;
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  isMinimized(): boolean;
}

/**
 * Remembers the main window's bounds in `window-state.json`: saved shortly after the user stops
 * moving or resizing, and at once when the window closes. A missing or invalid file just means
 * "no remembered place".
 */
export class WindowStateKeeper {
  private timer: TimerHandle | null = null;

  constructor(
    private readonly path: string,
    private readonly timers: Clock,
    private readonly log: Logger,
    private readonly debounceMs = 500,
  ) {}

  load(): WindowState | null {
    try {
      const parsed = windowStateSchema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      if (parsed.success) return parsed.data;
      this.log.warn('Ignoring an invalid window-state file', { path: this.path });
    } catch (error) {
      if (!isMissingFile(error)) this.log.warn('Ignoring an unreadable window-state file', { path: this.path, error });
    }
    return null;
  }

  track(window: TrackedWindow): void {
    const later = (): void => {
      if (this.timer !== null) this.timers.clearTimeout(this.timer);
      this.timer = this.timers.setTimeout(() => this.save(window), this.debounceMs);
    };
    for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, later);
    window.on('close', () => {
      if (this.timer !== null) this.timers.clearTimeout(this.timer);
      this.save(window);
    });
  }

  private save(window: TrackedWindow): void {
    this.timer = null;
    // A minimized window's bounds say nothing about where the user wants it.
    if (window.isMinimized()) return;
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      writeFileAtomic(this.path, `${JSON.stringify(state)}\n`);
    } catch (error) {
      this.log.warn('Could not remember the window position', { error });
    }
  }
}
