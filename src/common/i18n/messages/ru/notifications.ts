import type { RussianTable } from '../../define';
import type { notificationMessages } from '../notifications';

export const notificationsRu: RussianTable<typeof notificationMessages> = {
  'notify.newLead.title': 'Новая сделка',
  'notify.assigned.title': 'Вам назначена сделка',
  'notify.moved.title': 'Сделка перемещена',
  'notify.moved.body': '{name} → {stage}',
  'notify.moved.bodyUnknownStage': '{name}: этап изменён',
  'notify.unnamedLead': 'Сделка №{id}',
  'notify.many.title': {
    one: '{count} сделка обновлена',
    few: '{count} сделки обновлены',
    many: '{count} сделок обновлено',
    other: '{count} сделки обновлено',
  },
  'notify.many.new': { one: '{count} новая', few: '{count} новые', many: '{count} новых', other: '{count} новой' },
  'notify.many.assigned': {
    one: '{count} назначена вам',
    few: '{count} назначены вам',
    many: '{count} назначено вам',
    other: '{count} назначено вам',
  },
  'notify.many.moved': { one: '{count} перемещена', few: '{count} перемещены', many: '{count} перемещено', other: '{count} перемещено' },
};
