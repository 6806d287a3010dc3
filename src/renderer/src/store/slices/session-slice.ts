import type { SettingsPatch } from '../../../../common/contract/settings';
import { resolveLocale, type Locale } from '../../../../common/i18n';
import type { AppInfo } from '../../../../common/model/app';
import type { ConnectionState } from '../../../../common/model/connection';
import { DEFAULT_SETTINGS, type LanguagePreference, type Settings } from '../../../../common/model/settings';
import type { ErrorCode, HostError, Result } from '../../../../common/result';
import {
  COMPANIES_VIEW_KEY,
  CONTACTS_VIEW_KEY,
  LEADS_VIEW_KEY,
  parseCompaniesView,
  parseContactsView,
  parseLeadsView,
} from '../view-state';
import type { Slice } from '../types';

export const DISCONNECTED: ConnectionState = { status: 'disconnected', account: null, user: null, tokenStorage: null, message: null };

/**
 * Which top-level screen shows: the connect screen, the app with its mirror, or (web preview) the
 * explanation that this address lacks the host's access key, which nothing but a new address fixes.
 */
export type Screen = 'loading' | 'connect' | 'app' | 'no_access';

/** What went wrong while connecting, as the connect screen explains it. */
export type ConnectFailure = ErrorCode | 'denied' | 'notice';

export interface SessionSlice {
  info: AppInfo | null;
  infoError: HostError | null;
  settings: Settings;
  connection: ConnectionState;
  locale: Locale;
  screen: Screen;
  /** The last failed attempt to connect, until the next attempt. */
  connectFailure: { kind: ConnectFailure; message: string | null } | null;
  /** An OAuth consent is open (in the host's window or a new tab), waiting for `connection_state`. */
  awaitingOAuth: boolean;
  /** The mirror holds records, so it can be browsed without connecting (e.g. after signing out). */
  mirrorHasData: boolean;

  /** Reads everything the first screen needs, in parallel. */
  bootstrap(): Promise<void>;
  setConnection(state: ConnectionState): void;
  /** Settings pushed by the host (another window, the tray): applied, except the views this window is editing. */
  applySettings(settings: Settings): void;
  setLanguage(language: LanguagePreference): Promise<void>;
  updateSettings(patch: SettingsPatch): Promise<HostError | null>;
  /**
   * Remembers a piece of UI state in the host's settings: debounced, or at once with `now` (an
   * explicit act, such as saving a view, must not be lost to a reload a moment later).
   */
  persistUi(key: string, value: unknown, options?: { now?: boolean }): void;

  startOAuth(): Promise<{ consentUrl: string; openedByHost: boolean } | null>;
  connectToken(accountHost: string, token: string): Promise<boolean>;
  connectDemo(): Promise<boolean>;
  disconnect(forgetData: boolean): Promise<void>;
  /** Browse what the mirror already holds without signing in. */
  browseOffline(): void;
  /** The web preview's host refused this page's access key. */
  accessRefused(): void;
}

/** The browser's language until the host says the system's (Spanish if neither is known). */
function systemLanguage(): string {
  return globalThis.navigator?.language ?? 'es';
}

function screenFor(connection: ConnectionState, current: Screen): Screen {
  if (current === 'no_access') return current;
  switch (connection.status) {
    case 'connected':
    case 'auth_required':
      return 'app';
    case 'connecting':
      // A reconnect in the background keeps the app on screen.
      return current === 'app' ? 'app' : 'connect';
    case 'disconnected':
      return 'connect';
  }
}

export const createSessionSlice: Slice<SessionSlice> =
  ({ host, persistDelayMs }) =>
  (set, get) => {
    const pendingUi = new Map<string, unknown>();
    let uiTimer: ReturnType<typeof setTimeout> | undefined;

    function flushUi(): void {
      uiTimer = undefined;
      if (pendingUi.size === 0) return;
      const ui = Object.fromEntries(pendingUi) as Record<string, never>;
      pendingUi.clear();
      void host.request('settings.update', { patch: { ui } }).then((result) => {
        if (result.ok) set({ settings: { ...result.value, ui: { ...result.value.ui, ...get().settings.ui } } });
      });
    }

    /**
     * "System" means the rep's own machine: in the desktop app the host is on it (Electron's OS
     * locale); in the web preview the host may be a server in another language, and the
     * browser is what sits on the rep's machine.
     */
    function locale(settings: Settings, info: AppInfo | null): Locale {
      const system = info && info.host !== 'web' ? info.systemLocale : systemLanguage();
      return resolveLocale(settings.language, system);
    }

    /** Applies a connect request's outcome: the new state, or the reason it failed. */
    function connectOutcome(result: Result<ConnectionState>): boolean {
      if (!result.ok) {
        set({ connectFailure: { kind: result.error.code, message: result.error.message } });
        return false;
      }
      get().setConnection(result.value);
      if (result.value.status === 'disconnected' || result.value.status === 'auth_required') {
        set({
          connectFailure: { kind: result.value.status === 'auth_required' ? 'auth_required' : 'denied', message: result.value.message },
        });
        return false;
      }
      return true;
    }

    async function checkMirrorData(): Promise<void> {
      const result = await host.request('leads.list', { limit: 1 });
      set({ mirrorHasData: result.ok && result.value.total > 0 });
    }

    return {
      info: null,
      infoError: null,
      settings: DEFAULT_SETTINGS,
      connection: DISCONNECTED,
      locale: resolveLocale('system', systemLanguage()),
      screen: 'loading',
      connectFailure: null,
      awaitingOAuth: false,
      mirrorHasData: false,

      async bootstrap() {
        const [info, settings, connection] = await Promise.all([
          host.request('app.info', {}),
          host.request('settings.get', {}),
          host.request('auth.state', {}),
          get().loadSync(),
        ]);
        const appInfo = info.ok ? info.value : null;
        const loaded = settings.ok ? settings.value : DEFAULT_SETTINGS;
        set({ info: appInfo, infoError: info.ok ? null : info.error, settings: loaded, locale: locale(loaded, appInfo) });
        get().leads.actions.restore(parseLeadsView(loaded.ui[LEADS_VIEW_KEY]));
        get().contacts.actions.restore(parseContactsView(loaded.ui[CONTACTS_VIEW_KEY]));
        get().companies.actions.restore(parseCompaniesView(loaded.ui[COMPANIES_VIEW_KEY]));
        // A host without the auth domain yet has no account: the connect screen shows.
        const state = connection.ok ? connection.value : DISCONNECTED;
        set({ connection: state, screen: screenFor(state, get().screen === 'no_access' ? 'no_access' : 'loading') });
        if (get().screen === 'app') await get().loadMeta();
        else await checkMirrorData();
      },

      setConnection(state) {
        const { screen: before, awaitingOAuth } = get();
        const screen = screenFor(state, before);
        set({ connection: state, screen, awaitingOAuth: state.status === 'connecting' && awaitingOAuth });
        if (state.status === 'connected') set({ connectFailure: null, connectOpen: false });
        // The host says why it is not connected: a refused consent while we waited for one, or a notice.
        if (state.status === 'disconnected' && state.message) {
          set({ connectFailure: { kind: awaitingOAuth ? 'denied' : 'notice', message: state.message } });
        }
        if (screen === 'app' && before !== 'app') void get().loadMeta();
        if (screen === 'connect' && before === 'app') void checkMirrorData();
      },

      applySettings(settings) {
        set((state) => ({ settings: { ...settings, ui: { ...settings.ui, ...state.settings.ui } }, locale: locale(settings, state.info) }));
      },

      async setLanguage(language) {
        // Switch at once; the host's answer confirms it.
        set((state) => ({ settings: { ...state.settings, language }, locale: locale({ ...state.settings, language }, state.info) }));
        await get().updateSettings({ language });
      },

      async updateSettings(patch) {
        const result = await host.request('settings.update', { patch });
        if (!result.ok) return result.error;
        get().applySettings(result.value);
        return null;
      },

      persistUi(key, value, options) {
        set((state) => ({ settings: { ...state.settings, ui: { ...state.settings.ui, [key]: value } } }));
        pendingUi.set(key, value);
        clearTimeout(uiTimer);
        if (options?.now) flushUi();
        else uiTimer = setTimeout(flushUi, persistDelayMs);
      },

      async startOAuth() {
        set({ connectFailure: null });
        const result = await host.request('auth.startOAuth', {});
        if (!result.ok) {
          set({ connectFailure: { kind: result.error.code, message: result.error.message } });
          return null;
        }
        set({ awaitingOAuth: true });
        return result.value;
      },

      async connectToken(accountHost, token) {
        set({ connectFailure: null });
        return connectOutcome(await host.request('auth.connectToken', { accountHost, token }));
      },

      async connectDemo() {
        set({ connectFailure: null });
        return connectOutcome(await host.request('auth.connectDemo', {}));
      },

      async disconnect(forgetData) {
        const result = await host.request('auth.disconnect', { forgetData });
        get().setConnection(result.ok ? result.value : DISCONNECTED);
      },

      browseOffline() {
        set({ screen: 'app' });
        void get().loadMeta();
      },

      accessRefused() {
        set({ screen: 'no_access' });
      },
    };
  };
