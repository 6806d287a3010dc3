import { ListScreen } from '../../components/ListScreen';
import { useAppStore } from '../../store/context';
import { ContactFilters } from './ContactFilters';
import { DEFAULT_CONTACT_COLUMNS, contactColumns } from './contact-columns';

export function ContactsView() {
  const contacts = useAppStore((state) => state.contacts);
  return (
    <ListScreen
      name="contacts"
      slice={contacts}
      columns={contactColumns}
      defaultColumns={DEFAULT_CONTACT_COLUMNS}
      filters={<ContactFilters />}
    />
  );
}
