import type { PortugueseTable } from '../../define';
import type { settingsMessages } from '../settings';

export const settingsPt: PortugueseTable<typeof settingsMessages> = {
  'settings.title': 'Configurações',
  'settings.language': 'Idioma',
  'settings.language.system': 'O do sistema',
  'settings.language.es': 'Español',
  'settings.language.en': 'English',
  'settings.language.pt': 'Português (Brasil)',
  'settings.language.ru': 'Русский',
  'settings.closeToTray': 'Continuar sincronizando na bandeja ao fechar a janela',
  'settings.notifications': 'Notificações',
  'settings.notifications.enabled': 'Avisar-me sobre novos leads, leads atribuídos a mim e mudanças de etapa dos meus leads',
  'settings.notifications.doNotDisturb': 'Não perturbe',
  'settings.saveFailed': 'Não foi possível salvar as configurações.',
};
