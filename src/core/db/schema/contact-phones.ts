export interface ContactPhonesTable {
  contact_id: number;
  position: number;
  /** As typed in Kommo. */
  raw: string;
  /** From the shared normalizer. */
  normalized: string;
  /** normalized reversed: "ends with" becomes an index range. */
  reversed: string;
  type: string | null;
}
