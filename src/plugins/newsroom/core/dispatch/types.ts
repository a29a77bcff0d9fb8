// What the dispatch parser reads out of a dispatch, and what it is told about known outlets.
import type { CreditRole } from '../dateline';

export type SourceKind = 'news-agency' | 'publisher' | 'broadcaster' | 'government' | 'other';

/** An outlet the newsroom knows by name: how to write it in Latin letters, what it is. */
export interface KnownOutlet {
  names: string[];
  nameLatin: string;
  kind: SourceKind;
  url?: string;
}

export interface ParsedOutlet {
  /** Normalised name: the key that reuses one Source across dispatches. */
  key: string;
  /** Set for outlets the newsroom knows: the existing Source with this slug is reused first. */
  slug?: string;
  name: string;
  nameLatin?: string;
  kind: SourceKind;
  url?: string;
}

export interface ParsedCredit {
  outlet: string;
  role: CreditRole;
}

export interface ParsedQuote {
  position: number;
  text: string;
  speaker: string;
  speakerRole?: string;
  context?: string;
  venue?: string;
  /** The speaker is the parser's best guess, not a name it is sure of: an editor confirms it. */
  needsReview: boolean;
}

export interface ParsedDispatch {
  title: string;
  /** The city of a `City – Agency.` dateline; the Article has no field for it yet. */
  city?: string;
  /** The reporter's byline ("كتب: …"), when the dispatch has one; kept out of the body. */
  byline?: string;
  dispatchDate?: string;
  paragraphs: string[];
  outlets: ParsedOutlet[];
  credits: ParsedCredit[];
  quotes: ParsedQuote[];
}

export interface ParseOptions {
  /** Slug of the newsroom's own Source, credited as distributor when the dateline names none. */
  houseDistributor?: string;
}

/** The largest dispatch file the importer reads: agency dispatches run to a few KB. */
export const MAX_DISPATCH_BYTES = 256 * 1024;

export class DispatchError extends Error {}
