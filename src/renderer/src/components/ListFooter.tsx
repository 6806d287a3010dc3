import type { HostError } from '../../../common/result';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { errorText } from './error-text';

/** How many records match, and whether the list is still loading or failed. */
export function ListFooter({
  total,
  loading,
  error,
  countKey,
}: {
  total: number | null;
  loading: boolean;
  error: HostError | null;
  countKey: 'list.leadsCount' | 'list.contactsCount' | 'list.companiesCount';
}) {
  const t = useT();
  const fmt = useFormat();
  return (
    <div className="list-status">
      <output className="match-count" aria-live="polite">
        {total === null ? t('common.loading') : t(countKey, { count: total, n: fmt.number(total) })}
      </output>
      {loading && total !== null && <span className="spinner" role="status" aria-label={t('common.loading')} />}
      {error && (
        <span className="inline-error" role="alert">
          {errorText(t, error)}
        </span>
      )}
    </div>
  );
}
