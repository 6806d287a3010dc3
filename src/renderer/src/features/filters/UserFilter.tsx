import { CheckList } from '../../components/CheckList';
import { Popover } from '../../components/Popover';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';

/** Responsible users to filter by; the signed-in user first. */
export function UserFilter({ userIds = [], onChange }: { userIds: readonly number[] | undefined; onChange(userIds: number[]): void }) {
  const t = useT();
  const users = useAppStore((state) => state.meta.users);
  const me = useAppStore((state) => state.meta.currentUserId);
  const sorted = [...users].sort((a, b) => Number(b.id === me) - Number(a.id === me) || a.name.localeCompare(b.name));
  const label = userIds.length === 1 ? (users.find((user) => user.id === userIds[0])?.name ?? '1') : String(userIds.length);
  return (
    <Popover
      label={userIds.length ? `${t('filters.responsible')}: ${label}` : t('filters.responsible')}
      ariaLabel={t('filters.responsible')}
      active={userIds.length > 0}
    >
      {() => (
        <>
          {me !== null && (
            <button type="button" className="link-button" onClick={() => onChange([me])}>
              {t('filters.onlyMine')}
            </button>
          )}
          <CheckList
            items={sorted.map((user) => ({ id: user.id, label: user.id === me ? `${user.name} (${t('filters.me')})` : user.name }))}
            selected={userIds}
            onChange={onChange}
            searchLabel={users.length > 8 ? t('filters.findUser') : undefined}
            emptyText={t('filters.noUsers')}
          />
        </>
      )}
    </Popover>
  );
}
