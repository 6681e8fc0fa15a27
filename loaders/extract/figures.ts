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

export type FigureTermType =
  | "currency" | "scale" | "vague" | "users" | "modifier" | "data_unit" | "percent"
  | "qualifier" | "qualifier_post" | "range" | "range_and" | "filler";

const TERM_TYPES: readonly FigureTermType[] = [
  "currency", "scale", "vague", "users", "modifier", "data_unit", "percent",
  "qualifier", "qualifier_post", "range", "range_and", "filler"
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
}

export interface FigureLexicon {
  file: string;
  terms: readonly FigureTerm[];
  /** Every language some row names; a passage in any other language sees every row. */
  languages: ReadonlySet<string>;
}

const COLUMNS = ["term", "type", "value", "languages", "flags"] as const;
const QUALIFIER_VALUES = new Set(["at_least", "up_to", "about", "between"]);
const POST_QUALIFIER_VALUES = new Set(["at_least", "up_to", "about"]);

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
    for (const f of flags) if (f !== "case" && f !== "abbrev") fail(`unknown flag "${f}" (expected case or abbrev)`);
    if (flags.includes("abbrev") && type !== "scale") fail(`flag abbrev is only for type scale`);
    const entry: FigureTerm = {
      term, type, value,
      languages: langs.filter((l) => l !== "*"),
      fallback: langs.includes("*"),
      caseSensitive: flags.includes("case"),
      abbrev: flags.includes("abbrev"),
      line
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
  re: RegExp;
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
  byFirst: Map<string, CompiledTerm[]>;
  /**
   * Per list of byFirst, the terms that can start at a position whose first two characters are
   * ASCII, by the second one (lower-cased char code; 128: the text ends after the first): the
   * terms whose prefix has no second character or has that one, in the list's order. Built on use.
   */
  bySecond: Map<CompiledTerm[], Array<CompiledTerm[] | undefined>>;
}

// Scripts written without spaces: a term in them needs no word boundary, and an unknown
// character in them is skipped alone rather than with the "word" around it.
const SPACELESS = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]/u;
const LETTER = /[\p{L}\p{M}]/u;
const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;
const HYPHENS = new Set(["-", "\u2010", "\u2011"]);

function needsBoundary(ch: string): boolean {
  return LETTER.test(ch) && !SPACELESS.test(ch);
}

function compileTerm(term: FigureTerm): RegExp {
  const chars = Array.from(term.term);
  let body = "";
  chars.forEach((c, i) => {
    if (/\s/u.test(c)) {
      if (!/\s/u.test(chars[i - 1] ?? "")) body += "\\s+";
    } else if (c === "'" || c === "\u2019") body += "['\u2019]";
    else if (HYPHENS.has(c) && i > 0 && i < chars.length - 1 && LETTER.test(chars[i - 1]) && LETTER.test(chars[i + 1])) body += "[-\u2010\u2011\\s]";
    else body += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  });
  const left = needsBoundary(chars[0]) ? "(?<![\\p{L}\\p{M}])" : "";
  const right = needsBoundary(chars[chars.length - 1]) ? "(?![\\p{L}\\p{M}])" : "";
  return new RegExp(left + body + right, term.caseSensitive ? "yu" : "iyu");
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
  const groups = new Map<string, FigureTerm[]>();
  for (const t of lexicon.terms) {
    const k = termKey(t);
    const g = groups.get(k);
    if (g) g.push(t);
    else groups.set(k, [t]);
  }
  const out: FigureTerm[] = [];
  for (const g of groups.values()) {
    const own = g.find((t) => t.languages.includes(lang));
    const fallback = g.find((t) => t.fallback);
    const pick = known ? own ?? fallback : fallback ?? g[0];
    if (pick) out.push(pick);
  }
  return out;
}

const matcherCache = new WeakMap<FigureLexicon, Map<string, Matcher>>();

function matcherFor(lexicon: FigureLexicon, lang: string): Matcher {
  let perLang = matcherCache.get(lexicon);
  if (!perLang) matcherCache.set(lexicon, (perLang = new Map()));
  const key = lexicon.languages.has(lang) ? lang : "";
  let m = perLang.get(key);
  if (!m) {
    const byFirst = new Map<string, CompiledTerm[]>();
    for (const term of termsFor(lexicon, lang)) {
      const k = firstKey(term.term);
      const list = byFirst.get(k) ?? [];
      list.push({term, re: compileTerm(term), prefix: asciiPrefix(term.term), asciiWord: /^[A-Za-z0-9]*[A-Za-z]$/.test(term.term) ? term.term.length : 0});
      byFirst.set(k, list);
    }
    m = {byFirst, bySecond: new Map()};
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
  /** Every lexicon row matching the longest span here (a word may be a qualifier and a connector). */
  terms?: FigureTerm[];
}

// firstKey of one ASCII character, without a substring per call (matchTerms runs at every word).
const ASCII_KEYS = Array.from({length: 128}, (_, c) => String.fromCharCode(c).toLowerCase());

function matchTerms(m: Matcher, text: string, i: number): {end: number; terms: FigureTerm[]} | null {
  const c = text.charCodeAt(i);
  let cands = m.byFirst.get(c < 128 ? ASCII_KEYS[c] : firstKey(text.slice(i, i + 2)));
  if (!cands) return null;
  // When the first character is ASCII, mayStartWith also compares the second one (a non-ASCII
  // first character passes every term): drop the terms it would reject there, in one lookup.
  const end = i + 1 >= text.length;
  const c2 = end ? 0 : text.charCodeAt(i + 1);
  if (c < 128 && (end || c2 < 128)) {
    const second = end ? 128 : c2 >= 65 && c2 <= 90 ? c2 + 32 : c2;
    let table = m.bySecond.get(cands);
    if (!table) m.bySecond.set(cands, (table = new Array(129)));
    const all: CompiledTerm[] = cands;
    cands = table[second] ??= all.filter((t) => t.prefix.length < 2 || t.prefix.charCodeAt(1) === second);
  }
  let best = 0;
  let terms: FigureTerm[] = [];
  for (const c of cands) {
    if (!mayStartWith(text, i, c.prefix)) continue;
    if (c.asciiWord) {
      const after = text.charCodeAt(i + c.asciiWord);
      if ((after >= 97 && after <= 122) || (after >= 65 && after <= 90)) continue;
    }
    c.re.lastIndex = i;
    const hit = c.re.exec(text);
    if (!hit || hit[0].length === 0) continue;
    if (hit[0].length > best) {
      best = hit[0].length;
      terms = [c.term];
    } else if (hit[0].length === best) terms.push(c.term);
  }
  return best ? {end: i + best, terms} : null;
}

function charAt(text: string, i: number): string {
  return String.fromCodePoint(text.codePointAt(i) ?? 0);
}

// The rest of an unknown word, as the loop in tokenize reads it (word characters, not spaceless).
const WORD_RUN = /(?:(?![\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}])[\p{L}\p{M}\p{N}_])+/uy;

// For an ASCII character, the tests tokenize makes, without a string and a regular expression
// per character: \s is tab to carriage return and space; a word character is a letter, a digit or "_".
const isAsciiSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const isAsciiWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

function tokenize(text: string, lang: string, m: Matcher): Token[] {
  const tokens: Token[] = [];
  // Without surrogates every position is a whole character, so one sticky expression can skip
  // the rest of an unknown word instead of two tests per character; with them, the loop below.
  const bmp = !/[\uD800-\uDFFF]/.test(text);
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const ascii = code < 128;
    const ch = ascii ? "" : charAt(text, i);
    const length = ascii ? 1 : ch.length;
    if (ascii ? isAsciiSpace(code) : /\s/u.test(ch)) {
      i += length;
      continue;
    }
    if (isDigitAt(text, i)) {
      const end = scanNumeral(text, i, lang);
      const num = parseLocaleDecimal(text.slice(i, end), lang);
      tokens.push(num === null ? {start: i, end} : {start: i, end, num});
      i = end;
      continue;
    }
    const hit = matchTerms(m, text, i);
    if (hit) {
      tokens.push({start: i, end: hit.end, terms: hit.terms});
      i = hit.end;
      continue;
    }
    // An unknown word is skipped whole, digits included, so "Q3", "H100" or "Llama3" never
    // yield a numeral; in spaceless scripts one character at a time, as words are not marked.
    let end = i + length;
    if (ascii ? isAsciiWordChar(code) : WORD_CHAR.test(ch) && !SPACELESS.test(ch)) {
      if (bmp) {
        WORD_RUN.lastIndex = end;
        if (WORD_RUN.test(text)) end = WORD_RUN.lastIndex;
      } else {
        while (end < text.length) {
          const c = charAt(text, end);
          if (!WORD_CHAR.test(c) || SPACELESS.test(c)) break;
          end += c.length;
        }
      }
    }
    tokens.push({start: i, end});
    i = end;
  }
  return tokens;
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
  unit?: Unit;
  /** The unit was written after the amount ("60 € bis"), not only as a prefix ("$60-"). */
  tailUnit: boolean;
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

function parseSide(toks: Token[], k: number, text: string, allowVague: boolean): Side | null {
  let j = k;
  let prefix: Unit | undefined;
  if (role(toks[j], "currency") && toks[j + 1]?.num !== undefined && near(toks[j], toks[j + 1], 2)) {
    prefix = unitOf(toks[j]);
    ++j;
  }
  const head = toks[j];
  if (!head) return null;
  const parts: Part[] = [];
  let vague = false;
  if (head.num !== undefined) parts.push({num: head.num, exp: 0});
  else if (!prefix && allowVague && role(head, "vague")) {
    parts.push({num: role(head, "vague")!.value, exp: 0});
    vague = true;
  } else return null;
  let last = j++;
  let scaled = false;
  let abbrev = false;
  let lastExp = -Infinity;
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
  let unit: Unit | undefined;
  let tailUnit = false;
  if (near(toks[last], toks[j])) {
    let q = j;
    if (role(toks[q], "filler") && near(toks[q], toks[q + 1])) ++q;
    let mods = 0;
    while (mods < 2 && role(toks[q], "modifier") && near(toks[q], toks[q + 1])) {
      ++q;
      ++mods;
    }
    const t = toks[q];
    let u = unitOf(t);
    if (u && mods && u.kind !== "users") u = undefined;
    // "2025 $5 billion": a currency sign followed by a numeral is that numeral's prefix, unless
    // this side is already a scaled amount ("5 Milliarden US-Dollar 2025").
    if (u?.kind === "money" && toks[q + 1]?.num !== undefined && near(t, toks[q + 1], 2) && !scaled) u = undefined;
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
  return {first: k, last, next: j, parts, vague, scaled, abbrev, unit, tailUnit};
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

function parseFigure(toks: Token[], k: number, text: string): Figure | null {
  let j = k;
  let qualifier: string | undefined;
  const q = role(toks[k], "qualifier");
  if (q) {
    if (!near(toks[k], toks[k + 1])) return null;
    qualifier = q.value;
    ++j;
  }
  const s1 = parseSide(toks, j, text, true);
  if (!s1) return null;
  let s2: Side | null = null;
  let low1 = 0;
  let unit = s1.unit;
  if (!s1.vague) {
    const c = toks[s1.next];
    if (near(toks[s1.last], c) && (role(c, "range") || (qualifier === "between" && role(c, "range_and"))) && near(c, toks[s1.next + 1])) {
      const cand = parseSide(toks, s1.next + 1, text, false);
      const u = cand?.unit ?? s1.unit;
      if (cand && u && unitsAgree(s1.unit, cand.unit) && !(s1.tailUnit && !cand.unit) &&
          allowed(u, s1.scaled || cand.scaled, s1.abbrev || cand.abbrev)) {
        // "60 bis 80 Milliarden", "$60-65B": an unscaled low end borrows the high end's scale.
        const p1 = !s1.scaled && cand.scaled ? [{num: s1.parts[0].num, exp: cand.parts[0].exp}] : s1.parts;
        const v1 = sideValue(p1, u);
        const v2 = sideValue(cand.parts, u);
        if (v1 <= v2) {
          s2 = cand;
          unit = u;
          low1 = v1;
        }
      }
    }
  }
  if (qualifier === "between" && !s2) return null;
  if (!unit) return null;
  if (s2) {
    return {kind: unit.kind, unit: unit.code, qualifier: "range", low: low1, high: sideValue(s2.parts, unit), startTok: k, endTok: s2.last, next: s2.next};
  }
  if (!allowed(unit, s1.scaled, s1.abbrev)) return null;
  let endTok = s1.last;
  let next = s1.next;
  const post = near(toks[endTok], toks[next]) ? role(toks[next], "qualifier_post") : undefined;
  if (post) {
    endTok = next++;
    qualifier ??= post.value;
  }
  const v = sideValue(s1.parts, unit);
  const qual = (qualifier ?? (s1.vague ? "at_least" : "exact")) as Exclude<Qualifier, "range">;
  const low = qual === "up_to" ? null : v;
  const high = qual === "at_least" ? null : v;
  return {kind: unit.kind, unit: unit.code, qualifier: qual, low, high, startTok: k, endTok, next};
}

function canStart(t: Token): boolean {
  return t.num !== undefined || !!role(t, "qualifier") || !!role(t, "currency") || !!role(t, "vague");
}

/**
 * Finds the figures (money, users, data_size, percent) in one passage. Pure and deterministic;
 * never throws on any string. Rows are sorted by `start`, never overlap, and `text` is always
 * `p.text.slice(start, end)`: the qualifier words ("bis zu", "mehr als", "entre") are part of it.
 * Money is in plain units of its ISO 4217 currency, users are counts, data sizes are TB.
 */
export function extractFigures(p: PassageContext, lexicon: FigureLexicon = DEFAULT_FIGURE_LEXICON): FigureRow[] {
  const text = typeof p.text === "string" ? p.text : "";
  const rawLang = typeof p.language === "string" ? p.language : "";
  const lang = baseLanguage(rawLang);
  const numberLang = /^[a-z]{2,3}$/.test(lang) && lang !== "und" ? rawLang.trim() : "und";
  const toks = tokenize(text, numberLang, matcherFor(lexicon, lang));
  const rows: FigureRow[] = [];
  for (let k = 0; k < toks.length; ) {
    const f = canStart(toks[k]) ? parseFigure(toks, k, text) : null;
    if (!f) {
      ++k;
      continue;
    }
    k = f.next;
    const ok = (x: number | null) => x === null || Number.isFinite(x);
    if (!ok(f.low) || !ok(f.high) || (f.low === null && f.high === null)) continue;
    if (f.low !== null && f.high !== null && f.low > f.high) continue;
    const start = toks[f.startTok].start;
    const end = toks[f.endTok].end;
    rows.push({
      article_id: p.article_id, passage: p.passage, kind: f.kind, text: text.slice(start, end),
      low: f.low, high: f.high, unit: f.unit, qualifier: f.qualifier, start, end
    });
  }
  return rows;
}
