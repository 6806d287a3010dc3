import type { RussianTable } from '../../define';
import type { uiExportMessages } from '../ui-export';

export const uiExportRu: RussianTable<typeof uiExportMessages> = {
  'export.button': 'Экспорт',
  'export.menu': 'Экспортировать этот список с его фильтрами, сортировкой и столбцами',
  'export.csv': 'CSV (через точку с запятой)',
  'export.xlsx': 'Книга Excel (.xlsx)',
  'export.running': 'Экспорт: {written} из {total} строк…',
  'export.progressLabel': 'Ход экспорта',
  'export.cancel': 'Отменить экспорт',
  'export.done': {
    one: 'Экспортирована {count} строка в {fileName}.',
    few: 'Экспортировано {count} строки в {fileName}.',
    many: 'Экспортировано {count} строк в {fileName}.',
    other: 'Экспортировано {count} строки в {fileName}.',
  },
  'export.cancelled': 'Экспорт отменён. Файл не сохранён.',
  'export.failed': 'Экспорт не удался, файл не сохранён: {reason}',
  'export.writeFailed': 'не удалось записать файл (диск заполнен или папка только для чтения?)',
  'export.dismiss': 'Закрыть',
  'export.col.id': 'ID в Kommo',
  'export.col.contactPhone': 'Телефон контакта',
  'export.col.closed': 'Закрыта',
};
