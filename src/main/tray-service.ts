import { createTranslator, type Locale } from '../common/i18n';
import type { SyncStatus } from '../common/model/sync';
import { INITIAL_SYNC_STATUS } from '../core/lifecycle/sync-controller';
import { structurallyEqual } from '../core/observable';
import { trayView, type TrayCommand, type TrayIconKind, type TrayMenuItem } from './tray-view';

/** The part of Electron's Tray the service drives. Images and menus are opaque to it. */
export interface TrayLike {
  setImage(image: unknown): void;
  setToolTip(text: string): void;
  setContextMenu(menu: unknown): void;
  onClick(listener: () => void): void;
  destroy(): void;
}

/** Creates the Electron objects (Tray, nativeImage, Menu); injected so tests need no Electron. */
export interface TrayFactory {
  createTray(image: unknown): TrayLike;
  image(kind: TrayIconKind): unknown;
  /** Builds a native menu; each item's click runs `onCommand` with its command. */
  menu(items: TrayMenuItem[], onCommand: (command: TrayCommand) => void): unknown;
}

export interface TrayActions {
  open(): void;
  syncNow(): void;
  setPaused(paused: boolean): void;
  quit(): void;
}

export interface TrayServiceOptions {
  factory: TrayFactory;
  actions: TrayActions;
  now(): number;
  timeZone?: string;
}

/**
 * The tray icon, in the shape of Signal Desktop's SystemTrayService: private state, setters that
 * do nothing when the value is unchanged, and one `render()` that brings the native tray in line
 * with the state, touching only what differs from what it last applied.
 */
export class TrayService {
  private enabled = false;
  private status: SyncStatus = INITIAL_SYNC_STATUS;
  private paused = false;
  private canSync = false;
  private locale: Locale = 'en';
  private tray: TrayLike | null = null;
  private applied: { icon: TrayIconKind | null; tooltip: string | null; menu: TrayMenuItem[] | null } = {
    icon: null,
    tooltip: null,
    menu: null,
  };

  constructor(private readonly options: TrayServiceOptions) {}

  /** Shown or removed (e.g. on quit). */
  setEnabled(enabled: boolean): void {
    if (this.enabled === enabled) return;
    this.enabled = enabled;
    this.render();
  }

  setSyncStatus(status: SyncStatus): void {
    if (structurallyEqual(this.status, status)) return;
    this.status = status;
    this.render();
  }

  setPaused(paused: boolean): void {
    if (this.paused === paused) return;
    this.paused = paused;
    this.render();
  }

  setCanSync(canSync: boolean): void {
    if (this.canSync === canSync) return;
    this.canSync = canSync;
    this.render();
  }

  setLocale(locale: Locale): void {
    if (this.locale === locale) return;
    this.locale = locale;
    this.render();
  }

  get isShown(): boolean {
    return this.tray !== null;
  }

  render(): void {
    if (!this.enabled) {
      this.tray?.destroy();
      this.tray = null;
      this.applied = { icon: null, tooltip: null, menu: null };
      return;
    }
    const { factory } = this.options;
    const view = trayView(
      {
        status: this.status,
        paused: this.paused,
        canSync: this.canSync,
        locale: this.locale,
        now: this.options.now(),
        timeZone: this.options.timeZone,
      },
      createTranslator(this.locale),
    );
    if (!this.tray) {
      this.tray = factory.createTray(factory.image(view.icon));
      this.tray.onClick(() => this.options.actions.open());
      this.applied.icon = view.icon;
    } else if (this.applied.icon !== view.icon) {
      this.tray.setImage(factory.image(view.icon));
      this.applied.icon = view.icon;
    }
    if (this.applied.tooltip !== view.tooltip) {
      this.tray.setToolTip(view.tooltip);
      this.applied.tooltip = view.tooltip;
    }
    if (!structurallyEqual(this.applied.menu, view.menu)) {
      this.tray.setContextMenu(factory.menu(view.menu, (command) => this.run(command)));
      this.applied.menu = view.menu;
    }
  }

  private run(command: TrayCommand): void {
    const { actions } = this.options;
    switch (command) {
      case 'open':
        return actions.open();
      case 'syncNow':
        return actions.syncNow();
      case 'togglePause':
        return actions.setPaused(!this.paused);
      case 'quit':
        return actions.quit();
    }
  }
}
