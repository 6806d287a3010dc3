import { ListScreen } from '../../components/ListScreen';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { countFilters } from '../../store/view-state';
import { ContactFilters } from './ContactFilters';
import { DEFAULT_CONTACT_COLUMNS, contactColumns } from './contact-columns';

export function ContactsView() {
  const t = useT();
  const contacts = useAppStore((state) => state.contacts);
  const filtered = countFilters(contacts.view.filter) > 0;

  return (
    <ListScreen
      name="contacts"
      slice={contacts}
      title={t('nav.contacts')}
      countKey="list.contactsCount"
      tableLabel={t('contacts.tableLabel')}
      columns={contactColumns}
      defaultColumns={DEFAULT_CONTACT_COLUMNS}
      entityType="contacts"
      filters={<ContactFilters />}
      opens="contact"
      exports="contacts"
      empty={<p>{filtered ? t('contacts.emptyFiltered') : t('contacts.empty')}</p>}
    />
  );
}
