import type { PortugueseTable } from '../../define';
import type { uiViewsMessages } from '../ui-views';

export const uiViewsPt: PortugueseTable<typeof uiViewsMessages> = {
  'views.heading': 'Visualizações salvas',
  'views.myOpenLeads': 'Meus leads abertos',
  'views.open': 'Mostrar a visualização {name}',
  'views.saveCurrent': 'Salvar visualização atual',
  'views.nameLabel': 'Nome da visualização',
  'views.defaultName': 'Minha visualização',
  'views.save': 'Salvar',
  'views.cancel': 'Cancelar',
  'views.rename': 'Renomear {name}',
  'views.renameLabel': 'Novo nome para {name}',
  'views.delete': 'Excluir {name}',
};
