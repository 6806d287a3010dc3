export interface LeadTagsTable {
  lead_id: number;
  tag_id: number;
}
