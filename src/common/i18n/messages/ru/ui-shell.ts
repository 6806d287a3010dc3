import type { RussianTable } from '../../define';
import type { uiShellMessages } from '../ui-shell';

export const uiShellRu: RussianTable<typeof uiShellMessages> = {
  'nav.label': 'Главное меню',
  'nav.skipToContent': 'Перейти к содержимому',
  'nav.leads': 'Сделки',
  'nav.board': 'Воронка',
  'nav.contacts': 'Контакты',
  'nav.companies': 'Компании',
  'nav.tags': 'Теги',
  'nav.settings': 'Настройки',
  'nav.demoAccount': 'Демо-аккаунт',
  'common.loading': 'Загрузка…',
  'common.close': 'Закрыть',
  'errors.offline': 'Kommo Mirror сейчас недоступен. Повторяем попытку…',
  'errors.authRequired': 'Чтобы продолжить, войдите в Kommo снова.',
  'errors.rateLimited': 'Kommo ограничивает запросы; работа скоро продолжится.',
  'errors.blocked': 'Kommo временно заблокировал доступ к API.',
  'errors.invalidInput': 'Некорректный запрос.',
  'errors.internal': 'В Kommo Mirror что-то пошло не так; подробности в журнале.',
  'errors.mirrorDamaged': 'Локальная копия повреждена и не читается. Пересоздайте её из Kommo кнопкой выше.',
  'search.tooLong': 'Поиск использует не больше {max} символов; остальная часть вставленного текста отброшена.',
  'noAccess.title': 'У этого адреса нет действующего ключа доступа',
  'noAccess.text':
    'Откройте адрес, который вывела команда «npm run web» (он заканчивается на ?k=…). При каждом запуске Kommo Mirror выводит новый.',
  'grid.sortBy': 'Сортировать по столбцу «{column}»',
  'grid.sortedAsc': 'Отсортировано по столбцу «{column}» по возрастанию. Нажмите, чтобы сортировать по убыванию.',
  'grid.sortedDesc': 'Отсортировано по столбцу «{column}» по убыванию. Нажмите, чтобы сортировать по возрастанию.',
  'grid.resize': 'Изменить ширину столбца «{column}»',
  'list.leadsCount': { one: '{n} сделка', few: '{n} сделки', many: '{n} сделок', other: '{n} сделки' },
  'list.contactsCount': { one: '{n} контакт', few: '{n} контакта', many: '{n} контактов', other: '{n} контакта' },
  'list.companiesCount': { one: '{n} компания', few: '{n} компании', many: '{n} компаний', other: '{n} компании' },
};
