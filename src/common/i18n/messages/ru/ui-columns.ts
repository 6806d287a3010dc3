import type { RussianTable } from '../../define';
import type { uiColumnsMessages } from '../ui-columns';

export const uiColumnsRu: RussianTable<typeof uiColumnsMessages> = {
  'columns.button': 'Столбцы',
  'columns.panel': 'Выбор столбцов',
  'columns.standard': 'Стандартные поля',
  'columns.custom': 'Дополнительные поля',
  'columns.show': 'Показывать «{column}»',
  'columns.moveUp': 'Сдвинуть «{column}» влево',
  'columns.moveDown': 'Сдвинуть «{column}» вправо',
  'columns.reset': 'Вернуть столбцы по умолчанию',
  'columns.compact': 'Компактные строки',
  'filters.more': 'Ещё фильтры',
  'filters.moreActive': 'Ещё фильтры · {count}',
  'fieldFilter.button': 'Дополнительные поля',
  'fieldFilter.buttonActive': 'Дополнительные поля · {count}',
  'fieldFilter.field': 'Поле',
  'fieldFilter.choose': 'Выберите поле',
  'fieldFilter.none': 'В этом аккаунте нет дополнительных полей для фильтра.',
  'fieldFilter.min': 'От',
  'fieldFilter.max': 'До',
  'fieldFilter.contains': 'Содержит',
  'fieldFilter.checked': 'Отмечено',
  'fieldFilter.unchecked': 'Не отмечено',
  'fieldFilter.apply': 'Применить',
  'fieldFilter.remove': 'Убрать фильтр по полю «{field}»',
  'fieldFilter.options': { one: '{count} вариант', few: '{count} варианта', many: '{count} вариантов', other: '{count} варианта' },
};
