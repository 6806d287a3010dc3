import { appPt } from './app';
import { notificationsPt } from './notifications';
import { settingsPt } from './settings';
import { trayPt } from './tray';
import { uiColumnsPt } from './ui-columns';
import { uiActivityPt } from './ui-activity';
import { uiConnectPt } from './ui-connect';
import { uiContactsPt } from './ui-contacts';
import { uiDetailPt } from './ui-detail';
import { uiExportPt } from './ui-export';
import { uiLeadsPt } from './ui-leads';
import { uiPhonePt } from './ui-phone';
import { uiSettingsPt } from './ui-settings';
import { uiShellPt } from './ui-shell';
import { uiSyncPt } from './ui-sync';
import { uiViewsPt } from './ui-views';

/** Portuguese (Brazil), one table per area, in Kommo's Brazilian terms (Leads, Contatos, Etiquetas, Funil, Etapa). */
export const portugueseTables = [
  appPt,
  notificationsPt,
  settingsPt,
  trayPt,
  uiShellPt,
  uiConnectPt,
  uiSyncPt,
  uiLeadsPt,
  uiContactsPt,
  uiColumnsPt,
  uiDetailPt,
  uiPhonePt,
  uiSettingsPt,
  uiExportPt,
  uiViewsPt,
  uiActivityPt,
] as const;
