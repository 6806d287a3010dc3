import type { Translate } from '../../../../common/i18n';
import { assertNever } from '../../../../common/result';
import type { ConnectFailure } from '../../store/slices/session-slice';

/** Why connecting failed, in words a sales rep can act on. */
export function connectErrorText(t: Translate, kind: ConnectFailure, message: string | null): string {
  switch (kind) {
    case 'invalid_input':
      return t('connect.error.invalid');
    case 'auth_required':
      return t('connect.error.wrongToken');
    case 'offline':
      return t('connect.error.unreachable');
    case 'blocked':
      return t('connect.error.blocked');
    case 'rate_limited':
      return t('connect.error.rateLimited');
    case 'denied':
      return t('connect.error.denied');
    case 'internal':
      return t('connect.error.internal', { message: message ?? '' });
    case 'notice':
      return message ?? '';
    case 'mirror_damaged':
      return t('errors.mirrorDamaged');
    default:
      return assertNever(kind);
  }
}
