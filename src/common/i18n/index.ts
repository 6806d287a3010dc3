import type { LanguagePreference } from '../model/settings';
import type { Message } from './define';
import { appMessages } from './messages/app';
import { notificationMessages } from './messages/notifications';
import { settingsMessages } from './messages/settings';
import { trayMessages } from './messages/tray';
import { uiConnectMessages } from './messages/ui-connect';
import { uiContactsMessages } from './messages/ui-contacts';
import { uiDetailMessages } from './messages/ui-detail';
import { uiLeadsMessages } from './messages/ui-leads';
import { uiPhoneMessages } from './messages/ui-phone';
import { uiSettingsMessages } from './messages/ui-settings';
import { uiShellMessages } from './messages/ui-shell';
import { uiSyncMessages } from './messages/ui-sync';

/**
 * The one i18n layer for every process: the renderer's screens, the tray and the notifications.
 * Each area keeps its messages in `messages/<area>.ts`; this file joins them.
 */
export const LOCALES = ['es', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const areas = [
  appMessages,
  notificationMessages,
  settingsMessages,
  trayMessages,
  // The renderer's screens.
  uiShellMessages,
  uiConnectMessages,
  uiSyncMessages,
  uiLeadsMessages,
  uiContactsMessages,
  uiDetailMessages,
  uiPhoneMessages,
  uiSettingsMessages,
] as const;

type AreaKeys<A> = A extends { en: infer En } ? keyof En : never;
export type MessageKey = AreaKeys<(typeof areas)[number]> & string;

const catalogs: Record<Locale, Record<string, Message>> = {
  en: Object.assign({}, ...areas.map((area) => area.en)),
  es: Object.assign({}, ...areas.map((area) => area.es)),
};

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Spanish for any Spanish system locale (es-PE, es-419, …); English otherwise. */
export function resolveLocale(preference: LanguagePreference, systemLocale: string): Locale {
  if (preference !== 'system') return preference;
  return systemLocale.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function createTranslator(locale: Locale): Translate {
  const plurals = new Intl.PluralRules(locale);
  const catalog = catalogs[locale];
  return (key, params = {}) => {
    const message = catalog[key] ?? catalogs.en[key] ?? key;
    const template = typeof message === 'string' ? message : message[plurals.select(Number(params.count ?? 0)) === 'one' ? 'one' : 'other'];
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
