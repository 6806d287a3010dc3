import type { Translate } from '../../../../common/i18n';
import type { FieldCells } from '../../../../common/model/fields';
import type { CustomFieldDefinitionView } from '../../../../common/model/mirror';
import type { Column } from '../../components/DataGrid';
import type { Formatters } from '../../i18n/format';
import { shownColumnIds } from '../../store/column-choice';
import { fieldColumn } from './field-column';

/** Which custom fields can be columns: the entity's own, in the account's order (phones and e-mails too). */
export function columnFields(fields: readonly CustomFieldDefinitionView[], entityType: 'leads' | 'contacts'): CustomFieldDefinitionView[] {
  return fields.filter((field) => field.entityType === entityType).sort((a, b) => a.sort - b.sort || a.id - b.id);
}

export interface ListColumns<Row> {
  /** Every column the list can show: its own, then one per custom field. */
  all: Column<Row>[];
  /** What the list shows, in order (the rep's choice, else the defaults). */
  shown: Column<Row>[];
}

/**
 * A list's columns as the rep chose them. The grid renders `shown`; an export writes the same
 * columns, each cell as `column.text(row)` (rows read with `fieldIdsOf(view.columns)`).
 */
export function listColumns<Row extends { fields?: FieldCells }>(options: {
  builtIn: readonly Column<Row>[];
  fields: readonly CustomFieldDefinitionView[];
  /** Whose custom fields are offered as columns; none: only `builtIn`. */
  entityType?: 'leads' | 'contacts';
  choice: readonly string[] | undefined;
  defaults: readonly string[];
  t: Translate;
  fmt: Formatters;
}): ListColumns<Row> {
  const all = [
    ...options.builtIn,
    ...(options.entityType ? columnFields(options.fields, options.entityType) : []).map((f) => fieldColumn<Row>(f, options.t, options.fmt)),
  ];
  const byId = new Map(all.map((column) => [column.id, column]));
  const ids = shownColumnIds(
    options.choice,
    options.defaults,
    all.map((column) => column.id),
  );
  return { all, shown: ids.map((id) => byId.get(id)!) };
}
