import type { PortugueseTable } from '../../define';
import type { uiColumnsMessages } from '../ui-columns';

export const uiColumnsPt: PortugueseTable<typeof uiColumnsMessages> = {
  'columns.button': 'Colunas',
  'columns.panel': 'Escolha as colunas',
  'columns.standard': 'Campos padrão',
  'columns.custom': 'Campos personalizados',
  'columns.show': 'Mostrar {column}',
  'columns.moveUp': 'Mover {column} para a esquerda',
  'columns.moveDown': 'Mover {column} para a direita',
  'columns.reset': 'Voltar às colunas padrão',
  'columns.compact': 'Linhas compactas',
  'filters.more': 'Mais filtros',
  'filters.moreActive': 'Mais filtros · {count}',
  'fieldFilter.button': 'Campos personalizados',
  'fieldFilter.buttonActive': 'Campos personalizados · {count}',
  'fieldFilter.field': 'Campo',
  'fieldFilter.choose': 'Escolha um campo',
  'fieldFilter.none': 'Esta conta não tem campos personalizados para filtrar.',
  'fieldFilter.min': 'De',
  'fieldFilter.max': 'Até',
  'fieldFilter.contains': 'Contém',
  'fieldFilter.checked': 'Marcado',
  'fieldFilter.unchecked': 'Desmarcado',
  'fieldFilter.apply': 'Aplicar',
  'fieldFilter.remove': 'Remover o filtro de {field}',
  'fieldFilter.options': { one: '{count} opção', other: '{count} opções' },
};
