// GET /newsroom/desk: what the home page's desk widget lists (the admin's DeskWidget reads it,
// the server's desk service writes it).

/** A draft never published whose credits miss a required agency: publishing it would be refused. */
export interface HeldDraft {
  documentId: string;
  title: string | null;
  updatedAt: string;
  rule: string;
  missing: string[];
  messages: { en: string; ar: string };
}

/** A dispatch the importer (or the seed) created, with its article's state now. */
export interface RecentImport {
  documentId: string;
  title: string | null;
  file: string;
  at: string;
  status: 'published' | 'draft' | 'deleted';
}

export interface Desk {
  held: { total: number; items: HeldDraft[] };
  imports: RecentImport[];
}
