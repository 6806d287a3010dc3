import type { PortugueseTable } from '../../define';
import type { uiExportMessages } from '../ui-export';

export const uiExportPt: PortugueseTable<typeof uiExportMessages> = {
  'export.button': 'Exportar',
  'export.menu': 'Exportar esta lista com seus filtros, ordem e colunas',
  'export.csv': 'CSV (separado por ponto e vírgula)',
  'export.xlsx': 'Pasta de trabalho do Excel (.xlsx)',
  'export.running': 'Exportando {written} de {total} linhas…',
  'export.progressLabel': 'Progresso da exportação',
  'export.cancel': 'Cancelar exportação',
  'export.done': { one: '{count} linha exportada para {fileName}.', other: '{count} linhas exportadas para {fileName}.' },
  'export.cancelled': 'Exportação cancelada. Nenhum arquivo foi salvo.',
  'export.failed': 'A exportação falhou e nenhum arquivo foi salvo: {reason}',
  'export.writeFailed': 'não foi possível gravar o arquivo (disco cheio ou pasta somente leitura?)',
  'export.dismiss': 'Fechar',
  'export.col.id': 'ID no Kommo',
  'export.col.contactPhone': 'Telefone do contato',
  'export.col.closed': 'Fechado',
};
