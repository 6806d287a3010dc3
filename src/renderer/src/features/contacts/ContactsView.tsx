import { useMemo } from 'react';
import { ListScreen } from '../../components/ListScreen';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { countFilters } from '../../store/view-state';
import { ContactFilters } from './ContactFilters';
import { contactColumns } from './contact-columns';

export function ContactsView() {
  const t = useT();
  const fmt = useFormat();
  const contacts = useAppStore((state) => state.contacts);
  const columns = useMemo(() => contactColumns(t, fmt), [t, fmt]);
  const filtered = countFilters(contacts.view.filter) > 0;

  return (
    <ListScreen
      name="contacts"
      slice={contacts}
      title={t('nav.contacts')}
      countKey="list.contactsCount"
      tableLabel={t('contacts.tableLabel')}
      columns={columns}
      filters={<ContactFilters />}
      opens="contact"
      empty={<p>{filtered ? t('contacts.emptyFiltered') : t('contacts.empty')}</p>}
    />
  );
}
