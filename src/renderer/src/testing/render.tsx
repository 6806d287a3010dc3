import { act, render, screen, within, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Locale } from '../../../common/i18n';
import { App } from '../App';
import { connectBridge } from '../bridge';
import { createAppStore, type AppStore } from '../store';
import { StoreProvider } from '../store/context';
import { installLayout } from './dom';
import { FakeHost, type FakeHostData } from './fake-host';

export interface Rendered extends RenderResult {
  host: FakeHost;
  store: AppStore;
}

/** The language of the browser the app runs in (the web preview's "system" language). */
export function setBrowserLanguage(language: string): void {
  Object.defineProperty(globalThis.navigator, 'language', { value: language, configurable: true });
}

/**
 * The whole app on a fake host, after its first requests have been answered, in a browser set to
 * Spanish (Peru) like most of its users' (the fake host is the web preview, whose language is the
 * browser's).
 */
export async function renderApp(data: Partial<FakeHostData> = {}, setup?: (host: FakeHost) => void): Promise<Rendered> {
  installLayout();
  setBrowserLanguage('es-PE');
  const host = new FakeHost(data);
  setup?.(host);
  const store = createAppStore({ host, persistDelayMs: 20, liveDelayMs: 10 });
  const disconnect = connectBridge(host, store);
  const result = render(<App store={store} />);
  await settle();
  const unmount = result.unmount;
  result.unmount = () => {
    unmount();
    disconnect();
  };
  return { ...result, host, store };
}

/** Lets pending host answers, timers of a few ms and React updates run. */
export async function settle(ms = 30): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
}

/** The main navigation's button for a view (filter buttons may share its name). */
export function navButton(name: string): HTMLElement {
  return within(screen.getByRole('navigation')).getByRole('button', { name });
}

/** One component inside the app's store, in a language, without the app around it. */
export function renderWithStore(ui: ReactNode, locale: Locale): RenderResult {
  const store = createAppStore({ host: new FakeHost({}) });
  store.setState({ locale });
  return render(<StoreProvider store={store}>{ui}</StoreProvider>);
}
