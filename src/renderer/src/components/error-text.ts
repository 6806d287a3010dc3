import type { Translate } from '../../../common/i18n';
import { assertNever, type HostError } from '../../../common/result';

/** A host failure in the user's language (the host's own message is English and technical; it goes to the log). */
export function errorText(t: Translate, error: HostError): string {
  switch (error.code) {
    case 'offline':
      return t('errors.offline');
    case 'auth_required':
      return t('errors.authRequired');
    case 'rate_limited':
      return t('errors.rateLimited');
    case 'blocked':
      return t('errors.blocked');
    case 'invalid_input':
      return t('errors.invalidInput');
    case 'internal':
      return t('errors.internal');
    case 'mirror_damaged':
      return t('errors.mirrorDamaged');
    default:
      return assertNever(error.code);
  }
}
