import { defineMessages } from '../define';

/** Exporting a list to CSV or Excel, and the file's own column names. */
export const uiExportMessages = defineMessages(
  {
    'export.button': 'Export',
    'export.menu': 'Export this list with its filters, sort and columns',
    'export.csv': 'CSV (comma-separated)',
    'export.xlsx': 'Excel workbook (.xlsx)',
    'export.running': 'Exporting {written} of {total} rows…',
    'export.progressLabel': 'Export progress',
    'export.cancel': 'Cancel export',
    'export.done': { one: 'Exported {count} row to {fileName}.', other: 'Exported {count} rows to {fileName}.' },
    'export.cancelled': 'Export cancelled. No file was saved.',
    'export.failed': 'The export failed and no file was saved: {reason}',
    'export.writeFailed': 'the file could not be written (a full disk or a read-only folder?)',
    'export.dismiss': 'Close',
    'export.col.id': 'Kommo ID',
    'export.col.contactPhone': 'Contact phone',
    'export.col.closed': 'Closed',
  },
  {
    'export.button': 'Exportar',
    'export.menu': 'Exportar esta lista con sus filtros, orden y columnas',
    'export.csv': 'CSV (separado por comas)',
    'export.xlsx': 'Libro de Excel (.xlsx)',
    'export.running': 'Exportando {written} de {total} filas…',
    'export.progressLabel': 'Avance de la exportación',
    'export.cancel': 'Cancelar exportación',
    'export.done': { one: 'Se exportó {count} fila a {fileName}.', other: 'Se exportaron {count} filas a {fileName}.' },
    'export.cancelled': 'Exportación cancelada. No se guardó ningún archivo.',
    'export.failed': 'La exportación falló y no se guardó ningún archivo: {reason}',
    'export.writeFailed': 'no se pudo escribir el archivo (¿disco lleno o carpeta de solo lectura?)',
    'export.dismiss': 'Cerrar',
    'export.col.id': 'ID de Kommo',
    'export.col.contactPhone': 'Teléfono del contacto',
    'export.col.closed': 'Cerrado',
  },
);
