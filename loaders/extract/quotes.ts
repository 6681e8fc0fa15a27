// Quotations and their speakers.
//
// 1. Pairing. Every quotation mark is classified by what flanks it, as CommonMark does for
//    emphasis: a mark with white space (or an opening bracket) before it and text after it can
//    open; one with text before it and white space or punctuation after it can close. A ' or ’
//    between two letters or digits is an apostrophe ("Meta’s", "don't") and is no mark at all.
//    „ ‚ 「 『 only open and 」 』 only close; « » and ‹ › pair with each other in either
//    direction (French «…», German »…«). Marks pair within a family (double: „ “ ” ";
//    single: ‚ ‘ ’ '), so typographic and typewriter marks may be mixed, as real text does.
//    Nested quotes belong to the quote around them and are not rows of their own.
// 2. Machine-translation repairs (the Dutch corpus article needs all three):
//    - a would-be opening mark after ", " and right before a speech verb closes the quote that
//      is open (`… krijgen, “zei Zuckerberg.”`: the translator moved the closing mark);
//    - a closing mark after sentence-final punctuation, with no quote open and a capital after
//      it, opens one (`zei Zuckerberg.” Dus dat …`);
//    - a mark with white space on both sides closes whatever is open (`… te doen. “`).
//    A mark that opens and is never closed yields nothing: unbalanced text never throws and
//    never produces a quote running to the end of the passage.
// 3. Speech or scare quote. A quote is a row when it has at least MIN_SPEECH_WORDS words, or a
//    speech verb attributes it (right after it: `„…“, so Mark Zuckerberg`, `'…,' kata
//    Zuckerberg`, `「…」と述べた`; or before it, ending in a colon, comma or complementizer:
//    `zei Mark Zuckerberg dat “…”`, `mengatakan bahawa '…'`), or it continues a quote that is
//    speech (the same reported-speech sentence, or the next sentence right after an
//    attribution). `den von ‘Anbietern geschlossener Modelle’ und betonte` is a scare quote: the
//    verb is near, but nothing ties it to the quote.
// 4. Speaker. The person (entity lexicon, kind person) nearest to the attributing verb, outside
//    any quote, in the same sentence, else the last one in the sentence before; a continuation
//    inherits its predecessor's speaker; otherwise "".

import fs from "node:fs";
import {InputError, parseCsv} from "../csv.ts";
import type {PassageContext, QuoteRow} from "../tables.ts";
import {compileTerm, defaultEntityLexicon, findMentions, findTerm, type EntityLexicon, type TermMatcher} from "./mentions.ts";

export interface SpeechVerb {
  verb: string;
  /** ISO 639-1 code, or "" for any language. */
  language: string;
  line: number;
}

export interface SpeechVerbs {
  file: string;
  verbs: readonly SpeechVerb[];
}

export interface QuoteOptions {
  speechVerbs?: SpeechVerbs;
  entities?: EntityLexicon;
}

/** Quotes of fewer words than this are speech only when a verb or a neighbouring quote says so. */
export const MIN_SPEECH_WORDS = 4;
// How far an attribution may sit from its quote, in words: "zei meta -CEO Mark Zuckerberg dat"
// needs five before the quote; "“…,” Meta's chief executive Mark Zuckerberg said" four after.
const MAX_WORDS_BEFORE = 6;
const MAX_WORDS_AFTER = 4;

/** Parses data/lexicon/speech_verbs.csv (columns verb, language, note). */
export function parseSpeechVerbs(csvText: string, file: string): SpeechVerbs {
  const rows = parseCsv(csvText, file, ["verb", "language", "note"] as const);
  const verbs: SpeechVerb[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const verb = row.verb.trim();
    const language = row.language.trim().toLowerCase();
    if (!verb) throw new InputError(file, row._line, "empty verb");
    if (!/[\p{L}\p{N}]/u.test(verb)) throw new InputError(file, row._line, `verb "${verb}" has no letter`);
    if (language && !/^[a-z]{2,3}$/.test(language)) throw new InputError(file, row._line, `language "${row.language}" is not an ISO 639 code`);
    const key = `${verb.toLowerCase()}\u0000${language}`;
    if (seen.has(key)) throw new InputError(file, row._line, `duplicate verb "${verb}" (${language || "any language"}), first on line ${seen.get(key)}`);
    seen.set(key, row._line);
    verbs.push({verb, language, line: row._line});
  }
  return {file, verbs};
}

let cachedVerbs: SpeechVerbs | undefined;

/** The project's speech verbs, data/lexicon/speech_verbs.csv, read once. */
export function defaultSpeechVerbs(): SpeechVerbs {
  if (!cachedVerbs) {
    const text = fs.readFileSync(new URL("../../data/lexicon/speech_verbs.csv", import.meta.url), "utf8");
    cachedVerbs = parseSpeechVerbs(text, "data/lexicon/speech_verbs.csv");
  }
  return cachedVerbs;
}

const verbCache = new WeakMap<SpeechVerbs, Map<string, TermMatcher[]>>();

// A passage whose language has no verbs listed ("und", or a language the lexicon lacks) is
// checked against all of them: a missed attribution costs more than an odd one.
function verbsFor(verbs: SpeechVerbs, language: string): TermMatcher[] {
  let byLanguage = verbCache.get(verbs);
  if (!byLanguage) verbCache.set(verbs, (byLanguage = new Map()));
  const key = (language || "").toLowerCase().split(/[-_]/)[0];
  let list = byLanguage.get(key);
  if (!list) {
    let chosen = verbs.verbs.filter((v) => v.language === key);
    chosen = chosen.length ? [...chosen, ...verbs.verbs.filter((v) => v.language === "")] : [...verbs.verbs];
    const unique = [...new Set(chosen.map((v) => v.verb))];
    list = unique.map((v) => compileTerm(v, {possessive: false, caseRule: "insensitive"}));
    byLanguage.set(key, list);
  }
  return list;
}

// ---------------------------------------------------------------------------------------------
// Pairing

type Family = "double" | "single" | "guillemet" | "angle" | "corner" | "whiteCorner";

const FAMILY: Record<string, Family> = {
  "„": "double", "“": "double", "”": "double", "\"": "double",
  "‚": "single", "‘": "single", "’": "single", "'": "single",
  "«": "guillemet", "»": "guillemet",
  "‹": "angle", "›": "angle",
  "「": "corner", "」": "corner",
  "『": "whiteCorner", "』": "whiteCorner"
};

const OPEN_ONLY = new Set(["„", "「", "『"]);
const CLOSE_ONLY = new Set(["」", "』"]);
const EITHER_WAY = new Set(["«", "»", "‹", "›"]);
const APOSTROPHES = new Set(["'", "’", "‘"]);

interface Mark {
  i: number;
  ch: string;
  family: Family;
  canOpen: boolean;
  canClose: boolean;
  floating: boolean;
}

interface Opener {
  mark: Mark;
  innerStart: number;
}

export interface QuoteSpan {
  outerStart: number;
  outerEnd: number;
  innerStart: number;
  innerEnd: number;
}

const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isOpenBracket = (c: string | undefined) => c !== undefined && /[\p{Ps}\p{Pd}]/u.test(c);

// The characters FAMILY knows: classify visits only those instead of every character.
const QUOTE_CHARS = new RegExp(`[${Object.keys(FAMILY).join("").replace(/[\\\]^-]/g, "\\$&")}]`, "g");

function classify(text: string): Mark[] {
  const marks: Mark[] = [];
  for (const m of text.matchAll(QUOTE_CHARS)) {
    const i = m.index;
    const ch = text[i];
    const family = FAMILY[ch];
    if (!family) continue;
    const prev = i > 0 ? text[i - 1] : undefined;
    const next = i + 1 < text.length ? text[i + 1] : undefined;
    if (APOSTROPHES.has(ch) && isWordChar(prev) && isWordChar(next)) continue;
    // Elisions at a word's start: "in the ’90s", "’24", Dutch "’s avonds", "’t".
    if (APOSTROPHES.has(ch) && !isWordChar(prev) && /^(?:\d\d(?:s)?|[tsn])(?![\p{L}\p{N}])/u.test(text.slice(i + 1, i + 5))) continue;
    const floating = isSpace(prev) && isSpace(next);
    let canOpen = !isSpace(next) && (isSpace(prev) || isOpenBracket(prev) || !isWordChar(prev));
    let canClose = !isSpace(prev) && (isSpace(next) || !isWordChar(next));
    if (OPEN_ONLY.has(ch)) { canOpen = true; canClose = false; }
    else if (CLOSE_ONLY.has(ch)) { canOpen = false; canClose = true; }
    else if (ch === "‚") canClose = false;
    else if (EITHER_WAY.has(ch)) { canOpen = true; canClose = true; }
    marks.push({i, ch, family, canOpen, canClose, floating});
  }
  return marks;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/u.test(text[i])) ++i;
  return i;
}

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/u.test(text[start])) ++start;
  while (end > start && /\s/u.test(text[end - 1])) --end;
  return [start, end];
}

/**
 * Top-level quotation spans of `text`, in order. `verbStarts` holds the offsets at which a
 * speech verb begins, for the displaced-closing-mark repair.
 */
export function findQuoteSpans(text: string, verbStarts: ReadonlySet<number> = new Set()): QuoteSpan[] {
  const stack: Opener[] = [];
  const pairs: QuoteSpan[] = [];
  const close = (k: number, innerEnd: number, outerEnd: number) => {
    const o = stack[k];
    stack.length = k;
    const [s, e] = trimSpan(text, o.innerStart, innerEnd);
    if (e > s) pairs.push({outerStart: o.mark.i, outerEnd, innerStart: s, innerEnd: e});
  };
  const topOfFamily = (family: Family) => {
    for (let k = stack.length - 1; k >= 0; --k) if (stack[k].mark.family === family) return k;
    return -1;
  };
  for (const m of classify(text)) {
    if (EITHER_WAY.has(m.ch)) {
      const k = topOfFamily(m.family);
      if (k >= 0 && stack[k].mark.ch !== m.ch) close(k, m.i, m.i + 1);
      else stack.push({mark: m, innerStart: m.i + 1});
      continue;
    }
    if (m.canClose) {
      const k = topOfFamily(m.family);
      if (k >= 0) { close(k, m.i, m.i + 1); continue; }
    }
    if (m.canOpen && !m.canClose && stack.length && isSpace(text[m.i - 1]) && verbStarts.has(m.i + 1)) {
      // `krijgen, “zei Zuckerberg`: the closing mark slid across the space onto the verb.
      let before = m.i;
      while (before > 0 && /\s/u.test(text[before - 1])) --before;
      if (before > 0 && /[,.!?…]/u.test(text[before - 1])) { close(stack.length - 1, before, m.i + 1); continue; }
    }
    if (m.canOpen) { stack.push({mark: m, innerStart: m.i + 1}); continue; }
    if (m.floating) {
      if (stack.length) {
        const k = topOfFamily(m.family);
        close(k >= 0 ? k : stack.length - 1, m.i, m.i + 1);
      }
      continue;
    }
    if (m.canClose && !stack.length && m.i > 0 && /[.!?…]/u.test(text[m.i - 1])) {
      // `zei Zuckerberg.” Dus …`: an opening mark slid back onto the attribution's full stop.
      const start = skipSpace(text, m.i + 1);
      if (start > m.i + 1 && /[\p{Lu}[(]/u.test(text[start] ?? "")) stack.push({mark: m, innerStart: start});
    }
  }
  pairs.sort((a, b) => a.outerStart - b.outerStart || b.outerEnd - a.outerEnd);
  const top: QuoteSpan[] = [];
  for (const p of pairs) if (!top.length || p.outerStart >= top[top.length - 1].outerEnd) top.push(p);
  return top;
}

// ---------------------------------------------------------------------------------------------
// Sentences, outside quotes

const ABBREVIATIONS = new Set([
  "v", "vs", "et al", "al", "dr", "mr", "mrs", "ms", "prof", "st", "inc", "corp", "ltd", "co", "jr", "sr", "no", "nr",
  "bzw", "ca", "vgl", "z.b", "u.a", "d.h", "usw", "etc", "sog", "bspw", "dll", "dsb", "mis", "bijv", "o.a", "m.a.w",
  "sr", "sra", "av", "p.ex", "e.g", "i.e", "u.s", "cf", "mme", "m"
]);

// Offsets at which a new sentence starts. Terminators inside a quote do not end the sentence
// around it, so a multi-sentence quote and its attribution stay one sentence.
function sentenceBreaks(text: string, quotes: readonly QuoteSpan[], language: string): number[] {
  const breaks: number[] = [];
  const inQuote = (k: number) => quotes.some((q) => k >= q.outerStart && k < q.outerEnd);
  // Only the positions of . ! ? … 。 ！ ？ can break a sentence.
  for (const m of text.matchAll(/[.!?…。！？]/g)) {
    const k = m.index;
    const c = text[k];
    if (inQuote(k)) continue;
    if (/[。！？]/u.test(c)) { breaks.push(k + 1); continue; }
    let j = k + 1;
    while (j < text.length && /[.!?…]/u.test(text[j])) ++j;
    const after = skipSpace(text, j);
    const marks = /^[\p{Pe}\p{Pf}"'“”’‘»«]*/u.exec(text.slice(j))![0].length;
    if (after === j && marks === 0 && j < text.length) continue;
    const nextChar = text[skipSpace(text, j + marks)];
    if (c === ".") {
      const token = (/[\p{L}\p{N}.]+$/u.exec(text.slice(Math.max(0, k - 12), k))?.[0] ?? "").toLowerCase();
      if (ABBREVIATIONS.has(token) || /^\p{L}$/u.test(token) || /^\p{L}(\.\p{L})+$/u.test(token)) continue;
      if (language === "de" && /^\d{1,2}$/.test(token)) continue;
      if (nextChar !== undefined && /\p{Ll}/u.test(nextChar)) continue;
    }
    breaks.push(j);
  }
  return breaks;
}

// ---------------------------------------------------------------------------------------------

// Words that end a reporting clause right before a quote ("said that “…”"). Grammar, not
// vocabulary: a closed list, kept here rather than in the lexicon.
const COMPLEMENTIZERS = new Set(["dass", "daß", "that", "dat", "bahawa", "bahwa", "que", "qu", "che", "ch"]);

function wordsIn(s: string): string[] {
  return s.match(/[\p{L}\p{N}]+/gu) ?? [];
}

// Words are what white space separates, so a compound such as "700-Millionen-Nutzer-Klausel"
// is one; scripts written without spaces are counted with the word segmenter instead.
function countWords(s: string, language: string): number {
  let n = 0;
  for (const token of s.split(/\s+/u)) {
    if (!/[\p{L}\p{N}]/u.test(token)) continue;
    if (!/[\p{scx=Han}\p{scx=Hira}\p{scx=Kana}\p{sc=Thai}]/u.test(token)) { ++n; continue; }
    let seg: Intl.Segmenter;
    try { seg = new Intl.Segmenter(language || "und", {granularity: "word"}); }
    catch { seg = new Intl.Segmenter("ja", {granularity: "word"}); }
    for (const part of seg.segment(token)) if (part.isWordLike) ++n;
  }
  return n;
}

interface Found {
  q: QuoteSpan;
  emitted: boolean;
  speaker: string;
  /** Attributed by a verb before the quote (a reported-speech clause that may hold more fragments). */
  before: boolean;
}

/** The quotes table rows of one passage. */
export function extractQuotes(p: PassageContext, options: QuoteOptions = {}): QuoteRow[] {
  const text = p.text;
  if (!/["'„“”‚‘’«»‹›「」『』]/u.test(text)) return [];
  const language = (p.language || "").toLowerCase().split(/[-_]/)[0];
  const matchers = verbsFor(options.speechVerbs ?? defaultSpeechVerbs(), language);
  const allVerbs: Array<[number, number]> = [];
  for (const m of matchers) allVerbs.push(...findTerm(text, m));
  allVerbs.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const quotes = findQuoteSpans(text, new Set(allVerbs.map((v) => v[0])));
  if (!quotes.length) return [];

  const outside = (s: number, e: number) => !quotes.some((q) => s < q.outerEnd && q.outerStart < e);
  const verbs = allVerbs.filter(([s, e]) => outside(s, e));
  const breaks = sentenceBreaks(text, quotes, language);
  const sentenceStart = (x: number) => { let s = 0; for (const b of breaks) if (b <= x) s = b; return s; };
  const sentenceEnd = (x: number) => { for (const b of breaks) if (b > x) return b; return text.length; };
  const breaksIn = (s: number, e: number) => breaks.filter((b) => b > s && b <= e).length;
  const persons = findMentions(text, language, options.entities ?? defaultEntityLexicon())
    .filter((m) => m.kind === "person" && outside(m.start, m.end));

  const speakerNear = (verb: [number, number], q: QuoteSpan): string => {
    const from = sentenceStart(Math.min(verb[0], q.outerStart));
    const to = sentenceEnd(Math.max(verb[1], q.outerEnd) - 1);
    const dist = (m: {start: number; end: number}) => Math.max(0, m.start - verb[1], verb[0] - m.end);
    const here = persons.filter((m) => m.start >= from && m.end <= to).sort((a, b) => dist(a) - dist(b) || a.start - b.start);
    if (here.length) return here[0].entity;
    const prevFrom = from > 0 ? sentenceStart(from - 1) : 0;
    const before = persons.filter((m) => m.start >= prevFrom && m.end <= from);
    return before.length ? before[before.length - 1].entity : "";
  };

  const found: Found[] = [];
  for (let n = 0; n < quotes.length; ++n) {
    const q = quotes[n];
    const prevQ = n > 0 ? quotes[n - 1] : undefined;
    const nextQ = quotes[n + 1];
    const inner = text.slice(q.innerStart, q.innerEnd);
    const words = countWords(inner, language);

    // Attribution after the quote: „…“, so Mark Zuckerberg / '…,' kata Zuckerberg / 「…」と述べた
    let verb: [number, number] | undefined;
    let before = false;
    const after = verbs.find((v) => v[0] >= q.outerEnd);
    if (after && (!nextQ || after[1] <= nextQ.outerStart) && breaksIn(q.outerEnd, after[0]) === 0) {
      const gap = text.slice(q.outerEnd, after[0]);
      const gapWords = wordsIn(gap);
      const attached = /[,，、!?…]$/u.test(inner) || /^\s*[,，、]/u.test(gap) || /^と/u.test(gap);
      if (gap.length <= 60 && gapWords.length <= MAX_WORDS_AFTER && (gapWords.length === 0 || attached)) verb = after;
    }
    // Attribution before it: zei Mark Zuckerberg dat “…” / mengatakan bahawa '…' / said: “…”
    if (!verb) {
      const prior = [...verbs].reverse().find((v) => v[1] <= q.outerStart);
      if (prior && (!prevQ || prior[0] >= prevQ.outerEnd) && breaksIn(prior[0], q.outerStart) === 0) {
        const gap = text.slice(prior[1], q.outerStart).trim();
        const gapWords = wordsIn(gap);
        const last = gapWords[gapWords.length - 1]?.toLowerCase();
        const ends = /[:,：，、]$/u.test(gap) || (last !== undefined && COMPLEMENTIZERS.has(last) && /[\p{L}]$/u.test(gap));
        if (gap && gapWords.length <= MAX_WORDS_BEFORE && ends) { verb = prior; before = true; }
      }
    }

    const prev = found[found.length - 1];
    let sameSentence = false, nextSentence = false;
    if (prev?.emitted) {
      const between = breaksIn(prev.q.outerEnd, q.outerStart);
      sameSentence = between === 0;
      nextSentence = between === 1 && text.slice(sentenceStart(q.outerStart), q.outerStart).trim() === "";
    }
    const endsSentence = () => {
      const rest = text.slice(q.outerEnd, sentenceEnd(q.outerEnd));
      return wordsIn(rest).length === 0;
    };

    let emitted: boolean;
    let speaker = "";
    if (verb) {
      emitted = true;
      speaker = speakerNear(verb, q);
    } else if (prev?.emitted && ((sameSentence && prev.before) || (nextSentence && (words >= MIN_SPEECH_WORDS || endsSentence())))) {
      emitted = true;
      speaker = prev.speaker;
    } else if (words >= MIN_SPEECH_WORDS) {
      emitted = true;
      const from = sentenceStart(q.outerStart);
      const loose = [...verbs].reverse().find((v) => v[0] >= from && v[1] <= q.outerStart);
      if (loose) speaker = speakerNear(loose, q);
    } else {
      emitted = false;
    }
    found.push({q, emitted, speaker, before});
  }

  return found.filter((f) => f.emitted).map((f) => ({
    article_id: p.article_id,
    passage: p.passage,
    text: text.slice(f.q.innerStart, f.q.innerEnd),
    speaker: f.speaker,
    start: f.q.innerStart,
    end: f.q.innerEnd
  }));
}
