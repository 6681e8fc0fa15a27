// The article's publication date from the page's own date line: "Publicado: viernes 2 may 2025 ·
// 08:12 CEST", "3 мая 2025, 10:42", "입력 2025.05.08 10:42", "2025年05月06日 09:15". The furniture
// classifier cuts such a line (it is page chrome, not article text), so it is looked for among
// the removed blocks and, in case the classifier kept it, among the first and last kept blocks.
// A date line is recognised by shape, in any language: a full date read by the dates extractor
// in the page's language, and little else (a time, a zone, a weekday, a word or two such as
// "published"). No list of "published" words is needed: where a page gives both a published and
// an updated date, the published one is the earlier.

import type {KeptBlock, RemovedBlock} from "./boilerplate.ts";
import {extractDates} from "./extract/dates.ts";

export interface PageBlocks {
  removed: RemovedBlock[];
  kept: KeptBlock[];
  /** ISO 639-1 code of the article, or "und". */
  language: string;
}

/** Kept blocks read at each end of the page, where a date line sits. */
const HEAD_BLOCKS = 8;
const TAIL_BLOCKS = 3;
/** A date line is short. */
const LINE_MAX_CHARS = 120;
/** Letters left once the date, times, zones and weekday are taken out: "Publicado", "bijgewerkt", "بتوقيت مكة المكرمة". */
const LEFTOVER_MAX_LETTERS = 32;
/** A second date line this close below the first (an "updated" line) is read with it. */
const NEIGHBOUR_LINES = 3;

/**
 * The article's publication date (YYYY-MM-DD or YYYY-MM) from the page's own date line, or "".
 */
export function publishedFromPage({removed, kept, language}: PageBlocks): string {
  for (const r of removed) {
    const m = /^date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)$/i.exec(r.text.trim());
    if (m) return m[1];
  }
  const blocks = [...removed, ...kept.slice(0, HEAD_BLOCKS), ...kept.slice(Math.max(HEAD_BLOCKS, kept.length - TAIL_BLOCKS))].sort((a, b) => a.line - b.line);
  let first: {line: number; date: string} | null = null;
  for (const b of blocks) {
    // A block may hold several source lines (markdown joins a byline and a date line into one paragraph).
    const lines = b.text.split("\n");
    for (let i = 0; i < lines.length; ++i) {
      const line = b.line + i;
      if (first && line > first.line + NEIGHBOUR_LINES) return first.date;
      const date = dateLineDate(lines[i], language) || dateLineTail(lines[i], language);
      if (!date) continue;
      if (!first) first = {line, date};
      else if (date < first.date) first = {line: first.line, date};
    }
  }
  return first?.date ?? "";
}

/**
 * The date of a date line that ends a longer block: a byline, standfirst and date line that the
 * block splitter joined because the line before ends mid-sentence ("… di Giulia Ferraresi
 * martedì 8 aprile 2025, ore 10:42"). Only when the tail carries a time and the block does not end
 * like a sentence, so a sentence that ends on a date is not read as one.
 */
function dateLineTail(text: string, language: string): string {
  const line = text.trim();
  if (line.length <= LINE_MAX_CHARS || /[.!?。]$/u.test(line) || !TIME_ONE.test(line)) return "";
  const rows = extractDates({article_id: "", passage: 0, text: line, language, published: ""}).filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.date));
  const last = rows.at(-1);
  if (!last) return "";
  const tail = line.slice(last.start);
  return TIME_ONE.test(tail) ? dateLineDate(tail, language) : "";
}

/** True when `text` is a page's date line: a full date and little else. For the furniture classifier. */
export function isDateLine(text: string, language: string): boolean {
  return dateLineDate(text, language) !== "";
}

// Times ("10:42", "09h12", "14.30", "10:42am", "10:42 น."), zones ("CEST", "GMT+7", "UTC+03:00",
// "(IST)") and the punctuation between the parts of a date line.
const TIME = /(?<!\p{N})\p{Nd}{1,2}[:.h]\p{Nd}{2}(?::\p{Nd}{2})?(?!\p{N})\s*(?:[ap]\.?m\.?)?/giu;
const ZONE = /(?<![\p{L}\p{N}])(?:(?:GMT|UTC)\s*[+-−]\s*\p{Nd}{1,2}(?::?\p{Nd}{2})?|GMT|UTC|[A-Z]{2,5}T|WIB|WITA|WIT|IST|ICT|KST|JST|CST|EST|PST)(?![\p{L}\p{N}])/gu;
const TIME_ONE = /(?<!\p{N})\p{Nd}{1,2}[:.h]\p{Nd}{2}(?!\p{N})/u;
const TWO_DIGIT_YEAR = /(?<![\p{N}.\/])(\p{Nd}{1,2})([./])(\p{Nd}{1,2})\2(\p{Nd}{2})(?![\p{N}]|[.\/]\p{N})/u;

/** The earliest full date (YYYY-MM-DD or YYYY-MM) of a date line, or "" when `text` is not one. */
export function dateLineDate(text: string, language: string): string {
  const line = text.trim();
  if (line.length === 0 || line.length > LINE_MAX_CHARS || !/\p{Nd}/u.test(line)) return "";
  const rows = extractDates({article_id: "", passage: 0, text: line, language, published: ""});
  let dates = rows.filter((r) => /^\d{4}-\d{2}/.test(r.date));
  let rest = line;
  for (const r of rows) rest = rest.slice(0, r.start) + " ".repeat(r.end - r.start) + rest.slice(r.end);
  if (dates.length === 0) {
    // "06.05.25, 11:20": a two-digit year, which prose never uses for a date but date lines do.
    const m = TWO_DIGIT_YEAR.exec(line);
    if (!m) return "";
    const day = Number(m[1]);
    const month = Number(m[3]);
    if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return "";
    dates = [{date: `20${m[4]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`} as (typeof rows)[number]];
    rest = rest.slice(0, m.index) + " ".repeat(m[0].length) + rest.slice(m.index + m[0].length);
  }
  rest = rest.replace(TIME, " ").replace(ZONE, " ");
  // What is left may be a word or two ("Publicado", "입력", "bijgewerkt om"), not a sentence.
  const letters = rest.match(/\p{L}/gu)?.length ?? 0;
  if (letters > LEFTOVER_MAX_LETTERS) return "";
  return dates.map((r) => r.date).sort()[0];
}
