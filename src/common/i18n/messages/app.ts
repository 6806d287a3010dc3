import { defineMessages } from '../define';

export const appMessages = defineMessages(
  {
    'app.name': 'Kommo Mirror',
    'about.title': 'About this mirror',
    'about.version': 'Version',
    'about.database': 'Database',
    'about.schemaVersion': 'Schema version',
    'count.leads': { one: '{count} lead', other: '{count} leads' },
    'count.contacts': { one: '{count} contact', other: '{count} contacts' },
  },
  {
    'app.name': 'Kommo Mirror',
    'about.title': 'Acerca de esta copia local',
    'about.version': 'Versión',
    'about.database': 'Base de datos',
    'about.schemaVersion': 'Versión del esquema',
    'count.leads': { one: '{count} lead', other: '{count} leads' },
    'count.contacts': { one: '{count} contacto', other: '{count} contactos' },
  },
);
