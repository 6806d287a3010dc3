export interface ContactEmailsTable {
  contact_id: number;
  position: number;
  value: string;
  type: string | null;
}
