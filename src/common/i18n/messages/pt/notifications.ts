import type { PortugueseTable } from '../../define';
import type { notificationMessages } from '../notifications';

export const notificationsPt: PortugueseTable<typeof notificationMessages> = {
  'notify.newLead.title': 'Novo lead',
  'notify.assigned.title': 'Lead atribuído a você',
  'notify.moved.title': 'Lead movido',
  'notify.moved.body': '{name} → {stage}',
  'notify.moved.bodyUnknownStage': '{name} mudou de etapa',
  'notify.unnamedLead': 'Lead nº {id}',
  'notify.many.title': { one: '{count} lead atualizado', other: '{count} leads atualizados' },
  'notify.many.new': { one: '{count} novo', other: '{count} novos' },
  'notify.many.assigned': { one: '{count} atribuído a você', other: '{count} atribuídos a você' },
  'notify.many.moved': { one: '{count} movido', other: '{count} movidos' },
};
