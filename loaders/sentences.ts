import {FALLBACK_LANGUAGES, foldMonth, monthIndex} from "./extract/months.ts";
import {segmentInChunks} from "./text.ts";

export interface Sentence { text: string; start: number; end: number }

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * Sentences of a passage by Intl.Segmenter in the passage's language, with the splits it gets
 * wrong in news text mended: after an ordinal date ("Am 19. März"), after a one-letter
 * abbreviation ("Kadrey v. Meta") and before a lower-case continuation. Offsets index `text`;
 * surrounding white space is not part of a sentence.
 */
export function splitSentences(text: string, language = "und"): Sentence[] {
  const locale = language === "und" ? undefined : language;
  let segmenter = segmenters.get(locale ?? "");
  if (!segmenter) segmenters.set(locale ?? "", (segmenter = new Intl.Segmenter(locale, {granularity: "sentence"})));
  const months = monthsOf(language);
  const raw: Array<{start: number; end: number}> = [];
  for (const s of segmentInChunks(segmenter, text, (t, k) => /\s/.test(t[k - 1]) && /[.!?。！？]/.test(t[k - 2]))) raw.push({start: s.index, end: s.index + s.segment.length});
  const merged: Array<{start: number; end: number}> = [];
  for (const seg of raw) {
    const previous = merged.at(-1);
    if (previous && shouldJoin(text.slice(previous.start, previous.end), text.slice(seg.start, seg.end), months)) previous.end = seg.end;
    else merged.push({...seg});
  }
  const out: Sentence[] = [];
  for (const {start, end} of merged) {
    const lead = text.slice(start, end).search(/\S/);
    if (lead < 0) continue;
    const s = start + lead;
    const e = start + text.slice(start, end).trimEnd().length;
    out.push({text: text.slice(s, e), start: s, end: e});
  }
  return out;
}

// Month names of the passage's language (and English, which news in any language quotes),
// from the same Intl-derived index the dates extractor uses.
function monthsOf(language: string): ReadonlySet<string> {
  let months = monthSets.get(language);
  if (!months) {
    const languages = language === "und" ? FALLBACK_LANGUAGES : [language, "en"];
    monthSets.set(language, (months = new Set(languages.flatMap((l) => [...monthIndex(l).keys()]))));
  }
  return months;
}

// One set per language: asked for every passage, and month names do not change while we run.
const monthSets = new Map<string, ReadonlySet<string>>();

function shouldJoin(previous: string, next: string, months: ReadonlySet<string>): boolean {
  const p = previous.trimEnd();
  const word = /^\s*(\p{L}+\.?)/u.exec(next)?.[1];
  if (/(?:^|[\s(])\d{1,2}\.$/u.test(p) && word !== undefined && months.has(foldMonth(word))) return true;
  if (/(?:^|[\s(])\p{L}\.$/u.test(p)) return true;
  if (/^\p{Ll}/u.test(next.trimStart()) && !/[!?]$/.test(p)) return true;
  return false;
}
