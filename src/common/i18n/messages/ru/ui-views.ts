import type { RussianTable } from '../../define';
import type { uiViewsMessages } from '../ui-views';

export const uiViewsRu: RussianTable<typeof uiViewsMessages> = {
  'views.heading': 'Сохранённые виды',
  'views.myOpenLeads': 'Мои открытые сделки',
  'views.open': 'Показать вид {name}',
  'views.saveCurrent': 'Сохранить текущий вид',
  'views.nameLabel': 'Название вида',
  'views.defaultName': 'Мой вид',
  'views.save': 'Сохранить',
  'views.cancel': 'Отмена',
  'views.rename': 'Переименовать {name}',
  'views.renameLabel': 'Новое название для {name}',
  'views.delete': 'Удалить {name}',
};
