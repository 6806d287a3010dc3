import { useAppStore } from '../store/context';

export function UserName({ id }: { id: number }) {
  const name = useAppStore((state) => state.lookup.user.get(id)?.name);
  return <>{name ?? `#${id}`}</>;
}
