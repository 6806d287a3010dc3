/** contact_id may name a contact not downloaded yet (leads come first). */
export interface LeadContactsTable {
  lead_id: number;
  contact_id: number;
  is_main: number;
}
