import { defineMessages } from '../define';

/** The settings the host stores (src/core/settings), as the settings screen labels them. */
export const settingsMessages = defineMessages(
  {
    'settings.title': 'Settings',
    'settings.language': 'Language',
    'settings.language.system': 'Same as the system',
    'settings.language.es': 'Español',
    'settings.language.en': 'English',
    // Each language's own name, the same in every table, so a reader finds theirs.
    'settings.language.pt': 'Português (Brasil)',
    'settings.language.ru': 'Русский',
    'settings.closeToTray': 'Keep syncing in the tray when the window is closed',
    'settings.notifications': 'Notifications',
    'settings.notifications.enabled': 'Notify me about new leads, leads assigned to me and moves of my leads',
    'settings.notifications.doNotDisturb': 'Do not disturb',
    'settings.saveFailed': 'The settings could not be saved.',
  },
  {
    'settings.title': 'Configuración',
    'settings.language': 'Idioma',
    'settings.language.system': 'El del sistema',
    'settings.language.es': 'Español',
    'settings.language.en': 'English',
    // Each language's own name, the same in every table, so a reader finds theirs.
    'settings.language.pt': 'Português (Brasil)',
    'settings.language.ru': 'Русский',
    'settings.closeToTray': 'Seguir sincronizando en la bandeja al cerrar la ventana',
    'settings.notifications': 'Notificaciones',
    'settings.notifications.enabled': 'Avisarme de leads nuevos, leads asignados a mí y cambios de etapa de mis leads',
    'settings.notifications.doNotDisturb': 'No molestar',
    'settings.saveFailed': 'No se pudo guardar la configuración.',
  },
);
