// The figures extractor: numbers with a unit (money, user counts, data sizes, percentages) in a
// passage of any language, as rows of the `figures` table (DESIGN.md).
//
// How: the passage is cut into tokens (numerals read in the passage language's conventions by
// ./numbers.ts, vocabulary terms from data/lexicon/figures.csv, and "other" words that stop a
// figure), then a small grammar is matched over the tokens:
//
//   figure := [qualifier] side [connector side] [post-qualifier]
//   side   := [currency] (numeral | vague-count) scale* [filler] [modifier*] [unit | currency]
//
// Why hand-written: no installed library extracts amounts across languages (the usual
// candidates are English-only or need a model), and what matters here, the long/short scale of
// "billion"/"Billion"/"bilion", currency hints like "dolar AS" or "US-Dollar", "bis zu" versus
// "bis", is vocabulary, which lives in the CSV lexicon so a forker can extend it without code.
// Separators come from Intl (numbers.ts), not from a table here.

import {readFileSync} from "node:fs";
import {InputError, parseCsv} from "../csv.ts";
import type {FigureKind, FigureRow, PassageContext, Qualifier} from "../tables.ts";
import {isDigitAt, parseLocaleDecimal, scanNumeral} from "./numbers.ts";
import {cldrFigureTerms} from "./vocabulary/cldr.ts";
import {classStep, endingStep, expressionOf, literalStep, spaceStep, walk, type Step} from "./term-steps.ts";
import {accentClass, baseLetter, foldWord} from "./vocabulary/fold.ts";

export type FigureTermType =
  | "currency" | "scale" | "vague" | "users" | "modifier" | "data_unit" | "percent"
  | "qualifier" | "qualifier_post" | "range" | "range_and" | "filler" | "numeral" | "proclitic";

const TERM_TYPES: readonly FigureTermType[] = [
  "currency", "scale", "vague", "users", "modifier", "data_unit", "percent",
  "qualifier", "qualifier_post", "range", "range_and", "filler", "numeral", "proclitic"
];

/** One row of the figures lexicon (see data/lexicon/README-figures.md). */
export interface FigureTerm {
  term: string;
  type: FigureTermType;
  value: string;
  /** ISO 639-1 codes the term is used in, without "*". */
  languages: readonly string[];
  /** The row had "*": it also applies to languages no other row of this term and type names. */
  fallback: boolean;
  caseSensitive: boolean;
  /** A scale abbreviation ("B", "m", "bn"): only valid in a money or users figure. */
  abbrev: boolean;
  line: number;
  /** A multi-word scale form made of scale words ("mil millones"): it stands for one of itself without a numeral. */
  stacked?: boolean;
  /** Each word of 4 or more letters is a stem: case endings may follow and accents may differ ("долар" finds "доларів"). */
  stem?: boolean;
  /** A currency name, only read after the amount ("65 доларів"), never as a prefix. */
  suffixOnly?: boolean;
  /** Where the term comes from: the hand lexicon (default) or CLDR through Intl (vocabulary/cldr.ts). */
  origin?: "lexicon" | "cldr";
}

export interface FigureLexicon {
  file: string;
  terms: readonly FigureTerm[];
  /** Every language some row names; a passage in any other language sees every row. */
  languages: ReadonlySet<string>;
}

const COLUMNS = ["term", "type", "value", "languages", "flags"] as const;
const QUALIFIER_VALUES = new Set(["at_least", "up_to", "about", "between", "from"]);
const POST_QUALIFIER_VALUES = new Set(["at_least", "up_to", "about", "between"]);

/**
 * Parses the figures lexicon CSV (columns term,type,value,languages,flags). Throws `InputError`
 * naming `file` and the line of the first bad row: unknown type or flag, a value that does not
 * fit its type, a malformed language code, or two rows giving one term, type and language
 * different values.
 */
export function parseFigureLexicon(csvText: string, file: string): FigureLexicon {
  const rows = parseCsv(csvText, file, COLUMNS);
  const terms: FigureTerm[] = [];
  const seen = new Map<string, FigureTerm>();
  const languages = new Set<string>();
  for (const row of rows) {
    const line = row._line;
    const fail = (reason: string): never => {
      throw new InputError(file, line, reason);
    };
    const term = row.term.trim();
    if (!term) fail("empty term");
    const type = row.type.trim() as FigureTermType;
    if (!TERM_TYPES.includes(type)) fail(`unknown type "${row.type}" (expected one of ${TERM_TYPES.join(", ")})`);
    const value = row.value.trim();
    checkValue(type, value, fail);
    const langs = row.languages.split(";").map((l) => l.trim()).filter(Boolean);
    if (!langs.length) fail(`no language for "${term}" (use ISO 639-1 codes separated by ";", or "*")`);
    for (const l of langs) if (l !== "*" && !/^[a-z]{2,3}$/.test(l)) fail(`bad language code "${l}" (expected ISO 639-1 such as "de", or "*")`);
    const flags = row.flags.split(";").map((f) => f.trim()).filter(Boolean);
    for (const f of flags) if (f !== "case" && f !== "abbrev" && f !== "stem") fail(`unknown flag "${f}" (expected case, abbrev or stem)`);
    if (flags.includes("abbrev") && type !== "scale") fail(`flag abbrev is only for type scale`);
    const entry: FigureTerm = {
      term, type, value,
      languages: langs.filter((l) => l !== "*"),
      fallback: langs.includes("*"),
      caseSensitive: flags.includes("case"),
      abbrev: flags.includes("abbrev"),
      line,
      ...(flags.includes("stem") ? {stem: true} : {})
    };
    for (const l of langs) {
      const key = `${termKey(entry)}\u0000${l}`;
      const other = seen.get(key);
      if (other && other.value !== value) fail(`"${term}" (${type}, ${l}) is already ${other.value} at line ${other.line}`);
      seen.set(key, entry);
      if (l !== "*") languages.add(l);
    }
    terms.push(entry);
  }
  return {file, terms, languages};
}

function checkValue(type: FigureTermType, value: string, fail: (reason: string) => never): void {
  const need = (ok: boolean, what: string) => {
    if (!ok) fail(`value "${value}" of a ${type} row must be ${what}`);
  };
  switch (type) {
    case "currency": return need(/^[A-Z]{3}$/.test(value), "an ISO 4217 code such as USD");
    case "scale": return need(/^\d{1,2}$/.test(value), "a power of ten such as 9");
    case "data_unit": return need(/^-?\d{1,2}$/.test(value), "a power of ten relative to TB such as -3");
    case "vague": return need(/^\d+$/.test(value) && Number(value) > 0, "a positive whole number such as 100");
    case "numeral": return need(/^\d+(\.\d+)?$/.test(value) && Number(value) > 0, "a positive number such as 1 or 0.25");
    case "users": return need(value === "users", `"users"`);
    case "percent": return need(value === "percent", `"percent"`);
    case "qualifier": return need(QUALIFIER_VALUES.has(value), [...QUALIFIER_VALUES].join(", "));
    case "qualifier_post": return need(POST_QUALIFIER_VALUES.has(value), [...POST_QUALIFIER_VALUES].join(", "));
    default: return need(value === "", "empty");
  }
}

function termKey(t: FigureTerm): string {
  return `${t.caseSensitive ? t.term : t.term.toLowerCase()}\u0000${t.type}`;
}

/** The lexicon shipped with the project, data/lexicon/figures.csv, read once at module load. */
export const DEFAULT_FIGURE_LEXICON: FigureLexicon = parseFigureLexicon(
  readFileSync(new URL("../../data/lexicon/figures.csv", import.meta.url), "utf8"),
  "data/lexicon/figures.csv"
);

// ---------------------------------------------------------------------------------------------
// Matching lexicon terms

interface CompiledTerm {
  term: FigureTerm;
  /** Position in the vocabulary: on a tie in length, the earlier term (a hand row) comes first. */
  order: number;
  /** Built on first use: most terms are ruled out by `head` before their steps are walked. */
  re?: TermPattern;
  /**
   * The term's leading letters, accents folded, lower case, or null (a term starting with a
   * sign, or in a script written without spaces). The word of the text where the term would
   * start, folded alike, must equal it (a stem: start with it, at most five letters more).
   */
  head: string | null;
  /** For a term of several words, the first (up to four) folded letters of its second word. */
  second?: string;
  /** For a term written without spaces, its first two characters, compared as they are before the regex. */
  lead?: string;
  /** The term's leading ASCII letters and digits, lower-cased (at most 4): a cheap test before the regex. */
  prefix: string;
  /**
   * For a term of ASCII letters and digits ending in a letter (so the regex wants no letter after
   * it), its length: a match is exactly that long (each ASCII character matches one unit: itself
   * in either case, K or ſ), so an ASCII letter right after it rules the term out. Else 0.
   */
  asciiWord: number;
}

/** Leading ASCII letters and digits of a term, lower-cased: any text the term's regex matches starts with them, up to ASCII case. */
function asciiPrefix(term: string): string {
  return (/^[A-Za-z0-9]{0,4}/.exec(term)?.[0] ?? "").toLowerCase();
}

/** Whether `text` at `i` may start with `prefix`: ASCII compared case-insensitively; a non-ASCII character (K, ſ fold to ASCII under /iu) never rules a term out. */
function mayStartWith(text: string, i: number, prefix: string): boolean {
  for (let j = 0; j < prefix.length; ++j) {
    const c = text.charCodeAt(i + j);
    if (c > 127) return true;
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== prefix.charCodeAt(j)) return false;
  }
  return true;
}

interface Matcher {
  /** One-letter proclitics of the language (Hebrew ו ב ל מ ה, Arabic و ب ل). */
  proclitics: ReadonlySet<string>;
  byFirst: Map<string, CompiledTerm[]>;
  /**
   * Per list of byFirst, the terms that can start at a position whose first two characters are
   * ASCII, by the second one (lower-cased char code; 128: the text ends after the first): the
   * terms whose prefix has no second character or has that one, in the list's order. Built on use.
   */
  bySecond: Map<CompiledTerm[], Array<CompiledTerm[] | undefined>>;
  /** Terms starting with letters, by their folded leading word (stems of under four letters too). */
  byWord: Map<string, CompiledTerm[]>;
  /** Stems of four letters or more, by their first four folded letters. */
  byStem: Map<string, CompiledTerm[]>;
  /** For a non-ASCII first character, its terms and those of its unaccented letter, built on use. */
  merged: Map<string, CompiledTerm[]>;
  /** The same lists by the character's code point, so a word start needs no substring to find them. */
  mergedByCp: Map<number, CompiledTerm[] | undefined>;
  /** byWord's keys and byStem's heads as a trie of folded code units (see wordCandidates). */
  words: WordNode;
}

// Most words of a passage start no term. Walking the word's folded letters down a trie of every
// term's leading word stops at the first letter no term continues with (the third, mostly),
// where building the folded word and looking it up hashed every letter of it.
// A class, so that every node has one shape and the walk's property reads stay monomorphic.
class WordNode {
  next: Map<number, WordNode> | undefined = undefined;
  /** byWord's list for the word ending here. */
  exact: CompiledTerm[] | undefined = undefined;
  /** The stems (byStem) whose head ends here, in vocabulary order. */
  stems: CompiledTerm[] | undefined = undefined;
}

function wordNode(root: WordNode, key: string): WordNode {
  let node = root;
  for (let k = 0; k < key.length; ++k) {
    const u = key.charCodeAt(k);
    node.next ??= new Map();
    let child = node.next.get(u);
    if (!child) node.next.set(u, (child = new WordNode()));
    node = child;
  }
  return node;
}

function wordTrie(byWord: Map<string, CompiledTerm[]>, byStem: Map<string, CompiledTerm[]>): WordNode {
  const root = new WordNode();
  for (const [k, list] of byWord) wordNode(root, k).exact = list;
  for (const list of byStem.values()) for (const t of list) (wordNode(root, t.head!).stems ??= []).push(t);
  return root;
}

// Scripts written without spaces: a term in them needs no word boundary, and an unknown
// character in them is skipped alone rather than with the "word" around it.
const SPACELESS = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]/u;
const LETTER = /[\p{L}\p{M}]/u;
const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;
const HYPHENS = new Set(["-", "\u2010", "\u2011"]);

// A word of a spaced script ends where a letter of a spaced script does not follow: "USD" in
// "50億USD以上" is a word, "USD" in "USDollar" is not.
//
// These boundaries, and a stem's ending, are checked here rather than inside each term's
// expression: V8 takes about a millisecond to compile a Unicode property class (\p{L}) into
// every expression that holds one, and a language has thousands of terms, each compiled on
// first use (measured: 2,000 such expressions, 2.8 ms each for three runs; 57 µs without the
// class). The tests below compile once.
const LETTER_OR_MARK = /^[\p{L}\p{M}]/u;
const STEM_ENDING = /[\p{L}\p{M}]{0,5}/uy;

function isSpacedLetter(cp: string): boolean {
  return LETTER_OR_MARK.test(cp) && !SPACELESS.test(cp);
}

function codePointBefore(text: string, i: number): string {
  if (i <= 0) return "";
  const low = text.charCodeAt(i - 1);
  return i >= 2 && low >= 0xdc00 && low <= 0xdfff ? text.slice(i - 2, i) : text[i - 1];
}

/** No letter of a spaced script just before `i`. */
function leftBoundaryAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i - 1);
  if (i <= 0 || c < 65 || (c > 90 && c < 97) || (c > 122 && c < 128)) return true;
  return !isSpacedLetter(codePointBefore(text, i));
}

/** No letter of a spaced script at `end`. */
function rightBoundaryAt(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  if (end >= text.length || c < 65 || (c > 90 && c < 97) || (c > 122 && c < 128)) return true;
  return !isSpacedLetter(String.fromCodePoint(text.codePointAt(end)!));
}

function needsBoundary(ch: string): boolean {
  return LETTER.test(ch) && !SPACELESS.test(ch);
}

/** A term's steps (term-steps.ts), and what is checked around their match (see leftBoundaryAt). */
interface TermPattern {
  steps: Step[];
  left: boolean;
  right: boolean;
  /** The last word is a stem: up to five letters of ending follow the match. */
  ending: boolean;
}

const escapeChar = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

// A stem's words match with or without accents (accentClass), and each word but the last may be
// followed by up to five letters of ending ("milliárd|ot", "miljard|eista"); the last word's
// ending is read after the match (STEM_ENDING).
function compileStem(term: FigureTerm): TermPattern {
  const fold = !term.caseSensitive;
  const words = term.term.split(/\s+/u);
  let ending = false;
  const steps: Step[] = [];
  words.forEach((w, k) => {
    if (k > 0) steps.push(spaceStep(fold));
    const chars = Array.from(w);
    const stem = chars.filter((c) => LETTER.test(c)).length >= 4 && !SPACELESS.test(w);
    for (const c of chars) {
      const source = LETTER.test(c) ? accentClass(c) : escapeChar(c);
      steps.push(source.startsWith("[") ? classStep(source, fold) : literalStep(c, source, fold));
    }
    if (stem && k === words.length - 1) ending = true;
    if (stem && k < words.length - 1) steps.push(endingStep(fold));
  });
  const chars = Array.from(term.term);
  return {steps, left: needsBoundary(chars[0]), right: needsBoundary(chars[chars.length - 1]), ending};
}

// White space in a term matches any run of it; an apostrophe either apostrophe; a hyphen between
// letters a hyphen or a space ("US-Dollar", "US Dollar").
function compileTerm(term: FigureTerm): TermPattern {
  if (term.stem) return compileStem(term);
  const fold = !term.caseSensitive;
  const chars = Array.from(term.term);
  const steps: Step[] = [];
  chars.forEach((c, i) => {
    if (/\s/u.test(c)) {
      if (!/\s/u.test(chars[i - 1] ?? "")) steps.push(spaceStep(fold));
    } else if (c === "'" || c === "\u2019") steps.push(classStep("['\u2019]", fold));
    else if (HYPHENS.has(c) && i > 0 && i < chars.length - 1 && LETTER.test(chars[i - 1]) && LETTER.test(chars[i + 1])) steps.push(classStep("[-\u2010\u2011\\s]", fold));
    else steps.push(literalStep(c, escapeChar(c), fold));
  });
  return {steps, left: needsBoundary(chars[0]), right: needsBoundary(chars[chars.length - 1]), ending: false};
}

/**
 * For tests: the expression a term's steps stand for, with its flags, and the walk of the steps
 * (the end of their match at `i`, or -1), which must agree with the sticky expression.
 */
export function termMatcherForTest(term: FigureTerm): {expression: RegExp; end: (text: string, i: number) => number} {
  const {steps} = compileTerm(term);
  return {expression: new RegExp(expressionOf(steps), term.caseSensitive ? "yu" : "iyu"), end: (text, i) => walk(steps, text, i)};
}

/** The length of the term's match at `i`, or 0. */
function matchLength(p: TermPattern, text: string, i: number): number {
  if (p.left && !leftBoundaryAt(text, i)) return 0;
  let end = walk(p.steps, text, i);
  if (end <= i) return 0;
  if (p.ending) {
    STEM_ENDING.lastIndex = end;
    if (STEM_ENDING.exec(text)) end = STEM_ENDING.lastIndex;
  }
  if (p.right && !rightBoundaryAt(text, end)) return 0;
  return end - i;
}

function firstKey(s: string): string {
  return String.fromCodePoint(s.codePointAt(0) ?? 0).toLowerCase();
}

/** The passage language as the lexicon knows it: "pt-BR" → "pt", "DE" → "de". */
function baseLanguage(lang: string): string {
  return (lang ?? "").trim().toLowerCase().split(/[-_]/)[0];
}

// Which rows a passage in `lang` sees. A known language sees the rows naming it, and for terms it
// has no row of, the "*" rows. An unknown or undetermined language ("und", "", "sv") sees every
// row, so a German heading whose language could not be detected is still read; where rows
// disagree (the long and short scale "billion"), the "*" row wins, else the first row in the file.
function termsFor(lexicon: FigureLexicon, lang: string): FigureTerm[] {
  const known = lexicon.languages.has(lang);
  const out: FigureTerm[] = [];
  for (const g of groupsOf(lexicon)) {
    const own = g.find((t) => t.languages.includes(lang));
    const fallback = g.find((t) => t.fallback);
    const pick = known ? own ?? fallback : fallback ?? g[0];
    if (pick) out.push(pick);
  }
  return out;
}

// The lexicon's rows by term and type, in file order: the same for every language, so grouped
// once per lexicon rather than once per language.
const groupsCache = new WeakMap<FigureLexicon, FigureTerm[][]>();

function groupsOf(lexicon: FigureLexicon): FigureTerm[][] {
  let list = groupsCache.get(lexicon);
  if (!list) {
    const groups = new Map<string, FigureTerm[]>();
    for (const t of lexicon.terms) {
      const k = termKey(t);
      const g = groups.get(k);
      if (g) g.push(t);
      else groups.set(k, [t]);
    }
    groupsCache.set(lexicon, (list = [...groups.values()]));
  }
  return list;
}

const matcherCache = new WeakMap<FigureLexicon, Map<string, Matcher>>();

// The terms a passage in `lang` sees: the hand lexicon's, then CLDR's for that language where
// the hand lexicon has no row of the same term and type (a hand row is a deliberate choice).
function vocabularyFor(lexicon: FigureLexicon, lang: string): FigureTerm[] {
  const hand = termsFor(lexicon, lang);
  if (!/^[a-z]{2,3}$/.test(lang) || lang === "und") return hand;
  // A CLDR stem is kept beside a hand row of the same letters: the row matches only itself.
  const have = new Set(hand.map((t) => `${termKey(t)}\u0000${t.stem ? 1 : 0}`));
  const cldr = cldrFigureTerms(lang).filter((t) => !have.has(`${termKey(t)}\u0000${t.stem ? 1 : 0}`));
  return [...hand, ...cldr];
}

export function matcherFor(lexicon: FigureLexicon, lang: string): Matcher {
  let perLang = matcherCache.get(lexicon);
  if (!perLang) matcherCache.set(lexicon, (perLang = new Map()));
  const key = /^[a-z]{2,3}$/.test(lang) && lang !== "und" ? lang : "";
  let m = perLang.get(key);
  if (!m) {
    const byFirst = new Map<string, CompiledTerm[]>();
    const byWord = new Map<string, CompiledTerm[]>();
    const byStem = new Map<string, CompiledTerm[]>();
    let order = 0;
    const vocabulary = vocabularyFor(lexicon, key);
    for (const term of vocabulary) {
      if (term.type === "proclitic") continue;
      const first = firstKey(term.term);
      // A stem is filed under its first letter with and without accents ("δ", "ά" → "α").
      const keys = term.stem ? new Set([first, baseLetter(first)]) : [first];
      const lead = SPACELESS.test(term.term.slice(0, 1)) && SPACELESS.test(term.term.slice(1, 2)) ? term.term.slice(0, 2) : undefined;
      const secondWord = /^\S+\s+([\p{L}\p{M}]+)/u.exec(term.term)?.[1];
      const second = secondWord && !SPACELESS.test(secondWord) ? foldWord(secondWord).slice(0, 4) : undefined;
      const compiled: CompiledTerm = {term, order: order++, head: headOf(term), lead, second, prefix: asciiPrefix(term.term), asciiWord: !term.stem && /^[A-Za-z0-9]*[A-Za-z]$/.test(term.term) ? term.term.length : 0};
      // Terms that start with a letter are found by the word at a position: by the whole
      // word, or for a stem of four letters or more by the word's first four letters.
      if (compiled.head !== null) {
        const long = term.stem && compiled.head.length >= 4;
        const map = long ? byStem : byWord;
        const k = long ? compiled.head.slice(0, 4) : compiled.head;
        const list = map.get(k) ?? [];
        list.push(compiled);
        map.set(k, list);
        continue;
      }
      for (const k of keys) {
        const list = byFirst.get(k) ?? [];
        list.push(compiled);
        byFirst.set(k, list);
      }
    }
    const proclitics = new Set(vocabulary.filter((t) => t.type === "proclitic").map((t) => t.term));
    m = {byFirst, byWord, byStem, bySecond: new Map(), merged: new Map(), mergedByCp: new Map(), words: wordTrie(byWord, byStem), proclitics};
    perLang.set(key, m);
  }
  return m;
}

// ---------------------------------------------------------------------------------------------
// Tokens

interface Token {
  start: number;
  end: number;
  /** Exact decimal string of a numeral token. */
  num?: string;
  /** The numeral as written (re-read when a scale word follows: "45,000 millones"). */
  raw?: string;
  /** A minus sign written before a currency sign ("−$5 billion"). */
  minus?: boolean;
  /** Every lexicon row matching the longest span here (a word may be a qualifier and a connector). */
  terms?: FigureTerm[];
}

// firstKey of one ASCII character, without a substring per call (matchTerms runs at every word).
const ASCII_KEYS = Array.from({length: 128}, (_, c) => String.fromCharCode(c).toLowerCase());

const LEADING_LETTERS = /^[\p{L}\p{M}]+/u;

function headOf(term: FigureTerm): string | null {
  const m = LEADING_LETTERS.exec(term.term);
  if (!m || SPACELESS.test(m[0])) return null;
  return foldWord(m[0]);
}

// The folded form of each character of a word, as wordAt reads it: a letter of a spaced script
// becomes baseLetter of it, anything else ends the word (0). Learnt per code point on first
// sight, so a word's letters need no string and no regular expression each: FOLD_UNITS holds the
// common case, a character of the BMP folding to one code unit; FOLD_OTHER the rest.
const FOLD_UNITS = new Uint16Array(0x10000); // 0: not yet seen
const ENDS_WORD = 0xffff; // not a letter of a spaced script (U+FFFF is no letter, nor is U+FFFE)
const FOLDS_LONG = 0xfffe; // a surrogate, or a letter folding to two code units: see FOLD_OTHER
const FOLD_OTHER = new Map<number, string | 0>();

function foldedAt(cp: number): string | 0 {
  if (cp < 0x10000) {
    const u = FOLD_UNITS[cp] || learnFold(cp);
    if (u === ENDS_WORD) return 0;
    if (u !== FOLDS_LONG) return String.fromCharCode(u);
  }
  let f = FOLD_OTHER.get(cp);
  if (f === undefined) FOLD_OTHER.set(cp, (f = fold(cp)));
  return f;
}

/** FOLD_UNITS of a code unit, learnt. */
function learnFold(c: number): number {
  const f = c >= 0xd800 && c <= 0xdfff ? null : fold(c);
  return (FOLD_UNITS[c] = f === 0 ? ENDS_WORD : f === null || f.length !== 1 ? FOLDS_LONG : f.charCodeAt(0));
}

function fold(cp: number): string | 0 {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) ? String.fromCharCode(cp | 32) : 0;
  const ch = String.fromCodePoint(cp);
  return !LETTER.test(ch) || SPACELESS.test(ch) ? 0 : baseLetter(ch); // as foldWord does: marks stay (Devanagari vowel signs are letters' parts)
}

// The letters of the word at `i`, folded and lower-cased like a term's head (at most 48).
function wordAt(text: string, i: number): string {
  let out = "";
  for (let j = i; j < text.length && out.length < 48; ) {
    const cp = text.codePointAt(j)!;
    const f = foldedAt(cp);
    if (f === 0) break;
    out += f;
    j += cp > 0xffff ? 2 : 1;
  }
  return out;
}

// The folded letters of the word after the one at `i` (after its letters, a sign or two and spaces).
function secondWordAt(text: string, i: number): string {
  const m = /^[\p{L}\p{M}]*[^\s\p{L}]{0,2}\s+/uy;
  m.lastIndex = 0;
  const rest = text.slice(i, i + 80);
  const hit = m.exec(rest);
  return hit ? wordAt(rest, hit[0].length) : "";
}

function candidatesAt(m: Matcher, text: string, i: number, c: number): CompiledTerm[] | undefined {
  if (c < 128) return m.byFirst.get(ASCII_KEYS[c]);
  // The key is the code point at `i`, lower-cased: the same code point always gives the same list.
  const cp = text.codePointAt(i)!;
  if (m.mergedByCp.has(cp)) return m.mergedByCp.get(cp);
  const key = firstKey(text.slice(i, i + 2));
  let merged = m.merged.get(key);
  if (merged === undefined) {
    const own = m.byFirst.get(key) ?? [];
    const folded = m.byFirst.get(baseLetter(key)) ?? [];
    merged = folded === own ? own : [...own, ...folded.filter((t) => !own.includes(t))];
    m.merged.set(key, merged);
  }
  const list = merged.length ? merged : undefined;
  m.mergedByCp.set(cp, list);
  return list;
}

function matchTerms(m: Matcher, text: string, i: number): {end: number; terms: FigureTerm[]} | null {
  const c = text.charCodeAt(i);
  const byWord = wordCandidates(m, text, i, c);
  const bySign = matchFrom(candidatesAt(m, text, i, c), m, text, i, c, true);
  if (!byWord) return bySign;
  const words = matchFrom(byWord, m, text, i, c, false);
  if (!words || !bySign) return words ?? bySign;
  return words.end > bySign.end ? words : bySign.end > words.end ? bySign : {end: words.end, terms: [...words.terms, ...bySign.terms]};
}

function wordCandidates(m: Matcher, text: string, i: number, c: number): CompiledTerm[] | undefined {
  // The folded word (wordAt) walked down m.words: `exact` is byWord's list for the whole word,
  // `stems` byStem's terms whose head starts the word, at most five letters shorter than it. A
  // first character that is no letter of a spaced script makes an empty word: no candidate.
  let node: WordNode | undefined = m.words;
  let found: CompiledTerm[] | undefined; // stems whose head the walk passed, any length
  let length = 0; // of the folded word so far, in code units, as wordAt counts it
  for (let j = i; j < text.length && length < 48; ) {
    const u = FOLD_UNITS[text.charCodeAt(j)] || learnFold(text.charCodeAt(j));
    if (u === ENDS_WORD) break;
    if (u !== FOLDS_LONG) {
      ++j;
      if (node) {
        node = node.next?.get(u);
        if (node?.stems) (found ??= []).push(...node.stems);
      }
      ++length;
    } else {
      const cp = text.codePointAt(j)!;
      const f = foldedAt(cp);
      if (f === 0) break;
      j += cp > 0xffff ? 2 : 1;
      for (let k = 0; k < f.length && node; ++k) {
        node = node.next?.get(f.charCodeAt(k));
        if (node?.stems) (found ??= []).push(...node.stems);
      }
      length += f.length;
    }
    // Past the trie, only a stem found on the way can still be a candidate, and only while the
    // word is at most five letters longer than its head; heads grow along the walk, so the last is the longest.
    if (!node && (!found || length > found[found.length - 1].head!.length + 5)) return undefined;
  }
  if (length === 0) return undefined;
  let exact = node?.exact;
  // "de" starts 168 Romanian currency names ("de dolari americani"): the second word decides.
  if (exact && exact.length > 4) {
    let next: string | undefined;
    exact = exact.filter((t) => t.second === undefined || (next ??= secondWordAt(text, i)).startsWith(t.second));
  }
  const stems = found?.filter((t) => length <= t.head!.length + 5).sort((a, b) => a.order - b.order);
  if (!stems?.length) return exact;
  if (!exact) return stems;
  return [...exact, ...stems].sort((a, b) => a.order - b.order);
}

// `indexed`: `list` is one of byFirst's lists, so its filtering by the second character is cached.
function matchFrom(list: CompiledTerm[] | undefined, m: Matcher, text: string, i: number, c: number, indexed: boolean): {end: number; terms: FigureTerm[]} | null {
  let cands = list;
  if (!cands) return null;
  // When the first character is ASCII, mayStartWith also compares the second one (a non-ASCII
  // first character passes every term): drop the terms it would reject there, in one lookup.
  const end = i + 1 >= text.length;
  const c2 = end ? 0 : text.charCodeAt(i + 1);
  if (indexed && c < 128 && (end || c2 < 128)) {
    const second = end ? 128 : c2 >= 65 && c2 <= 90 ? c2 + 32 : c2;
    let table = m.bySecond.get(cands);
    if (!table) m.bySecond.set(cands, (table = new Array(129)));
    const all: CompiledTerm[] = cands;
    cands = table[second] ??= all.filter((t) => t.prefix.length < 2 || t.prefix.charCodeAt(1) === second);
  }
  let best = 0;
  let terms: FigureTerm[] | undefined; // made on the first match: most lists match nothing here
  for (const c of cands) {
    if (!mayStartWith(text, i, c.prefix) || (c.lead !== undefined && !text.startsWith(c.lead, i))) continue;
    if (c.asciiWord) {
      const after = text.charCodeAt(i + c.asciiWord);
      if ((after >= 97 && after <= 122) || (after >= 65 && after <= 90)) continue;
    }
    const length = matchLength((c.re ??= compileTerm(c.term)), text, i);
    if (length === 0) continue;
    if (length > best) {
      best = length;
      terms = [c.term];
    } else if (length === best) terms!.push(c.term);
  }
  return terms ? {end: i + best, terms} : null;
}

function charAt(text: string, i: number): string {
  return String.fromCodePoint(text.codePointAt(i) ?? 0);
}

// What tokenize asks of a character, learnt per code point on first sight (its tests were a
// string and a regular expression per character): white space (\s), and whether it continues an
// unknown word (a word character, \p{L}\p{M}\p{N} or "_", not of a spaceless script).
const CHAR_CLASS = new Uint8Array(0x10000); // 0: not yet seen
const KNOWN = 1;
const SPACE = 2;
const WORD_RUN = 4;
const CLASS_ASTRAL = new Map<number, number>();

function classOf(cp: number): number {
  if (cp < 0x10000) return CHAR_CLASS[cp] || (CHAR_CLASS[cp] = learnClass(cp));
  let k = CLASS_ASTRAL.get(cp);
  if (k === undefined) CLASS_ASTRAL.set(cp, (k = learnClass(cp)));
  return k;
}

// For an ASCII character, the tests tokenize makes, without a table: \s is tab to carriage return
// and space; a word character is a letter, a digit or "_".
const isAsciiSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const isAsciiWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

function learnClass(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return KNOWN | (/\s/u.test(ch) ? SPACE : 0) | (WORD_CHAR.test(ch) && !SPACELESS.test(ch) ? WORD_RUN : 0);
}

export function tokenize(text: string, lang: string, m: Matcher): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const ascii = code < 128;
    const cp = ascii ? code : text.codePointAt(i)!;
    const length = cp > 0xffff ? 2 : 1;
    const cls = ascii ? 0 : classOf(cp);
    if (ascii ? isAsciiSpace(code) : cls & SPACE) {
      i += length;
      continue;
    }
    const signed = (code === 45 || code === 0x2212) && startsAmount(text, i, tokens);
    if (signed && isDigitAt(text, i + 1) || isDigitAt(text, i)) {
      const from = signed ? i + 1 : i;
      const end = scanNumeral(text, from, lang);
      // Exponent notation ("1e9", "2.5E+10") and powers ("10^9") are not amounts a writer
      // means literally: the whole run is one unknown word, so no figure can use its digits.
      EXPONENT.lastIndex = end;
      if (EXPONENT.test(text)) {
        tokens.push({start: i, end: EXPONENT.lastIndex});
        i = EXPONENT.lastIndex;
        continue;
      }
      const raw = text.slice(from, end);
      const num = parseLocaleDecimal(raw, lang);
      tokens.push(num === null ? {start: i, end} : {start: i, end, num: signed && num !== "0" ? `-${num}` : num, raw: signed ? `-${raw}` : raw});
      i = end;
      continue;
    }
    if (signed) {
      tokens.push({start: i, end: i + 1, minus: true});
      i += 1;
      continue;
    }
    let hit = matchTerms(m, text, i);
    // A one-letter proclitic written onto the word ("ובין", "ממיליארד", "بمليار"): the word
    // after it is matched, and the token keeps the letter.
    if (!hit && !ascii && m.proclitics.size && m.proclitics.has(charAt(text, i))) {
      // Matched on the rest of the word alone, since a term wants no letter before it.
      const rest = text.slice(i + length, i + length + 64);
      const inner = matchTerms(m, rest, 0);
      if (inner && inner.terms.some((t) => t.type !== "filler" && t.type !== "range_and")) hit = {end: i + length + inner.end, terms: inner.terms};
    }
    if (hit) {
      tokens.push({start: i, end: hit.end, terms: hit.terms});
      i = hit.end;
      continue;
    }
    // An unknown word is skipped whole, digits included, so "Q3", "H100" or "Llama3" never
    // yield a numeral; in spaceless scripts one character at a time, as words are not marked.
    let end = i + length;
    if (ascii ? isAsciiWordChar(code) : cls & WORD_RUN) {
      while (end < text.length) {
        const c = text.charCodeAt(end);
        if (c < 128) {
          if (!isAsciiWordChar(c)) break;
          ++end;
          continue;
        }
        const next = text.codePointAt(end)!;
        if (!(classOf(next) & WORD_RUN)) break;
        end += next > 0xffff ? 2 : 1;
      }
    }
    tokens.push({start: i, end});
    i = end;
  }
  return tokens;
}

const EXPONENT = /(?:[eE][+\-\u2212]?\p{Nd}|\^|[\u2070\u00b9\u00b2\u00b3\u2074-\u2079])[\p{L}\p{N}^+\-\u2212\u2070-\u2079\u00b9\u00b2\u00b3]*/uy;

// A hyphen or minus sign at `i` is a sign when it is glued to what follows and starts an amount:
// after a space, an opening bracket or a currency sign, and not right after a numeral (where it
// joins a range: "60 -65", "60-65").
function startsAmount(text: string, i: number, tokens: Token[]): boolean {
  const next = text.charCodeAt(i + 1);
  if (!(next >= 0 && !isAsciiSpace(next) && next !== 0x2d && next !== 0x2212)) return false;
  const last = tokens[tokens.length - 1];
  if (last?.num !== undefined && i - last.end <= 2) return false;
  if (last && last.end === i && role(last, "currency")) return true;
  const prev = i > 0 ? text[i - 1] : " ";
  return /[\s(\[{«"“„'‘]/u.test(prev) && (isDigitAt(text, i + 1) || /[$€£¥₹₽₴₩₺₪₫฿]/u.test(text[i + 1]));
}

function role(t: Token | undefined, type: FigureTermType): FigureTerm | undefined {
  return t?.terms?.find((x) => x.type === type);
}

// Tokens of one figure are separated by nothing or by a little whitespace; an unknown word is a
// token of its own, so anything else between them already breaks the figure.
const MAX_GAP = 3;

function near(a: Token | undefined, b: Token | undefined, max = MAX_GAP): boolean {
  return !!a && !!b && b.start - a.end <= max;
}

function isHyphen(t: Token | undefined, text: string): boolean {
  return !!t && t.end - t.start === 1 && HYPHENS.has(text[t.start]) && !!role(t, "range");
}

// ---------------------------------------------------------------------------------------------
// Grammar

interface Unit {
  kind: FigureKind;
  code: string;
  /** Power of ten converting to the table's unit (data sizes to TB). */
  exp: number;
}

interface Part {
  num: string;
  exp: number;
}

interface Side {
  first: number;
  last: number;
  next: number;
  parts: Part[];
  vague: boolean;
  scaled: boolean;
  abbrev: boolean;
  /** The amount was written without digits ("eine Milliarde", "более миллиарда"). */
  worded: boolean;
  unit?: Unit;
  /** The unit was written after the amount ("60 € bis"), not only as a prefix ("$60-"). */
  tailUnit: boolean;
  /** Power of ten of the first scale word, or -1 (a bare number). */
  scaleExp: number;
  /** A qualifier written between the amount and its unit ("70 करोड़ से अधिक उपयोगकर्ता", "700 milyondan fazla kullanıcı"). */
  innerPost?: string;
}

function unitOf(t: Token | undefined): Unit | undefined {
  const c = role(t, "currency");
  if (c) return {kind: "money", code: c.value, exp: 0};
  if (role(t, "users")) return {kind: "users", code: "users", exp: 0};
  const d = role(t, "data_unit");
  if (d) return {kind: "data_size", code: "TB", exp: Number(d.value)};
  if (role(t, "percent")) return {kind: "percent", code: "percent", exp: 0};
  return undefined;
}

const glued = (a: Token | undefined, b: Token | undefined) => !!a && !!b && a.end === b.start;

function prefixCurrency(t: Token | undefined): FigureTerm | undefined {
  const c = t?.terms?.find((x) => x.type === "currency" && !x.suffixOnly);
  return c;
}

function parseSide(toks: Token[], k: number, text: string, lang: string, allowVague: boolean, afterQualifier: boolean): Side | null {
  let j = k;
  let negative = false;
  // "−$5 billion": a sign before the currency sign.
  if (toks[j]?.minus && glued(toks[j], toks[j + 1]) && prefixCurrency(toks[j + 1])) {
    negative = true;
    ++j;
  }
  let prefix: Unit | undefined;
  if (prefixCurrency(toks[j]) && toks[j + 1]?.num !== undefined && near(toks[j], toks[j + 1], 2)) {
    prefix = unitOf(toks[j]);
    ++j;
  } else if (negative) return null;
  const head = toks[j];
  if (!head) return null;
  const parts: Part[] = [];
  let vague = false;
  let worded = false;
  let last = j;
  if (head.num !== undefined) {
    // The scale multiplies the whole grouped number: "45,000 millones" is read again knowing
    // that a scale word follows.
    const scaleNext = near(head, toks[j + 1]) && !!role(toks[j + 1], "scale");
    const num = scaleNext && head.raw ? parseLocaleDecimal(head.raw, lang, {beforeScale: true}) ?? head.num : head.num;
    parts.push({num: negative ? `-${num}` : num, exp: 0});
    ++j;
  } else if (!prefix && allowVague && role(head, "vague")) {
    parts.push({num: role(head, "vague")!.value, exp: 0});
    vague = true;
    ++j;
  } else if (!prefix && role(head, "numeral") && near(head, toks[j + 1]) && role(toks[j + 1], "scale") && !role(toks[j + 1], "scale")!.abbrev) {
    // "eine Milliarde", "a quarter of a trillion", "ένα δισεκατομμύριο".
    parts.push({num: role(head, "numeral")!.value, exp: 0});
    worded = true;
    ++j;
  } else if (!prefix && role(head, "scale") && !role(head, "scale")!.abbrev &&
      (afterQualifier && Number(role(head, "scale")!.value) >= 6 || role(head, "scale")!.stacked || near(head, toks[j + 1]) && !!role(toks[j + 1], "scale"))) {
    // A scale word standing for one of itself: "более миллиарда", "mehr als Milliarde" (after a
    // qualifier), "mil millones" (stacked, one term in CLDR or two words in the text). The scale
    // loop below reads the word itself.
    parts.push({num: "1", exp: 0});
    worded = true;
  } else return null;
  let scaled = false;
  let abbrev = false;
  let lastExp = -Infinity;
  let scaleExp = -1;
  let cjkScale = false;
  for (;;) {
    const cur = toks[j];
    if (!near(toks[last], cur)) break;
    let at = j;
    // "$70-billion": a hyphen glued to a numeral and a scale word joins them.
    if (isHyphen(cur, text) && cur.start === toks[last].end && toks[j + 1]?.start === cur.end && role(toks[j + 1], "scale")) at = j + 1;
    // "hundreds of millions", "centaines de millions": a filler between a vague count and a scale.
    else if (vague && role(cur, "filler") && near(cur, toks[j + 1]) && role(toks[j + 1], "scale")) at = j + 1;
    const scale = role(toks[at], "scale");
    if (scale) {
      const e = Number(scale.value);
      // Stacked scales multiply only upwards ("mil millones", "千億"); "million billion" is not a figure.
      if (e <= lastExp) break;
      parts[parts.length - 1].exp += e;
      if (scaleExp < 0) scaleExp = e;
      lastExp = e;
      scaled = true;
      abbrev ||= scale.abbrev;
      cjkScale = SPACELESS.test(scale.term);
      last = at;
      j = at + 1;
      continue;
    }
    // "7億5000万": after a CJK unit, a numeral with a smaller unit is added, not a new figure.
    if (cjkScale && cur.num !== undefined && cur.start === toks[last].end && toks[j + 1]?.start === cur.end) {
      const next = role(toks[j + 1], "scale");
      if (next && SPACELESS.test(next.term) && Number(next.value) < parts[parts.length - 1].exp) {
        parts.push({num: cur.num, exp: 0});
        lastExp = -Infinity;
        last = j++;
        continue;
      }
    }
    break;
  }
  if (worded && !scaled) return null;
  let unit: Unit | undefined;
  let tailUnit = false;
  let innerPost: string | undefined;
  if (near(toks[last], toks[j])) {
    let q = j;
    const post = role(toks[q], "qualifier_post");
    if (post && post.value !== "between" && near(toks[q], toks[q + 1])) {
      innerPost = post.value;
      ++q;
    }
    if (role(toks[q], "filler") && near(toks[q], toks[q + 1])) ++q;
    let mods = 0;
    while (mods < 3 && role(toks[q], "modifier") && near(toks[q], toks[q + 1])) {
      ++q;
      ++mods;
    }
    const t = toks[q];
    let u = unitOf(t);
    if (u && mods && u.kind !== "users") u = undefined;
    // "2025 $5 billion": a currency sign followed by a numeral is that numeral's prefix, unless
    // this side is already a scaled amount ("5 Milliarden US-Dollar 2025").
    if (u?.kind === "money" && prefixCurrency(t) && toks[q + 1]?.num !== undefined && near(t, toks[q + 1], 2) && !scaled) u = undefined;
    // A prefix currency owns the side: "$5 million users" is money, and its tail must be money.
    if (u && prefix && u.kind !== "money") u = undefined;
    if (u) {
      unit = u;
      tailUnit = true;
      last = q;
      j = q + 1;
    }
  }
  if (!unit) unit = prefix;
  if (worded && (!unit || (unit.kind !== "money" && unit.kind !== "users"))) return null;
  if (innerPost && !tailUnit) innerPost = undefined;
  return {first: k, last, next: j, parts, vague, scaled, abbrev, worded, unit, tailUnit, scaleExp, innerPost};
}

function sideValue(parts: readonly Part[], unit: Unit): number {
  let total = 0;
  for (const p of parts) total += Number(`${p.num}e${p.exp + unit.exp}`);
  return total;
}

interface Figure {
  kind: FigureKind;
  unit: string;
  qualifier: Qualifier;
  low: number | null;
  high: number | null;
  startTok: number;
  endTok: number;
  next: number;
  /** The range was written high to low; its bounds were swapped. */
  inverted?: boolean;
  /** A scaled amount with no unit of its own ("contro i 38-40 miliardi"): money if the sentence has money before it. */
  unitless?: boolean;
}

function unitsAgree(a: Unit | undefined, b: Unit | undefined): boolean {
  return !a || !b || (a.kind === b.kind && a.code === b.code);
}

function allowed(unit: Unit, scaled: boolean, abbrev: boolean): boolean {
  // "405B", "7B parameters", "5m" are not amounts: abbreviations count only with money or users.
  if (abbrev && unit.kind !== "money" && unit.kind !== "users") return false;
  if (scaled && unit.kind === "percent") return false;
  return true;
}

const YEAR_LIKE = /^(1[89]|20|21)\d\d$/;
// A dash with spaces around it is as often a sentence dash as a range: only a rising range
// may use it ("$5 billion — $3 billion of it…" is not a range).
function spacedDash(c: Token, text: string, toks: Token[], at: number): boolean {
  const ch = text.slice(c.start, c.end);
  return /^[\u2013\u2014\u2015-]$/.test(ch) && toks[at - 1]?.end !== c.start && toks[at + 1]?.start !== c.end;
}

const PLACEHOLDER: Unit = {kind: "money", code: "", exp: 0};

interface SideRange {
  s1: Side;
  s2: Side;
  unit: Unit;
  low: number;
  high: number;
  inverted: boolean;
  unitless?: boolean;
}

// Joins s1 with a second side after the connector at toks[at], or null.
function rangeFrom(toks: Token[], s1: Side, at: number, text: string, lang: string, wordConnector: boolean): SideRange | null {
  const c = toks[at];
  if (!near(toks[s1.last], c) || !near(c, toks[at + 1])) return null;
  // "tra i 60 e i 65": an article after the connector too.
  const from = role(toks[at + 1], "filler") && toks[at + 2]?.num !== undefined && near(toks[at + 1], toks[at + 2]) ? at + 2 : at + 1;
  const cand = parseSide(toks, from, text, lang, false, false);
  if (!cand) return null;
  // "contro i 38-40 miliardi": a range of scaled amounts without a unit, kept aside like one amount.
  const unitless = !cand.unit && !s1.unit && cand.scaled && !cand.abbrev && cand.scaleExp >= 6;
  const u = cand.unit ?? s1.unit ?? (unitless ? PLACEHOLDER : undefined);
  if (!u || !unitsAgree(s1.unit, cand.unit) || (s1.tailUnit && !cand.unit)) return null;
  // An em dash with spaces around it is a sentence dash, not a range.
  if (/^[\u2014\u2015]$/.test(text.slice(c.start, c.end)) && spacedDash(c, text, toks, at)) return null;
  if (!allowed(u, s1.scaled || cand.scaled, s1.abbrev || cand.abbrev)) return null;
  // "60 bis 80 Milliarden", "$60-65B", "od 60 do 65 mld": an unscaled low end borrows the high end's scale.
  const borrows = !s1.scaled && cand.scaled;
  const p1 = borrows ? [{num: s1.parts[0].num, exp: cand.parts[0].exp}] : s1.parts;
  const v1 = sideValue(p1, u);
  const v2 = sideValue(cand.parts, u);
  if (v1 <= v2) return {s1, s2: cand, unit: u, low: v1, high: v2, inverted: false, unitless};
  // Written high to low ("80 bis 60 Milliarden"): kept, ordered and flagged, when both ends are
  // written alike and the low end is no year ("2025 bis 65 Milliarden" is not a range).
  const first = s1.parts[0].num;
  if (s1.scaled !== cand.scaled && !borrows) return null;
  if (!s1.scaled && YEAR_LIKE.test(first)) return null;
  if (borrows && YEAR_LIKE.test(first)) return null;
  if (!wordConnector && spacedDash(c, text, toks, at)) return null;
  if (v1 / Math.max(Math.abs(v2), 1e-300) > 100) return null;
  return {s1, s2: cand, unit: u, low: v2, high: v1, inverted: true, unitless};
}

function isConnector(t: Token | undefined, and: boolean): boolean {
  return !!role(t, "range") || (and && !!role(t, "range_and"));
}

function parseFigure(toks: Token[], k: number, text: string, lang: string): Figure[] | null {
  let j = k;
  let qualifier: string | undefined;
  const q = role(toks[k], "qualifier");
  if (q) {
    if (!near(toks[k], toks[k + 1])) return null;
    qualifier = q.value;
    ++j;
    // An article after the qualifier: "tra i 60", "περίπου τα 39", "entre los 60".
    if (role(toks[j], "filler") && near(toks[j], toks[j + 1])) ++j;
  }
  const s1 = parseSide(toks, j, text, lang, true, !!q);
  if (!s1) return null;
  const opensRange = qualifier === "between" || qualifier === "from";
  if (!s1.vague) {
    // Two currencies nested in one range: "Rp X (US$ Y) hingga Rp Z (US$ W)".
    const nested = nestedRange(toks, s1, text, lang);
    if (nested) return nested.map((r) => rangeFigure(r, k, nested[1].s2.last, nested[1].s2.next, false));
    const c = toks[s1.next];
    const word = !!c && !HYPHENS.has(text.slice(c.start, c.end)) && !/^\p{P}$/u.test(text.slice(c.start, c.end));
    let r: SideRange | null = null;
    if (isConnector(c, true)) {
      const viaAnd = !role(c, "range");
      r = rangeFrom(toks, s1, s1.next, text, lang, word);
      if (r) {
        // "60 és 65 milliárd között", "60 ile 65 milyar arasında": a closing "between" word.
        const post = near(toks[r.s2.last], toks[r.s2.next]) ? role(toks[r.s2.next], "qualifier_post") : undefined;
        const closes = post?.value === "between";
        if (viaAnd && !opensRange && !closes) r = null;
        else if (r) {
          const endTok = closes ? r.s2.next : r.s2.last;
          const next = closes ? r.s2.next + 1 : r.s2.next;
          return [rangeFigure(r, k, endTok, next, r.inverted)];
        }
      }
    }
  }
  if (opensRange) return null;
  const unit = s1.unit;
  if (!unit) {
    // A scaled amount with no unit ("contro i 38 miliardi"), kept aside for the passage's money.
    if (s1.scaled && !s1.abbrev && s1.scaleExp >= 6 && !s1.worded) {
      const v = sideValue(s1.parts, PLACEHOLDER);
      const qual = (qualifier ?? "exact") as Exclude<Qualifier, "range">;
      return [{kind: "money", unit: "", qualifier: qual, low: qual === "up_to" ? null : v, high: qual === "at_least" ? null : v, startTok: k, endTok: s1.last, next: s1.next, unitless: true}];
    }
    return null;
  }
  if (!allowed(unit, s1.scaled, s1.abbrev)) return null;
  let endTok = s1.last;
  let next = s1.next;
  const post = near(toks[endTok], toks[next]) ? role(toks[next], "qualifier_post") : undefined;
  if (post && post.value !== "between") {
    endTok = next++;
    qualifier ??= post.value;
  }
  qualifier ??= s1.innerPost;
  const v = sideValue(s1.parts, unit);
  const qual = (qualifier ?? (s1.vague ? "at_least" : "exact")) as Exclude<Qualifier, "range">;
  const low = qual === "up_to" ? null : v;
  const high = qual === "at_least" ? null : v;
  return [{kind: unit.kind, unit: unit.code, qualifier: qual, low, high, startTok: k, endTok, next}];
}

function rangeFigure(r: SideRange, startTok: number, endTok: number, next: number, inverted: boolean): Figure {
  return {kind: r.unit.kind, unit: r.unit.code, qualifier: "range", low: r.low, high: r.high, startTok, endTok, next, inverted, unitless: r.unitless};
}

// "Rp 1 triliun (US$ 61 juta) hingga Rp 2 triliun (US$ 122 juta)": each side is an amount with
// its conversion in brackets; the result is one range per currency.
function nestedRange(toks: Token[], s1: Side, text: string, lang: string): [SideRange, SideRange] | null {
  const open = toks[s1.next];
  if (!s1.unit || !open || text.slice(open.start, open.end) !== "(" || !near(toks[s1.last], open)) return null;
  const b1 = parseSide(toks, s1.next + 1, text, lang, false, false);
  const close1 = b1 && toks[b1.next];
  if (!b1?.unit || !close1 || text.slice(close1.start, close1.end) !== ")" || unitsAgree(b1.unit, s1.unit)) return null;
  const c = toks[b1.next + 1];
  if (!isConnector(c, false)) return null;
  const s2 = parseSide(toks, b1.next + 2, text, lang, false, false);
  const open2 = s2 && toks[s2.next];
  if (!s2 || !open2 || text.slice(open2.start, open2.end) !== "(") return null;
  const b2 = parseSide(toks, s2.next + 1, text, lang, false, false);
  const close2 = b2 && toks[b2.next];
  if (!b2 || !close2 || text.slice(close2.start, close2.end) !== ")") return null;
  if (!unitsAgree(s1.unit, s2.unit) || !unitsAgree(b1.unit, b2.unit)) return null;
  const pair = (a: Side, b: Side): SideRange | null => {
    const u = a.unit ?? b.unit!;
    const v1 = sideValue(!a.scaled && b.scaled ? [{num: a.parts[0].num, exp: b.parts[0].exp}] : a.parts, u);
    const v2 = sideValue(b.parts, u);
    return {s1: a, s2: {...b, last: close2.start === b.next ? b.last : b.last}, unit: u, low: Math.min(v1, v2), high: Math.max(v1, v2), inverted: v1 > v2};
  };
  const r1 = pair(s1, s2);
  const r2 = pair(b1, b2);
  if (!r1 || !r2) return null;
  r2.s2 = {...r2.s2, last: b2.next, next: b2.next + 1};
  return [r1, r2];
}

function canStart(t: Token): boolean {
  return t.num !== undefined || !!t.minus || !!role(t, "qualifier") || !!role(t, "currency") || !!role(t, "vague") || !!role(t, "numeral") || !!role(t, "scale");
}

function usersBefore(toks: Token[], k: number, text: string): boolean {
  for (let j = k - 1; j >= 0 && j >= k - 3; --j) {
    if (!near(toks[j], toks[j + 1], 1) || toks[j].num !== undefined) return false;
    if (role(toks[j], "users")) return true;
    if (/\p{P}/u.test(text.slice(toks[j].start, toks[j].end))) return false;
  }
  return false;
}

// Beyond this an amount is no longer an exact integer in a double: refused, with a warning.
const MAX_AMOUNT = Number.MAX_SAFE_INTEGER;
const SENTENCE_END = /[.!?。！？]\s/u;

/**
 * Finds the figures (money, users, data_size, percent) in one passage. Pure and deterministic;
 * never throws on any string. Rows are sorted by `start` and do not overlap, except the two rows
 * of one range written in two currencies, which share its span; `text` is always
 * `p.text.slice(start, end)`: the qualifier words ("bis zu", "mehr als", "entre") are part of it.
 * Money is in plain units of its ISO 4217 currency, users are counts, data sizes are TB.
 * What the passage says that cannot become a row, or became one by a rule (a range written high
 * to low, an amount too large to be exact), is reported through `p.warn` when given.
 */
export function extractFigures(p: PassageContext, lexicon: FigureLexicon = DEFAULT_FIGURE_LEXICON): FigureRow[] {
  const text = typeof p.text === "string" ? p.text : "";
  const rawLang = typeof p.language === "string" ? p.language : "";
  const lang = baseLanguage(rawLang);
  const numberLang = /^[a-z]{2,3}$/.test(lang) && lang !== "und" ? rawLang.trim() : "und";
  const warn = typeof p.warn === "function" ? p.warn : () => {};
  const toks = tokenize(text, numberLang, matcherFor(lexicon, lang));
  const rows: FigureRow[] = [];
  let lastMoney: {unit: string; end: number} | undefined;
  for (let k = 0; k < toks.length; ) {
    const found = canStart(toks[k]) ? parseFigure(toks, k, text, numberLang) : null;
    if (!found) {
      ++k;
      continue;
    }
    k = found[0].next;
    for (const f of found) {
      const start = toks[f.startTok].start;
      const end = toks[f.endTok].end;
      const span = text.slice(start, end);
      if (f.unitless) {
        // A users noun just before it ("月活跃用户超过7亿") makes it a count; else it is money
        // only when money was written before it in the same sentence.
        if (usersBefore(toks, f.startTok, text)) {
          f.kind = "users";
          f.unit = "users";
        } else if (!lastMoney || SENTENCE_END.test(text.slice(lastMoney.end, start))) continue;
        else f.unit = lastMoney.unit;
      }
      const ok = (x: number | null) => x === null || Number.isFinite(x);
      if (!ok(f.low) || !ok(f.high) || (f.low === null && f.high === null)) {
        warn(`figure "${span}" is not a finite number; left out`);
        continue;
      }
      if (Math.abs(f.low ?? 0) > MAX_AMOUNT || Math.abs(f.high ?? 0) > MAX_AMOUNT) {
        warn(`figure "${span}" is beyond ${MAX_AMOUNT}, the largest amount written exactly; left out`);
        continue;
      }
      if (f.low !== null && f.high !== null && f.low > f.high) continue;
      if (f.inverted) warn(`range "${span}" is written high to low; read as ${f.low} to ${f.high}`);
      if (f.kind === "money") lastMoney = {unit: f.unit, end};
      rows.push({
        article_id: p.article_id, passage: p.passage, kind: f.kind, text: span,
        low: f.low, high: f.high, unit: f.unit, qualifier: f.qualifier, start, end
      });
    }
  }
  return rows;
}
