import type { RussianTable } from '../../define';
import type { appMessages } from '../app';

export const appRu: RussianTable<typeof appMessages> = {
  'app.name': 'Kommo Mirror',
  'about.title': 'Об этой локальной копии',
  'about.version': 'Версия',
  'about.database': 'База данных',
  'about.schemaVersion': 'Версия схемы',
  'count.leads': { one: '{count} сделка', few: '{count} сделки', many: '{count} сделок', other: '{count} сделки' },
  'count.contacts': { one: '{count} контакт', few: '{count} контакта', many: '{count} контактов', other: '{count} контакта' },
};
