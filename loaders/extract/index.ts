import type {DateRow, FigureRow, MentionRow, PassageContext, QuoteRow, Tables} from "../tables.ts";

/** The extractors the pipeline runs on every kept passage; each returns rows for one table. */
export interface Extractors {
  figures?: (p: PassageContext) => FigureRow[];
  dates?: (p: PassageContext) => DateRow[];
  mentions?: (p: PassageContext) => MentionRow[];
  quotes?: (p: PassageContext) => QuoteRow[];
}

export function extractAll(p: PassageContext, tables: Tables, extractors: Extractors = {}): void {
  if (extractors.figures) tables.figures.push(...extractors.figures(p));
  if (extractors.dates) tables.dates.push(...extractors.dates(p));
  if (extractors.mentions) tables.mentions.push(...extractors.mentions(p));
  if (extractors.quotes) tables.quotes.push(...extractors.quotes(p));
}
