import type { RussianTable } from '../../define';
import type { uiSettingsMessages } from '../ui-settings';

export const uiSettingsRu: RussianTable<typeof uiSettingsMessages> = {
  'prefs.general': 'Общие',
  'prefs.languageSystem': 'Как в системе ({locale})',
  'prefs.desktopOnly': 'Трей и уведомления есть только в приложении для компьютера.',
  'prefs.account': 'Аккаунт Kommo',
  'prefs.accountName': 'Аккаунт',
  'prefs.accountHost': 'Адрес',
  'prefs.user': 'Вы вошли как',
  'prefs.demo': 'демо',
  'prefs.tokenStorage': 'Где хранится вход',
  'prefs.storage.os_encrypted': 'системное хранилище паролей',
  'prefs.storage.os_weak': 'локальное хранилище со слабой защитой (нет хранилища паролей)',
  'prefs.storage.file_unencrypted': 'незашифрованный локальный файл',
  'prefs.storage.environment': 'переменная окружения',
  'prefs.storage.memory': 'только в памяти (до закрытия приложения)',
  'prefs.notConnected': 'Нет подключения. Локальную копию по-прежнему можно просматривать.',
  'prefs.pauseSync': 'Приостановить синхронизацию',
  'prefs.resumeSync': 'Возобновить синхронизацию',
  'prefs.disconnect': 'Отключиться',
  'prefs.forget': 'Отключиться и удалить локальную копию',
  'prefs.forgetConfirm':
    'Удалить все сделки, контакты и теги, сохранённые на этом компьютере? В самом Kommo ничего не изменится; при новом подключении всё загрузится заново.',
  'prefs.forgetYes': 'Удалить локальную копию',
  'prefs.cancel': 'Отмена',
};
