// Named entities found through a multilingual alias lexicon (data/lexicon/entities.csv).
//
// Matching rules, and why:
// - Aliases match on word boundaries defined with Unicode letter classes, so "Meta" matches in
//   "Meta-CEO" and "(Meta)" but not in "Metaverse", and "AWS" not in "laws". Kana and Han text
//   has no spaces, so there a neighbouring Han or hiragana character is a boundary; katakana
//   next to katakana is not ("メタ" must not match inside "メタバース").
// - A possessive or genitive ending ('s, ’s, s, ') may follow an alias: German "Metas",
//   "Zuckerbergs", Dutch/English "Meta's", "Meta’s". The ending is outside the row's `text`.
// - Short all-capital aliases (AWS, GCP, IBM, AMD, LLA: at most four letters) match with
//   their exact case; anything else matches case-insensitively, except that a spelling in
//   all lowercase letters is a different word ("apple", "snowflake", "meta-analysis") unless
//   the lexicon lists it in lowercase itself (Dutch machine translation writes the company
//   as "meta"; that row is limited to language nl).
// - "lama" is deliberately not a Llama alias: it is a real word in Dutch, Malay and
//   Indonesian ("sudah lama" = "long ago"), even though the Dutch machine translation in the
//   corpus writes "lama" for Llama.
// - The longest alias wins ("Amazon Web Services" over "Amazon", "Llama 3.1 405B" over
//   "Llama 3.1"), and rows never overlap.
// - Two mentions of the same entity separated only by white space are one mention
//   ("Meta-Chef Mark Zuckerberg"); anything else between them keeps them apart, so
//   "AWS (Amazon Web Services)" gives two AWS rows, and "Azure (Microsoft)" a host and a company.
// - A parent company is a company row of its own in the lexicon, never a host: "Microsoft"
//   beside "Azure" or in "Microsoft or Amazon or Google" is kind company.

import fs from "node:fs";
import {InputError, parseCsv} from "../csv.ts";
import type {MentionKind, MentionRow, PassageContext} from "../tables.ts";
import {affixesFor, type Affixes} from "./affixes.ts";
import {rolesOf, type HostCues} from "./host-role.ts";

export const MENTION_KINDS: readonly MentionKind[] = ["host", "person", "company", "court_case", "model", "outlet"];

export interface EntityAlias {
  entity: string;
  kind: MentionKind;
  alias: string;
  /** ISO 639-1 code, or "" when the alias holds in any language. */
  language: string;
  /** Canonical name of the parent company (hosts), or "". */
  parent: string;
  /** 1-based line in the lexicon file, for messages. */
  line: number;
}

export interface EntityInfo {
  entity: string;
  kind: MentionKind;
  parent: string;
}

export interface EntityLexicon {
  file: string;
  aliases: readonly EntityAlias[];
  entities: ReadonlyMap<string, EntityInfo>;
}

const COLUMNS = ["entity", "kind", "alias", "language", "parent", "note"] as const;

/** Parses and validates an entity lexicon; every problem is an InputError naming file and line. */
export function parseEntityLexicon(csvText: string, file: string): EntityLexicon {
  const rows = parseCsv(csvText, file, COLUMNS);
  const aliases: EntityAlias[] = [];
  const entities = new Map<string, EntityInfo & {line: number; named: boolean}>();
  const seen = new Map<string, number>();
  for (const row of rows) {
    const line = row._line;
    const entity = row.entity.trim();
    const kind = row.kind.trim();
    const alias = row.alias.trim();
    const language = row.language.trim().toLowerCase();
    const parent = row.parent.trim();
    if (!entity) throw new InputError(file, line, "empty entity");
    if (!alias) throw new InputError(file, line, `empty alias for entity "${entity}"`);
    if (!(MENTION_KINDS as readonly string[]).includes(kind)) {
      throw new InputError(file, line, `unknown kind "${kind}" (expected one of ${MENTION_KINDS.join(", ")})`);
    }
    if (language && !/^[a-z]{2,3}$/.test(language)) throw new InputError(file, line, `language "${row.language}" is not an ISO 639 code`);
    if (!/[\p{L}\p{N}]/u.test(alias)) throw new InputError(file, line, `alias "${alias}" has no letter or digit`);
    const key = `${alias}\u0000${language}`;
    if (seen.has(key)) throw new InputError(file, line, `duplicate alias "${alias}"${language ? ` (${language})` : ""}, first on line ${seen.get(key)}`);
    seen.set(key, line);
    const known = entities.get(entity);
    if (known && (known.kind !== kind || known.parent !== parent)) {
      throw new InputError(file, line, `entity "${entity}" is ${known.kind}${known.parent ? ` (parent ${known.parent})` : ""} on line ${known.line}, here ${kind}${parent ? ` (parent ${parent})` : ""}`);
    }
    if (!known) entities.set(entity, {entity, kind: kind as MentionKind, parent, line, named: alias === entity});
    else if (alias === entity) known.named = true;
    aliases.push({entity, kind: kind as MentionKind, alias, language, parent, line});
  }
  for (const a of aliases) {
    if (!a.parent) continue;
    const p = entities.get(a.parent);
    if (!p) throw new InputError(file, a.line, `parent "${a.parent}" of "${a.entity}" is not an entity of the lexicon`);
    if (p.kind !== "company") throw new InputError(file, a.line, `parent "${a.parent}" of "${a.entity}" is a ${p.kind}, not a company`);
  }
  for (const e of entities.values()) {
    if (!e.named) throw new InputError(file, e.line, `entity "${e.entity}" has no alias row spelling its own canonical name`);
  }
  const info = new Map<string, EntityInfo>();
  for (const e of entities.values()) info.set(e.entity, {entity: e.entity, kind: e.kind, parent: e.parent});
  return {file, aliases, entities: info};
}

let cachedDefault: EntityLexicon | undefined;

/** The project's lexicon, data/lexicon/entities.csv, read once. */
export function defaultEntityLexicon(): EntityLexicon {
  if (!cachedDefault) {
    const text = fs.readFileSync(new URL("../../data/lexicon/entities.csv", import.meta.url), "utf8");
    cachedDefault = parseEntityLexicon(text, "data/lexicon/entities.csv");
  }
  return cachedDefault;
}

// ---------------------------------------------------------------------------------------------
// Term matching, shared with the quote extractor (speech verbs use the same boundaries).

type CharClass = "none" | "word" | "kana" | "han" | "hira" | "thai";

function charClass(cp: number | undefined): CharClass {
  if (cp === undefined) return "none";
  // Asked at both edges of every candidate match: remembered per BMP code point.
  if (cp < 0x10000) return BMP_CLASSES[cp] ??= classify(cp);
  return classify(cp);
}

const BMP_CLASSES: Array<CharClass | undefined> = new Array(0x10000);

function classify(cp: number): CharClass {
  const ch = String.fromCodePoint(cp);
  if (!/[\p{L}\p{N}\p{M}]/u.test(ch)) return "none";
  if (/\p{scx=Han}/u.test(ch)) return "han";
  if (/\p{scx=Kana}/u.test(ch)) return "kana";
  if (/\p{scx=Hira}/u.test(ch)) return "hira";
  // Thai, like Han, is written without spaces between words.
  if (/\p{scx=Thai}/u.test(ch)) return "thai";
  return "word";
}

function codePointBefore(text: string, i: number): number | undefined {
  if (i <= 0) return undefined;
  const lo = text.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = text.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return text.codePointAt(i - 2);
  }
  return lo;
}

function codePointAt(text: string, i: number): number | undefined {
  return i < text.length ? text.codePointAt(i) : undefined;
}

// Han and hiragana never continue a word across a term edge: Japanese and Chinese write
// without spaces, so requiring one would make every CJK match fail.
function sameWord(a: CharClass, b: CharClass): boolean {
  return a === b && (a === "word" || a === "kana");
}

/** True when a word does not continue across position `i` between `text[i-1]` and `text[i]`. */
export function isBoundary(text: string, i: number): boolean {
  return !sameWord(charClass(codePointBefore(text, i)), charClass(codePointAt(text, i)));
}

export interface TermMatcher {
  term: string;
  regex: RegExp;
  /** A lowercase match of a term with capitals is another word ("apple" is not Apple). */
  rejectAllLower: boolean;
  /** Allow a possessive ending after the match (names, not verbs). */
  possessive: boolean;
  endsWithDigit: boolean;
  /** Clitics and endings the language glues to a name (affixes.ts); none for verbs. */
  affixes?: Affixes;
}

const SHORT_CAPS_MAX_LETTERS = 4;

export function compileTerm(term: string, options: {possessive: boolean; caseRule: "names" | "insensitive"; affixes?: Affixes}): TermMatcher {
  const letters = [...term].filter((c) => /\p{L}/u.test(c));
  const shortCaps = options.caseRule === "names" && letters.length > 0 && letters.length <= SHORT_CAPS_MAX_LETTERS &&
    letters.every((c) => /\p{Lu}/u.test(c));
  const source = term.split(/\s+/).map(escapeRegex).join("\\s+");
  return {
    term,
    regex: new RegExp(source, shortCaps ? "gu" : "giu"),
    rejectAllLower: options.caseRule === "names" && /\p{Lu}/u.test(term),
    possessive: options.possessive,
    endsWithDigit: /\p{N}$/u.test(term),
    affixes: options.affixes
  };
}

function longestAsciiRun(s: string): string {
  return (s.match(/[A-Za-z0-9]+/g) ?? []).reduce((a, b) => (b.length > a.length ? b : a), "").toLowerCase();
}

/** Characters of scripts without case: a match of one under the "i" and "u" flags is the character itself. */
const UNCASED_RUN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Devanagari}]+/gu;
const CYRILLIC_RUN = /[\u0400-\u04FF]+/g;

function longestRun(s: string, re: RegExp): string {
  return (s.match(re) ?? []).reduce((a, b) => (b.length > a.length ? b : a), "");
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** Every place where `m` matches on word boundaries, as [start, end) of the term itself. */
export function findTerm(text: string, m: TermMatcher): Array<[number, number]> {
  return findTermWith(text, m, m.regex);
}

function findTermWith(text: string, m: TermMatcher, re: RegExp): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  re.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text))) {
    const start = match.index;
    const end = start + match[0].length;
    if (match[0].length === 0) { re.lastIndex = start + 1; continue; }
    if (accept(text, start, end, match[0], m)) out.push([start, end]);
    // Retry one character later so a rejected candidate does not hide an overlapping one.
    re.lastIndex = start + 1;
  }
  return out;
}

function accept(text: string, start: number, end: number, found: string, m: TermMatcher): boolean {
  if (m.rejectAllLower && !/\p{Lu}/u.test(found)) return false;
  const affixes = m.affixes;
  if (!isBoundary(text, start) && !(affixes?.prefix && affixes.prefix.test(text.slice(Math.max(0, start - 4), start)))) return false;
  // "Llama 3" must not match the start of "Llama 3.5" or "Llama 3,1" (a decimal comma).
  if (m.endsWithDigit && /^[.,]\d/.test(text.slice(end, end + 2))) return false;
  if (affixes?.elision && /^['’]\p{L}/u.test(text.slice(end, end + 2))) return false;
  if (isBoundary(text, end)) return true;
  if (affixes?.suffix && affixes.suffix.test(text.slice(end, end + 8))) return true;
  if (!m.possessive || charClass(codePointBefore(text, end)) !== "word") return false;
  const suffix = /^(?:['’]s|s)/iu.exec(text.slice(end, end + 2));
  return suffix !== null && isBoundary(text, end + suffix[0].length);
}

// ---------------------------------------------------------------------------------------------

interface CompiledAlias extends TermMatcher {
  alias: EntityAlias;
  /**
   * The alias's longest run of ASCII letters and digits, lower-cased ("" when it has none): a
   * text whose lower-cased form lacks it cannot hold the alias (see findMentions).
   */
  needle: string;
  /** The runs of three characters of `needle` (its pair if it has two), as keys of gramStamps. */
  pairs: number[];
  /**
   * The alias's longest run of characters of scripts without case ("오픈" in "오픈AI", "云" in
   * "Google云", "زوكربرغ"), or "": under the "i" flag such a character matches only itself, so
   * a text without the run cannot hold the alias.
   */
  uncased: string;
  /**
   * The alias's longest run of Cyrillic letters (U+0400-U+04FF), lower-cased, or "". Under the
   * "i" and "u" flags such a letter matches its other case, or one of the old variants
   * U+1C80-U+1C88 (whose lower case is themselves): unless the text has one of those, its
   * lower-cased form contains the run.
   */
  cyrillic: string;
  /**
   * For a term of ASCII characters only: the same expression without the "u" flag, which V8
   * runs faster. The two match alike in a text without K (U+212A) and ſ (U+017F),
   * the only characters outside ASCII that an ASCII letter matches under "i" and "u" (and that
   * it does not match without "u"); with the case kept, they match alike in any text.
   */
  asciiRegex?: RegExp;
}

// Which runs of three ASCII characters (and, for needles of two, pairs) the current text has:
// marked with the number of the text, so nothing needs clearing between texts. Pairs alone let
// through most needles of most texts ("me", "et", "ta" are everywhere; "met" and "eta" less),
// and then lower.includes, not the expressions, was what findMentions spent its time on.
const PAIRS_FROM = 1 << 21;
const gramStamps = new Uint32Array(PAIRS_FROM + (1 << 14));
let stamp = 0;

const tripleKey = (a: number, b: number, c: number) => (a << 14) | (b << 7) | c;
const pairKey = (a: number, b: number) => PAIRS_FROM + ((a << 7) | b);

function markPairs(text: string): void {
  if (++stamp === 0xffffffff) {
    gramStamps.fill(0);
    stamp = 1;
  }
  for (let i = 0; i + 1 < text.length; ++i) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    if (a < 128 && b < 128) {
      gramStamps[pairKey(a, b)] = stamp;
      const c = i + 2 < text.length ? text.charCodeAt(i + 2) : 128;
      if (c < 128) gramStamps[tripleKey(a, b, c)] = stamp;
    }
  }
}

function pairsMarked(grams: number[]): boolean {
  for (const g of grams) if (gramStamps[g] !== stamp) return false;
  return true;
}

/** The needle's runs of three (gram keys), or its pair when it has two characters. */
function pairsOf(needle: string): number[] {
  const grams: number[] = [];
  for (let i = 0; i + 2 < needle.length; ++i) grams.push(tripleKey(needle.charCodeAt(i), needle.charCodeAt(i + 1), needle.charCodeAt(i + 2)));
  if (needle.length === 2) grams.push(pairKey(needle.charCodeAt(0), needle.charCodeAt(1)));
  return grams;
}

interface CompiledLexicon {
  /** Aliases with an ASCII letter or digit, prefiltered by their needle. */
  ascii: CompiledAlias[];
  /**
   * The others ("Цукерберг", "아마존웹서비스", "扎克伯格"), by their first character lower-cased
   * (final sigma as σ): only those whose first character is in the text are searched.
   */
  byFirst: Map<string, CompiledAlias[]>;
  /** Per UTF-16 unit, 1 when it is a key of byFirst. */
  firsts: Uint8Array;
  all: CompiledAlias[];
}

const firstKey = (c: string) => (c === "ς" ? "σ" : c);

const compiledCache = new WeakMap<EntityLexicon, Map<string, CompiledLexicon>>();

function languageKey(language: string): string {
  return (language || "").toLowerCase().split(/[-_]/)[0];
}

// An alias compiles alike in every language with the same affix rules, and most languages have
// none: compiled once per alias and rules, not once per language a corpus is written in.
const aliasCache = new WeakMap<EntityAlias, Map<Affixes, CompiledAlias>>();

function compiledAlias(a: EntityAlias, affixes: Affixes): CompiledAlias {
  let byAffixes = aliasCache.get(a);
  if (!byAffixes) aliasCache.set(a, (byAffixes = new Map()));
  let c = byAffixes.get(affixes);
  if (!c) {
    const needle = longestAsciiRun(a.alias);
    const uncased = longestRun(a.alias, UNCASED_RUN);
    const cyrillic = longestRun(a.alias, CYRILLIC_RUN).toLowerCase();
    const term = compileTerm(a.alias, {possessive: true, caseRule: "names", affixes});
    const asciiRegex = /^[\x00-\x7f]*$/.test(a.alias) ? new RegExp(term.regex.source, term.regex.flags.replace("u", "")) : undefined;
    byAffixes.set(affixes, (c = {...term, alias: a, needle, pairs: pairsOf(needle), uncased, cyrillic, asciiRegex}));
  }
  return c;
}

// Aliases restricted to a language apply only when the passage is in it: "und" (undetermined)
// gets the language-neutral ones only, because a language-specific alias is a risky spelling
// ("LLA", lowercase "meta") that is only safe where it was observed.
function compiledFor(lexicon: EntityLexicon, language: string): CompiledLexicon {
  let byLanguage = compiledCache.get(lexicon);
  if (!byLanguage) compiledCache.set(lexicon, (byLanguage = new Map()));
  const key = languageKey(language);
  let list = byLanguage.get(key);
  if (!list) {
    const affixes = affixesFor(key);
    const all = lexicon.aliases.filter((a) => a.language === "" || a.language === key).map((a) => compiledAlias(a, affixes));
    const compiled: CompiledLexicon = {ascii: [], byFirst: new Map(), firsts: new Uint8Array(65536), all};
    for (const c of all) {
      if (c.needle) { compiled.ascii.push(c); continue; }
      const k = firstKey(c.alias.alias[0].toLowerCase());
      (compiled.byFirst.get(k) ?? compiled.byFirst.set(k, []).get(k)!).push(c);
      // A key of two units (the lower case of "İ") is never one character of the text.
      if (k.length === 1) compiled.firsts[k.charCodeAt(0)] = 1;
    }
    list = compiled;
    byLanguage.set(key, list);
  }
  return list;
}

// Which first characters the current text has had searched: marked with the number of the text.
const firstStamps = new Uint32Array(65536);
let firstStamp = 0;

export interface MentionSpan {
  entity: string;
  kind: MentionKind;
  text: string;
  start: number;
  end: number;
}

// "(NASDAQ: META)", "(AMZN)", "(META)": a stock ticker in brackets names the company again,
// it is not a mention of its own. An exchange before a colon marks one; without it, a bracket
// holding only capitals is a ticker when they are not the alias's own spelling ("(AWS)" after
// "Amazon Web Services" is the abbreviation, "(META)" after "Meta" the ticker).
const TICKER_BRACKET = /\(\s*(?:[\p{Lu}]{2,}\s*[:：]\s*)?[\p{Lu}.]{1,6}\s*\)/uy;

function isTicker(text: string, start: number, end: number, alias: string): boolean {
  let open = start - 1;
  while (open >= 0 && start - open <= 12 && text[open] !== "(") --open;
  if (open < 0 || text[open] !== "(") return false;
  TICKER_BRACKET.lastIndex = open;
  const m = TICKER_BRACKET.exec(text);
  if (!m || open + m[0].length < end) return false;
  return /[:：]/u.test(m[0]) || text.slice(start, end) !== alias;
}

/** Entity mentions in `text`, sorted by start, never overlapping. */
export function findMentions(text: string, language: string, lexicon: EntityLexicon = defaultEntityLexicon()): MentionSpan[] {
  // The quote extractor asks again for the mentions of the passage the mentions extractor has
  // just read: the last answer is kept (one entry, so a corpus's repeated sentences gain nothing
  // from it) and handed out as copies, which callers may change. The language counts only
  // through languageKey (compiledFor).
  const key = languageKey(language);
  if (last && last.text === text && last.language === key && last.lexicon === lexicon) return last.spans.map((m) => ({...m}));
  const spans = searchMentions(text, language, lexicon);
  last = {text, language: key, lexicon, spans: spans.map((m) => ({...m}))};
  return spans;
}

let last: {text: string; language: string; lexicon: EntityLexicon; spans: MentionSpan[]} | undefined;

function searchMentions(text: string, language: string, lexicon: EntityLexicon): MentionSpan[] {
  const candidates: Array<{a: EntityAlias; start: number; end: number}> = [];
  // Skips the aliases that cannot match before running their expressions: under the "i" and
  // "u" flags an ASCII letter or digit matches only itself in either case, or K (U+212A) and
  // ſ (U+017F); unless the text has one of those two, a match of an alias contains its ASCII
  // run in some mix of cases, so the lower-cased text contains it lower-cased.
  // The ASCII pairs of characters in the lower-cased text are marked first: a needle with a pair
  // that is not marked is not in the text, without searching for it.
  const lower = /[\u212A\u017F]/.test(text) ? null : text.toLowerCase();
  if (lower !== null) markPairs(lower);
  const compiled = compiledFor(lexicon, language);
  const cyrillicLower = lower !== null && !/[\u1C80-\u1C88]/.test(text) ? lower : null;
  const search = (c: CompiledAlias) => {
    // Expressions with letters of other scripts than Latin cost the most per run.
    if (c.uncased && !text.includes(c.uncased)) return;
    if (c.cyrillic && cyrillicLower !== null && !cyrillicLower.includes(c.cyrillic)) return;
    // lower is null when the text has K or ſ (see findTerm).
    const re = c.asciiRegex && (lower !== null || c.regex.flags === "gu") ? c.asciiRegex : c.regex;
    for (const [start, end] of findTermWith(text, c, re)) if (!isTicker(text, start, end, c.alias.alias)) candidates.push({a: c.alias, start, end});
  };
  if (lower === null) compiled.all.forEach(search);
  else {
    for (const c of compiled.ascii) if (pairsMarked(c.pairs) && lower.includes(c.needle)) search(c);
    if (compiled.byFirst.size && /[^\x00-\x7f]/.test(lower)) {
      if (++firstStamp === 0xffffffff) {
        firstStamps.fill(0);
        firstStamp = 1;
      }
      // Character by character, in the order they first occur; a character outside the BMP (a
      // surrogate pair) is never a key, which is one unit; a lone surrogate may be.
      for (let i = 0; i < lower.length; ++i) {
        let c = lower.charCodeAt(i);
        if (c < 128) continue;
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < lower.length) {
          const d = lower.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) { ++i; continue; }
        }
        if (c === 0x3c2) c = 0x3c3; // firstKey: ς as σ
        if (!compiled.firsts[c] || firstStamps[c] === firstStamp) continue;
        firstStamps[c] = firstStamp;
        compiled.byFirst.get(String.fromCharCode(c))!.forEach(search);
      }
    }
  }
  // Longest first; among equals the leftmost, then lexicon order, so output is deterministic.
  candidates.sort((x, y) => (y.end - y.start) - (x.end - x.start) || x.start - y.start || x.a.line - y.a.line);
  const taken: Array<{a: EntityAlias; start: number; end: number}> = [];
  for (const c of candidates) {
    if (taken.some((t) => c.start < t.end && t.start < c.end)) continue;
    taken.push(c);
  }
  taken.sort((x, y) => x.start - y.start);
  const out: MentionSpan[] = [];
  for (const t of taken) {
    const prev = out[out.length - 1];
    if (prev && prev.entity === t.a.entity && /^\s+$/u.test(text.slice(prev.end, t.start))) {
      prev.end = t.end;
      prev.text = text.slice(prev.start, prev.end);
      continue;
    }
    out.push({entity: t.a.entity, kind: t.a.kind, text: text.slice(t.start, t.end), start: t.start, end: t.end});
  }
  return out;
}

/** The mentions table rows of one passage; a host-kind entity is a host only in a hosting role (host-role.ts). */
export function extractMentions(p: PassageContext, lexicon: EntityLexicon = defaultEntityLexicon(), cues?: HostCues): MentionRow[] {
  const found = findMentions(p.text, p.language, lexicon);
  const kinds = rolesOf(p.text, p.language, found, cues);
  return found.map((m, i) => ({
    article_id: p.article_id,
    passage: p.passage,
    entity: m.entity,
    kind: kinds[i],
    text: m.text,
    start: m.start,
    end: m.end
  }));
}
