export interface CompanyTagsTable {
  company_id: number;
  tag_id: number;
}
