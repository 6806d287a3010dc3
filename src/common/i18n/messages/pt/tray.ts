import type { PortugueseTable } from '../../define';
import type { trayMessages } from '../tray';

export const trayPt: PortugueseTable<typeof trayMessages> = {
  'tray.open': 'Abrir o Kommo Mirror',
  'tray.syncNow': 'Sincronizar agora',
  'tray.pause': 'Pausar sincronização',
  'tray.resume': 'Retomar sincronização',
  'tray.quit': 'Sair',
  'tray.lastSync': 'Última sincronização: {time}',
  'tray.neverSynced': 'Ainda não sincronizado',
  'tray.downloading': 'Primeiro download: {done} até agora',
  'tray.state.disconnected': 'Não conectado ao Kommo',
  'tray.state.idle': 'Em dia',
  'tray.state.syncing': 'Sincronizando…',
  'tray.state.paused': 'Sincronização pausada',
  'tray.state.offline': 'Sem conexão: tentará de novo',
  'tray.state.rate_limited': 'O Kommo pediu para ir mais devagar: tentará de novo',
  'tray.state.blocked': 'O Kommo bloqueou o acesso',
  'tray.state.auth_required': 'Entre no Kommo novamente',
  'tray.state.error': 'A sincronização parou por um erro',
};
