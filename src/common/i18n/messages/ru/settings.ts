import type { RussianTable } from '../../define';
import type { settingsMessages } from '../settings';

export const settingsRu: RussianTable<typeof settingsMessages> = {
  'settings.title': 'Настройки',
  'settings.language': 'Язык',
  'settings.language.system': 'Как в системе',
  'settings.language.es': 'Español',
  'settings.language.en': 'English',
  'settings.language.pt': 'Português (Brasil)',
  'settings.language.ru': 'Русский',
  'settings.closeToTray': 'Продолжать синхронизацию в трее после закрытия окна',
  'settings.notifications': 'Уведомления',
  'settings.notifications.enabled': 'Уведомлять о новых сделках, сделках, назначенных мне, и о смене этапа моих сделок',
  'settings.notifications.doNotDisturb': 'Не беспокоить',
  'settings.saveFailed': 'Не удалось сохранить настройки.',
};
