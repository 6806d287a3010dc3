import { CheckList } from '../../components/CheckList';
import { Popover } from '../../components/Popover';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';

/** Kommo's loss reasons to filter lost leads by, in Kommo's order. */
export function LossReasonFilter({
  reasonIds = [],
  onChange,
}: {
  reasonIds: readonly number[] | undefined;
  onChange(reasonIds: number[]): void;
}) {
  const t = useT();
  const reasons = useAppStore((state) => state.meta.lossReasons);
  const label = reasonIds.length === 1 ? (reasons.find((reason) => reason.id === reasonIds[0])?.name ?? '1') : String(reasonIds.length);
  return (
    <Popover
      label={reasonIds.length ? `${t('filters.lossReason')}: ${label}` : t('filters.lossReason')}
      ariaLabel={t('filters.lossReason')}
      active={reasonIds.length > 0}
    >
      {() => (
        <CheckList
          items={reasons.map((reason) => ({ id: reason.id, label: reason.name }))}
          selected={reasonIds}
          onChange={onChange}
          searchLabel={reasons.length > 8 ? t('filters.findLossReason') : undefined}
          emptyText={t('filters.noLossReasons')}
        />
      )}
    </Popover>
  );
}
