// GET /newsroom/desk: what the home page's desk widget lists (the admin's DeskWidget reads it,
// the server's desk service writes it): held drafts, latest imports, quotations to review, and
// the story lifecycle's rows (embargoed, killed, corrected today).

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

/** A quotation whose speaker the importer could not name with confidence (needsReview). */
export interface QuoteForReview {
  documentId: string;
  speaker: string | null;
  /** The first words of the quotation, cut at a word with "…" when longer. */
  textStart: string;
  /** The quotation's article; null when it has none or this admin may not open it. */
  article: { documentId: string; title: string | null } | null;
  updatedAt: string;
}

/** A published story in the lifecycle rows: `at` is its embargo's end, its kill or its correction. */
export interface LifecycleRow {
  documentId: string;
  title: string | null;
  at: string;
  /** The kill's reason or the correction's note. */
  note?: string | null;
}

export interface Desk {
  held: { total: number; items: HeldDraft[] };
  imports: RecentImport[];
  /** Quotations waiting for an editor to confirm their speaker, newest first. */
  review: { total: number; items: QuoteForReview[] };
  /** Embargoed stories, the next to lift first. */
  embargoed: LifecycleRow[];
  /** Stories killed within the kill notice (killNoticeDays), the latest first. */
  killed: LifecycleRow[];
  /** Corrections issued today (UTC), the latest first. */
  corrected: LifecycleRow[];
}
