/** lead_field_values, contact_field_values and company_field_values share this shape. */
interface FieldValueColumns {
  field_id: number;
  position: number;
  /** A string, a number, 0/1 for a checkbox, or JSON text for structured types. */
  value: string | number | null;
  enum_id: number | null;
  enum_code: string | null;
}
export interface LeadFieldValuesTable extends FieldValueColumns {
  lead_id: number;
}
export interface ContactFieldValuesTable extends FieldValueColumns {
  contact_id: number;
}
export interface CompanyFieldValuesTable extends FieldValueColumns {
  company_id: number;
}
