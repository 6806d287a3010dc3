/** The entity types the mirror keeps, spelled as Kommo's API paths spell them. */
export type MirrorEntityType = 'leads' | 'contacts' | 'companies';
