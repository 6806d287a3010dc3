import type { PortugueseTable } from '../../define';
import type { appMessages } from '../app';

export const appPt: PortugueseTable<typeof appMessages> = {
  'app.name': 'Kommo Mirror',
  'about.title': 'Sobre esta cópia local',
  'about.version': 'Versão',
  'about.database': 'Banco de dados',
  'about.schemaVersion': 'Versão do esquema',
  'count.leads': { one: '{count} lead', other: '{count} leads' },
  'count.contacts': { one: '{count} contato', other: '{count} contatos' },
};
