/** 'system' follows the OS (desktop) or the browser (web preview); the rest are the app's languages. */
export const LANGUAGE_PREFERENCES = ['system', 'es', 'en', 'pt', 'ru'] as const;
export type LanguagePreference = (typeof LANGUAGE_PREFERENCES)[number];

export interface Settings {
  language: LanguagePreference;
  /** Closing the window keeps the app syncing in the tray (desktop only). */
  closeToTray: boolean;
  notifications: {
    enabled: boolean;
    doNotDisturb: boolean;
  };
  /**
   * The renderer's own remembered state (filters, sort, column widths), by key. The host stores it
   * as opaque JSON so it survives restarts in both hosts.
   */
  ui: Record<string, unknown>;
}

export const DEFAULT_SETTINGS: Settings = {
  language: 'system',
  closeToTray: true,
  notifications: { enabled: true, doNotDisturb: false },
  ui: {},
};
