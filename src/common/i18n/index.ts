import type { LanguagePreference } from '../model/settings';
import type { Message } from './define';
import { appMessages } from './messages/app';
import { notificationMessages } from './messages/notifications';
import { settingsMessages } from './messages/settings';
import { trayMessages } from './messages/tray';
import { uiColumnsMessages } from './messages/ui-columns';
import { uiActivityMessages } from './messages/ui-activity';
import { uiConnectMessages } from './messages/ui-connect';
import { uiContactsMessages } from './messages/ui-contacts';
import { uiDetailMessages } from './messages/ui-detail';
import { uiExportMessages } from './messages/ui-export';
import { uiLeadsMessages } from './messages/ui-leads';
import { uiPhoneMessages } from './messages/ui-phone';
import { uiSettingsMessages } from './messages/ui-settings';
import { uiShellMessages } from './messages/ui-shell';
import { uiSyncMessages } from './messages/ui-sync';
import { uiViewsMessages } from './messages/ui-views';
import { portugueseTables } from './messages/pt';
import { russianTables } from './messages/ru';

/**
 * The one i18n layer for every process: the renderer's screens, the tray and the notifications.
 * Each area keeps its messages in `messages/<area>.ts`; this file joins them.
 */
export const LOCALES = ['es', 'en', 'pt', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's usual region, for plural rules and for formats when the system names no region. */
export const LOCALE_TAGS: Record<Locale, string> = { es: 'es-PE', en: 'en-US', pt: 'pt-BR', ru: 'ru-RU' };

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
  uiColumnsMessages,
  uiDetailMessages,
  uiPhoneMessages,
  uiSettingsMessages,
  uiExportMessages,
  uiViewsMessages,
  uiActivityMessages,
] as const;

type AreaKeys<A> = A extends { en: infer En } ? keyof En : never;
export type MessageKey = AreaKeys<(typeof areas)[number]> & string;

const catalogs: Record<Locale, Record<string, Message>> = {
  en: Object.assign({}, ...areas.map((area) => area.en)),
  es: Object.assign({}, ...areas.map((area) => area.es)),
  pt: Object.assign({}, ...portugueseTables),
  ru: Object.assign({}, ...russianTables),
};

/** The joined table of one language (for the completeness test). */
export function catalogOf(locale: Locale): Readonly<Record<string, Message>> {
  return catalogs[locale];
}

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The language of a system locale of any region (es-PE, pt-PT, ru-BY, zh-Hant-TW…): one we have, else English. */
export function resolveLocale(preference: LanguagePreference, systemLocale: string): Locale {
  if (preference !== 'system') return preference;
  const language = systemLocale.toLowerCase().split(/[-_.@]/)[0];
  return LOCALES.find((locale) => locale === language) ?? 'en';
}

export function createTranslator(locale: Locale): Translate {
  const plurals = new Intl.PluralRules(LOCALE_TAGS[locale]);
  const catalog = catalogs[locale];
  return (key, params = {}) => {
    const message = catalog[key] ?? catalogs.en[key] ?? key;
    const template = typeof message === 'string' ? message : (message[plurals.select(Number(params.count ?? 0))] ?? message.other);
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
