import type { RussianTable } from '../../define';
import type { trayMessages } from '../tray';

export const trayRu: RussianTable<typeof trayMessages> = {
  'tray.open': 'Открыть Kommo Mirror',
  'tray.syncNow': 'Синхронизировать сейчас',
  'tray.pause': 'Приостановить синхронизацию',
  'tray.resume': 'Возобновить синхронизацию',
  'tray.quit': 'Выйти',
  'tray.lastSync': 'Последняя синхронизация: {time}',
  'tray.neverSynced': 'Ещё не синхронизировано',
  'tray.downloading': 'Первая загрузка: пока {done}',
  'tray.state.disconnected': 'Нет подключения к Kommo',
  'tray.state.idle': 'Всё актуально',
  'tray.state.syncing': 'Синхронизация…',
  'tray.state.paused': 'Синхронизация приостановлена',
  'tray.state.offline': 'Нет сети: повторим позже',
  'tray.state.rate_limited': 'Kommo просит снизить частоту запросов: повторим позже',
  'tray.state.blocked': 'Kommo заблокировал доступ',
  'tray.state.auth_required': 'Войдите в Kommo снова',
  'tray.state.error': 'Синхронизация остановлена из-за ошибки',
};
