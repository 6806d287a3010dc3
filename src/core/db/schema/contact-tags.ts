export interface ContactTagsTable {
  contact_id: number;
  tag_id: number;
}
