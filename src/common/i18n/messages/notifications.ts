import { defineMessages, sameForAnyCount } from '../define';

/** Desktop notifications about leads (the policy lives in src/core/notifications). */
export const notificationMessages = defineMessages(
  {
    'notify.newLead.title': 'New lead',
    'notify.assigned.title': 'Lead assigned to you',
    'notify.moved.title': 'Lead moved',
    'notify.moved.body': '{name} → {stage}',
    'notify.moved.bodyUnknownStage': '{name} changed stage',
    'notify.unnamedLead': 'Lead #{id}',
    'notify.many.title': { one: '{count} lead updated', other: '{count} leads updated' },
    'notify.many.new': sameForAnyCount('{count} new'),
    'notify.many.assigned': sameForAnyCount('{count} assigned to you'),
    'notify.many.moved': sameForAnyCount('{count} moved'),
  },
  {
    'notify.newLead.title': 'Nuevo lead',
    'notify.assigned.title': 'Lead asignado a ti',
    'notify.moved.title': 'Lead movido',
    'notify.moved.body': '{name} → {stage}',
    'notify.moved.bodyUnknownStage': '{name} cambió de etapa',
    'notify.unnamedLead': 'Lead n.º {id}',
    'notify.many.title': { one: '{count} lead actualizado', other: '{count} leads actualizados' },
    'notify.many.new': { one: '{count} nuevo', other: '{count} nuevos' },
    'notify.many.assigned': { one: '{count} asignado a ti', other: '{count} asignados a ti' },
    'notify.many.moved': { one: '{count} movido', other: '{count} movidos' },
  },
);
