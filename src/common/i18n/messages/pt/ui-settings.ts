import type { PortugueseTable } from '../../define';
import type { uiSettingsMessages } from '../ui-settings';

export const uiSettingsPt: PortugueseTable<typeof uiSettingsMessages> = {
  'prefs.general': 'Geral',
  'prefs.languageSystem': 'O do sistema ({locale})',
  'prefs.desktopOnly': 'A bandeja e as notificações fazem parte do aplicativo para computador.',
  'prefs.account': 'Conta do Kommo',
  'prefs.accountName': 'Conta',
  'prefs.accountHost': 'Endereço',
  'prefs.user': 'Conectado como',
  'prefs.demo': 'demonstração',
  'prefs.tokenStorage': 'Login guardado em',
  'prefs.storage.os_encrypted': 'o chaveiro do sistema',
  'prefs.storage.os_weak': 'armazenamento local com proteção fraca (sem chaveiro)',
  'prefs.storage.file_unencrypted': 'um arquivo local sem criptografia',
  'prefs.storage.environment': 'uma variável de ambiente',
  'prefs.storage.memory': 'somente na memória (até fechar o aplicativo)',
  'prefs.notConnected': 'Não conectado. A cópia local continua disponível para consulta.',
  'prefs.pauseSync': 'Pausar sincronização',
  'prefs.resumeSync': 'Retomar sincronização',
  'prefs.disconnect': 'Desconectar',
  'prefs.forget': 'Desconectar e apagar a cópia local',
  'prefs.forgetConfirm':
    'Apagar todos os leads, contatos e etiquetas guardados neste computador? Nada muda no Kommo; ao conectar de novo, tudo é baixado outra vez.',
  'prefs.forgetYes': 'Apagar a cópia local',
  'prefs.cancel': 'Cancelar',
};
