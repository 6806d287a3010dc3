import type { ContactFilter } from '../../../../common/contract/mirror';
import { customFieldIdOf, fieldFirstDirection } from '../../../../common/model/fields';
import type { ContactRow } from '../../../../common/model/mirror';
import { createListController, type ListSlice } from '../list-controller';
import { CONTACTS_VIEW_KEY, DEFAULT_CONTACTS_VIEW, fieldIdsOf, type ContactSortField } from '../view-state';
import type { Slice } from '../types';

export type ContactsList = ListSlice<ContactRow, ContactFilter, ContactSortField>;

export interface ContactsSlice {
  contacts: ContactsList;
}

export const createContactsSlice: Slice<ContactsSlice> =
  ({ host }) =>
  (set, get) => ({
    contacts: createListController<ContactRow, ContactFilter, ContactSortField>({
      initialView: DEFAULT_CONTACTS_VIEW,
      read: () => get().contacts,
      write: (update) => set((state) => ({ contacts: update(state.contacts) })),
      fetch: (view, offset, limit) =>
        host.request('contacts.list', { filter: view.filter, sort: view.sort, ...fieldIdsOf(view.columns), offset, limit }),
      persist: (view) => get().persistUi(CONTACTS_VIEW_KEY, view),
      firstDirection: (field) => {
        const fieldId = customFieldIdOf(field);
        if (fieldId !== null) return fieldFirstDirection(get().lookup.field.get(fieldId)?.type);
        return field === 'name' || field === 'responsible' ? 'asc' : 'desc';
      },
    }),
  });
