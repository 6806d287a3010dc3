import type { ReactNode } from 'react';
import { useNow } from '../../components/use-now';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { SetAsideList } from './SetAsideList';
import { nextAttemptText, pauseLength } from './sync-text';

interface Banner {
  key: string;
  tone: 'warning' | 'danger' | 'info';
  text: string;
  action?: { label: string; run(): void };
}

/**
 * What needs the user's attention, each saying what happens next: offline (retrying when),
 * sign-in needed (reconnect), rate-limited or blocked (paused until when), a stopped sync, a
 * paused sync, sign-in kept without the system keychain, the demo account (connect your own), and
 * records that could not be mirrored (with their list).
 * The mirror stays browsable in all.
 */
export function Banners() {
  const t = useT();
  const fmt = useFormat();
  const now = useNow(10_000);
  const status = useAppStore((state) => state.syncStatus);
  const connection = useAppStore((state) => state.connection);
  const setConnectOpen = useAppStore((state) => state.setConnectOpen);
  const syncNow = useAppStore((state) => state.syncNow);
  const setSyncPaused = useAppStore((state) => state.setSyncPaused);
  const rebuildMirror = useAppStore((state) => state.rebuildMirror);
  const openSetAside = useAppStore((state) => state.openSetAside);

  const banners: Banner[] = [];
  const reconnect = { label: t('banner.reconnect'), run: () => setConnectOpen(true) };
  const next = nextAttemptText(t, fmt, status?.nextAttemptAt ?? null, now);

  if (connection.status === 'auth_required' || status?.state === 'auth_required') {
    banners.push({ key: 'auth', tone: 'danger', text: t('banner.authRequired'), action: reconnect });
  } else if (connection.status === 'disconnected') {
    banners.push({
      key: 'disconnected',
      tone: 'info',
      text: t('banner.disconnected'),
      action: { label: t('banner.connect'), run: () => setConnectOpen(true) },
    });
  } else if (connection.account?.isDemo) {
    banners.push({
      key: 'demo',
      tone: 'info',
      text: t('banner.demo'),
      action: { label: t('banner.connectOwn'), run: () => setConnectOpen(true) },
    });
  }
  switch (status?.state) {
    case 'offline':
      banners.push({
        key: 'offline',
        tone: 'warning',
        text: `${t('banner.offline')} ${next}`,
        action: { label: t('banner.retryNow'), run: () => void syncNow() },
      });
      break;
    case 'rate_limited':
      banners.push({
        key: 'rate',
        tone: 'warning',
        // Kommo's own wait, as long as it really is (a 429's retry_after may be seconds or minutes).
        text:
          status.nextAttemptAt && status.nextAttemptAt > now
            ? t('banner.rateLimitedFor', { duration: pauseLength(t, status.nextAttemptAt - now), time: fmt.clock(status.nextAttemptAt) })
            : t('banner.rateLimited'),
        // A real retry: the pause is lifted and one request probes (see SyncService.syncNow).
        action: { label: t('banner.retryNow'), run: () => void syncNow() },
      });
      break;
    case 'blocked':
      banners.push({
        key: 'blocked',
        tone: 'danger',
        text:
          status.nextAttemptAt && status.nextAttemptAt > now
            ? t('banner.blockedUntil', {
                minutes: Math.max(1, Math.round((status.nextAttemptAt - now) / 60_000)),
                time: fmt.clock(status.nextAttemptAt),
              })
            : t('banner.blocked'),
        // The pause is Kommo's; the user may still ask for a try before it ends.
        action: { label: t('banner.retryNow'), run: () => void syncNow() },
      });
      break;
    case 'error':
      if (status.reason === 'damaged') {
        banners.push({
          key: 'damaged',
          tone: 'danger',
          text: t('banner.damaged'),
          action: { label: t('banner.rebuild'), run: () => void rebuildMirror() },
        });
        break;
      }
      banners.push({
        key: 'error',
        tone: 'danger',
        // A known reason in the user's language; otherwise the host's own words.
        text: t('banner.error', { message: status.reason ? t(`sync.reason.${status.reason}`) : (status.message ?? '') }),
        action: { label: t('banner.tryAgain'), run: () => void syncNow() },
      });
      break;
    case 'paused':
      banners.push({
        key: 'paused',
        tone: 'info',
        text: t('banner.paused'),
        action: { label: t('banner.resume'), run: () => void setSyncPaused(false) },
      });
      break;
    default:
      break;
  }
  if (connection.tokenStorage === 'os_weak' || connection.tokenStorage === 'file_unencrypted') {
    banners.push({ key: 'weak', tone: 'info', text: t(connection.tokenStorage === 'os_weak' ? 'banner.weakKeyring' : 'banner.plainFile') });
  }
  const setAside = status?.setAside ?? 0;
  if (setAside > 0) {
    banners.push({
      key: 'set-aside',
      tone: 'warning',
      text: t('banner.setAside', { count: setAside }),
      action: { label: t('banner.showSetAside'), run: openSetAside },
    });
  }

  if (banners.length === 0) return null;
  return (
    <div className="banners">
      {banners.map((banner) => (
        <BannerView key={banner.key} banner={banner} />
      ))}
      <SetAsideList />
    </div>
  );
}

function BannerView({ banner }: { banner: Banner }): ReactNode {
  return (
    <div className={`banner tone-${banner.tone}`} role={banner.tone === 'danger' ? 'alert' : 'status'} data-banner={banner.key}>
      <span className="banner-text">{banner.text}</span>
      {banner.action && (
        <button type="button" className="button" onClick={banner.action.run}>
          {banner.action.label}
        </button>
      )}
    </div>
  );
}
