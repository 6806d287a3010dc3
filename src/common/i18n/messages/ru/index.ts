import { appRu } from './app';
import { notificationsRu } from './notifications';
import { settingsRu } from './settings';
import { trayRu } from './tray';
import { uiColumnsRu } from './ui-columns';
import { uiActivityRu } from './ui-activity';
import { uiConnectRu } from './ui-connect';
import { uiContactsRu } from './ui-contacts';
import { uiDetailRu } from './ui-detail';
import { uiExportRu } from './ui-export';
import { uiLeadsRu } from './ui-leads';
import { uiPhoneRu } from './ui-phone';
import { uiSettingsRu } from './ui-settings';
import { uiShellRu } from './ui-shell';
import { uiSyncRu } from './ui-sync';
import { uiViewsRu } from './ui-views';

/** Russian, one table per area, in amoCRM's terms (Сделки, Контакты, Теги, Воронка, Этап). */
export const russianTables = [
  appRu,
  notificationsRu,
  settingsRu,
  trayRu,
  uiShellRu,
  uiConnectRu,
  uiSyncRu,
  uiLeadsRu,
  uiContactsRu,
  uiColumnsRu,
  uiDetailRu,
  uiPhoneRu,
  uiSettingsRu,
  uiExportRu,
  uiViewsRu,
  uiActivityRu,
] as const;
