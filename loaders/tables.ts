// The table contract of DESIGN.md, as types. Every emitted CSV has exactly these columns, in
// this order; `TABLE_COLUMNS` is the single source used by the CSV writer, the data dictionary
// and the schema tests.
import {formatCsv, formatCsvBody} from "./csv.ts";

export type Topic = "licensing" | "revenue-sharing" | "seeding" | "capex";
export const TOPICS: readonly Topic[] = ["licensing", "revenue-sharing", "seeding", "capex"];

export type PassageKind = "heading" | "paragraph" | "list_item";
export type RemovedReason = "navigation" | "newsletter" | "advert" | "jobs" | "comments" | "social" | "other";
export type FigureKind = "money" | "users" | "data_size" | "percent";
export type Qualifier = "exact" | "range" | "up_to" | "at_least" | "about";
export type MentionKind = "host" | "person" | "company" | "court_case" | "model" | "outlet";
export type Stance = "states" | "differs" | "silent";

export interface ArticleRow {
  article_id: string;
  file: string;
  language: string;
  language_declared: string;
  title: string;
  outlet: string;
  published: string;
  translated_from: string;
  /** The original page's address from the catalogue, "not found" when it was looked for in vain, or empty. */
  url: string;
  chars: number;
  words: number;
  passages: number;
  removed: number;
  sha256: string;
}

export interface PassageRow {
  article_id: string;
  passage: number;
  kind: PassageKind;
  line: number;
  text: string;
  topics: string;
}

export interface RemovedRow {
  article_id: string;
  block: number;
  line: number;
  text: string;
  reason: RemovedReason;
}

export interface SentenceRow {
  article_id: string;
  passage: number;
  sentence: number;
  text: string;
  start: number;
  end: number;
}

export interface FigureRow {
  article_id: string;
  passage: number;
  kind: FigureKind;
  text: string;
  low: number | null;
  high: number | null;
  unit: string;
  qualifier: Qualifier;
  start: number;
  end: number;
}

export interface DateRow {
  article_id: string;
  passage: number;
  text: string;
  date: string;
  resolved: string;
  start: number;
  end: number;
}

export interface MentionRow {
  article_id: string;
  passage: number;
  entity: string;
  kind: MentionKind;
  text: string;
  start: number;
  end: number;
}

export interface QuoteRow {
  article_id: string;
  passage: number;
  text: string;
  speaker: string;
  start: number;
  end: number;
}

export interface ClaimRow {
  claim_id: string;
  article_id: string;
  stance: Stance;
  value: string;
  passage: number | null;
  text: string;
}

export interface Tables {
  articles: ArticleRow[];
  passages: PassageRow[];
  removed: RemovedRow[];
  sentences: SentenceRow[];
  figures: FigureRow[];
  dates: DateRow[];
  mentions: MentionRow[];
  quotes: QuoteRow[];
  claims: ClaimRow[];
}

export type TableName = keyof Tables;

export const TABLE_COLUMNS: {[T in TableName]: readonly (keyof Tables[T][number])[]} = {
  articles: ["article_id", "file", "language", "language_declared", "title", "outlet", "published", "translated_from", "url", "chars", "words", "passages", "removed", "sha256"],
  passages: ["article_id", "passage", "kind", "line", "text", "topics"],
  removed: ["article_id", "block", "line", "text", "reason"],
  sentences: ["article_id", "passage", "sentence", "text", "start", "end"],
  figures: ["article_id", "passage", "kind", "text", "low", "high", "unit", "qualifier", "start", "end"],
  dates: ["article_id", "passage", "text", "date", "resolved", "start", "end"],
  mentions: ["article_id", "passage", "entity", "kind", "text", "start", "end"],
  quotes: ["article_id", "passage", "text", "speaker", "start", "end"],
  claims: ["claim_id", "article_id", "stance", "value", "passage", "text"]
};

export const TABLE_NAMES = Object.keys(TABLE_COLUMNS) as TableName[];

/** What an extractor sees: one kept passage and what is known about its article. */
export interface PassageContext {
  article_id: string;
  passage: number;
  text: string;
  /** ISO 639-1 code of the article's detected language ("und" when undetermined). */
  language: string;
  /** The article's publication date as YYYY-MM-DD, YYYY-MM or "" when unknown. */
  published: string;
  /** Where an extractor reports what it refused or changed by a rule (compile warnings). */
  warn?: (message: string) => void;
}

/** One table of the contract as CSV text (UTF-8, header row, RFC 4180 quoting). */
export function tableCsv<T extends TableName>(tables: Tables, name: T): string {
  return formatCsv(tables[name] as Tables[T][number][], TABLE_COLUMNS[name] as readonly (keyof Tables[T][number])[]);
}

/** tableCsv of `rows` without the header row: see formatCsvBody. */
export function tableCsvBody<T extends TableName>(name: T, rows: readonly Tables[T][number][]): string {
  return formatCsvBody(rows, TABLE_COLUMNS[name] as readonly (keyof Tables[T][number])[]);
}

/** The header row of a table's CSV, with its line break. */
export function tableCsvHeader(name: TableName): string {
  return formatCsv([], TABLE_COLUMNS[name] as readonly never[]);
}
