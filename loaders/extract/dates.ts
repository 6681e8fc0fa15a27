// Date expressions of a passage, in the passage's language, as rows of the `dates` table.
//
// Month names come from ICU (./months.ts); the words around them that turn a month name into a
// date ("im", "bulan", "afgelopen", "yang lalu") are small per-language lists below, because ICU
// has no data for them. Numeric forms (29.01.2025, 2024-07-23, 3/21, 2024年7月23日) and bare
// years are matched by patterns. Every candidate becomes a span of the passage; overlapping
// candidates are settled longest first, so "23. Juli 2024" is one row, not a date plus a year.
// See docs/extraction-dates.md for the rules and their known failures.

import type {DateRow, PassageContext} from "../tables.ts";
import {fold} from "../text.ts";
import {calendarVocabulary, digitsToNumber, type CalendarVocabulary} from "./calendar.ts";
import {FALLBACK_LANGUAGES, foldMonth, monthIndex, monthVocabulary, supportedLanguage, type MonthName, type MonthVocabulary} from "./months.ts";

type Signal = "past" | "future" | "this";

interface Candidate {
  start: number;
  end: number;
  year: number | null;
  month: number | null;
  day: number | null;
  /** "last"/"next"/"this" written next to a yearless date. */
  signal: Signal | null;
  /** A relative year written next to a yearless date ("letzten Jahres" → -1). */
  yearOffset: number | null;
}

/** The rows of the `dates` table for one passage, sorted by start, never overlapping. */
export function extractDates(p: PassageContext): DateRow[] {
  const text = typeof p.text === "string" ? p.text : "";
  const profile = profileOf(p.language);
  const runs = digitRuns(text);
  const candidates = [
    ...monthNameDates(text, profile),
    ...numericDates(text, profile, runs),
    ...cjkDates(text, runs),
    ...years(text, profile, runs)
  ];
  const published = parsePublished(p.published);
  // Invalid dates and relative months take part in settling so that "31. Februar 2025" hides its
  // "2025" and "tháng 3 năm ngoái" its "3"; then both are dropped.
  return settle(candidates, text.length).filter((c) => isValid(c) && !isRelative(c)).map((c) => ({
    article_id: p.article_id,
    passage: p.passage,
    text: text.slice(c.start, c.end),
    date: formatDate(c),
    resolved: resolve(c, published),
    start: c.start,
    end: c.end
  }));
}

// ---------------------------------------------------------------------------------------------
// Languages

interface Cues {
  /** Words after which a bare month name is a date: prepositions and "beginning/middle/end". */
  before: string[];
  /** Words allowed between such a cue and the month ("mes de julio", "the end of July" reads "of"). */
  skip: string[];
  pastBefore: string[];
  pastAfter: string[];
  futureBefore: string[];
  futureAfter: string[];
  thisBefore: string[];
  thisAfter: string[];
  /** Relative years written after a month: "Juli letzten Jahres", "Julai tahun lalu". */
  yearAfter: Array<[phrase: string, offset: number]>;
  /** Words that introduce a numeric date without a year ("Bijgewerkt 3/21", "am 19.03."). */
  numericBefore: string[];
  /** Words that say a four-digit number is a year ("im Jahr 2025", "tahun 2025"). */
  yearBefore: string[];
}

const NO_CUES: Cues = {before: [], skip: [], pastBefore: [], pastAfter: [], futureBefore: [], futureAfter: [], thisBefore: [], thisAfter: [], yearAfter: [], numericBefore: [], yearBefore: []};

// Folded (lower case, no diacritics); phrases are words joined by single spaces, and an
// apostrophe separates words ("l'année" is "l annee").
const CUES: Record<string, Cues> = {
  en: {
    ...NO_CUES,
    before: ["in", "since", "until", "till", "by", "from", "during", "through", "throughout", "of", "early", "mid", "late", "before", "after", "between", "around"],
    skip: ["the"],
    pastBefore: ["last", "past"],
    futureBefore: ["next", "coming"],
    thisBefore: ["this"],
    yearAfter: [["last year", -1], ["of last year", -1], ["this year", 0], ["of this year", 0], ["next year", 1], ["of next year", 1]],
    numericBefore: ["updated", "update", "on", "dated", "since", "posted", "published"],
    yearBefore: ["year", "fiscal"]
  },
  de: {
    ...NO_CUES,
    before: ["im", "in", "seit", "bis", "ab", "vom", "von", "zum", "um", "anfang", "mitte", "ende", "monat", "zwischen", "vor", "nach"],
    pastBefore: ["letzten", "vergangenen", "vorigen", "letztes"],
    futureBefore: ["nachsten", "kommenden"],
    thisBefore: ["diesen", "dieses"],
    yearAfter: [["letzten jahres", -1], ["vergangenen jahres", -1], ["des letzten jahres", -1], ["des vergangenen jahres", -1], ["vorigen jahres", -1], ["des vorjahres", -1], ["dieses jahres", 0], ["diesen jahres", 0], ["nachsten jahres", 1], ["kommenden jahres", 1]],
    numericBefore: ["am", "vom", "seit", "bis", "ab", "zum", "aktualisiert", "stand", "datum"],
    yearBefore: ["jahr", "jahre", "jahres", "geschaftsjahr"]
  },
  nl: {
    ...NO_CUES,
    before: ["in", "sinds", "tot", "vanaf", "begin", "half", "eind", "midden", "medio", "per", "van", "maand", "voor", "na"],
    pastBefore: ["afgelopen", "vorige", "voorbije"],
    pastAfter: ["jongstleden", "jl"],
    futureBefore: ["volgende", "komende", "aanstaande"],
    thisBefore: ["deze"],
    yearAfter: [["vorig jaar", -1], ["van vorig jaar", -1], ["dit jaar", 0], ["van dit jaar", 0], ["volgend jaar", 1], ["van volgend jaar", 1]],
    numericBefore: ["bijgewerkt", "op", "sinds", "per", "gepubliceerd", "datum"],
    yearBefore: ["jaar", "boekjaar"]
  },
  fr: {
    ...NO_CUES,
    before: ["en", "depuis", "debut", "mi", "fin", "courant", "mois", "des", "avant", "apres", "vers"],
    skip: ["de", "d"],
    pastAfter: ["dernier", "derniere"],
    futureAfter: ["prochain", "prochaine"],
    thisBefore: ["ce"],
    yearAfter: [["de l annee derniere", -1], ["l annee derniere", -1], ["de l an dernier", -1], ["l an dernier", -1], ["de cette annee", 0], ["de l annee prochaine", 1], ["de l an prochain", 1]],
    numericBefore: ["le", "depuis", "jour", "publie"],
    yearBefore: ["annee", "an", "exercice"]
  },
  es: {
    ...NO_CUES,
    before: ["en", "desde", "hasta", "para", "principios", "mediados", "finales", "fines", "mes", "durante", "antes", "tras"],
    skip: ["de", "el"],
    pastBefore: ["pasado"],
    pastAfter: ["pasado"],
    futureBefore: ["proximo"],
    futureAfter: ["proximo", "que viene"],
    thisBefore: ["este"],
    yearAfter: [["del ano pasado", -1], ["de este ano", 0], ["del proximo ano", 1], ["del ano que viene", 1]],
    numericBefore: ["el", "desde", "actualizado", "publicado"],
    yearBefore: ["ano", "ejercicio"]
  },
  it: {
    ...NO_CUES,
    before: ["a", "ad", "in", "da", "entro", "inizio", "meta", "fine", "mese", "durante", "prima", "dopo"],
    skip: ["di", "d", "lo", "il"],
    pastBefore: ["scorso"],
    pastAfter: ["scorso", "passato"],
    futureBefore: ["prossimo"],
    futureAfter: ["prossimo"],
    thisBefore: ["questo"],
    yearAfter: [["dell anno scorso", -1], ["dello scorso anno", -1], ["di quest anno", 0], ["dell anno prossimo", 1], ["del prossimo anno", 1]],
    numericBefore: ["il", "dal", "aggiornato", "pubblicato"],
    yearBefore: ["anno", "esercizio"]
  },
  pt: {
    ...NO_CUES,
    before: ["em", "desde", "ate", "inicio", "meados", "final", "fim", "mes", "durante", "antes", "apos"],
    skip: ["de", "do", "o"],
    pastBefore: ["passado", "ultimo"],
    pastAfter: ["passado"],
    futureBefore: ["proximo"],
    futureAfter: ["proximo", "que vem"],
    thisBefore: ["este"],
    yearAfter: [["do ano passado", -1], ["deste ano", 0], ["do proximo ano", 1], ["do ano que vem", 1]],
    numericBefore: ["em", "desde", "atualizado", "publicado"],
    yearBefore: ["ano", "exercicio"]
  },
  ms: {
    ...NO_CUES,
    before: ["bulan", "pada", "sejak", "hingga", "sehingga", "sampai", "awal", "pertengahan", "akhir", "dalam", "menjelang", "mulai", "bermula", "selepas", "sebelum"],
    pastAfter: ["yang lalu", "yang lepas", "lalu", "lepas"],
    futureAfter: ["yang akan datang", "akan datang", "hadapan", "depan"],
    thisAfter: ["ini"],
    yearAfter: [["tahun lalu", -1], ["tahun lepas", -1], ["tahun ini", 0], ["tahun depan", 1], ["tahun hadapan", 1]],
    numericBefore: ["pada", "kemaskini", "dikemaskini", "sejak", "tarikh"],
    yearBefore: ["tahun"]
  },
  id: {
    ...NO_CUES,
    before: ["bulan", "pada", "sejak", "hingga", "sampai", "awal", "pertengahan", "akhir", "dalam", "menjelang", "mulai", "selama", "sebelum", "setelah"],
    pastAfter: ["yang lalu", "lalu", "kemarin"],
    futureAfter: ["yang akan datang", "mendatang", "depan"],
    thisAfter: ["ini"],
    yearAfter: [["tahun lalu", -1], ["tahun ini", 0], ["tahun depan", 1]],
    numericBefore: ["pada", "diperbarui", "tanggal", "sejak"],
    yearBefore: ["tahun"]
  },
  sv: {...NO_CUES, before: ["i", "sedan", "till", "fram", "från", "fran", "innan", "efter", "mellan", "början", "borjan", "slutet", "mitten"], skip: ["av"], numericBefore: ["den", "publicerad", "uppdaterad"], yearBefore: ["år", "ar"]},
  da: {...NO_CUES, before: ["i", "siden", "til", "fra", "inden", "efter", "mellem", "starten", "slutningen", "midten"], skip: ["af"], numericBefore: ["den", "publiceret", "opdateret"], yearBefore: ["år", "ar"]},
  nb: {...NO_CUES, before: ["i", "siden", "til", "fra", "innen", "etter", "mellom", "starten", "slutten", "midten"], skip: ["av"], numericBefore: ["den", "publisert", "oppdatert"], yearBefore: ["år", "ar"]},
  // Vietnamese names its months by number ("tháng 3", ./months.ts); only the words around them are here.
  vi: {
    ...NO_CUES,
    yearAfter: [["nam ngoai", -1], ["nam truoc", -1], ["nam nay", 0], ["nam sau", 1], ["nam toi", 1]],
    numericBefore: ["ngay", "tu", "den", "luc"],
    yearBefore: ["nam"]
  }
};

interface Source {
  language: string;
  index: ReadonlyMap<string, MonthName>;
  /** Long names to match inflected forms against by stem; empty for languages that do not inflect month names. */
  stems: ReadonlyArray<{form: string; month: number}>;
  /** Abbreviations are read only in the passage's own language (and every fallback language when undetermined). */
  shortOk: boolean;
}

interface Profile {
  /** The passage language's primary subtag, or "und". */
  language: string;
  sources: Source[];
  /** Cue lists by language, for the languages this passage may be written in. */
  cues: Map<string, Cues>;
  /** Slashed dates read month first (3/21/2025): American English only. */
  monthFirst: boolean;
  /** lookupMonth's answers for this profile, by word ("." + word when dotted); see lookupMonth. */
  lookups: Map<string, MonthMatch | null>;
  /** Per UTF-16 code unit, 1 when a folded month name of a source starts with it (see mayNameMonth). */
  initials: Uint8Array;
  /** The first two code units of every folded month name of a source, as pairKey numbers. */
  initialPairs: ReadonlySet<number>;
  /** The first words of the two-word names (months.phrases), folded. */
  phraseFirstWords: ReadonlySet<string>;
  /** Words after which a four-digit number is a year, of every cue language of the profile. */
  yearCues: ReadonlySet<string>;
  /** How the passage's language writes dates (CLDR): field order, connectors, weekdays, era. */
  calendar: CalendarVocabulary;
  /** The passage language's month vocabulary (two-word and numbered names, names as written). */
  months: MonthVocabulary;
  /** Month names as written, longest first, for scripts without spaces between words (Thai). */
  continuous: RegExp | null;
  /** A year after the month: "Juli 2024", "marzo de 2025", "tháng 3 năm 2025". */
  yearAfter: RegExp;
}

// Languages whose month names take case or possessive endings the CLDR forms do not show:
// Russian "в июле" (CLDR: июль, июля), Czech "v březnu", Polish "w marcu", Greek "τον Ιούλιο",
// Finnish "maaliskuussa", Hungarian "márciusban", Lithuanian "liepą", Turkish "Temmuzda".
// Elsewhere stem matching would misread words that begin like a month (Italian "maggiore",
// Spanish "mayor", French "maison"). A hand list, each entry tested in dates.json.
const INFLECTING = new Set(["ru", "uk", "be", "bg", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "mk", "lt", "lv", "el", "fi", "et", "hu", "tr"]);
// Articles between a month and its year that CLDR's patterns do not write: Greek "Ιούλιο του 2024".
const YEAR_ARTICLES: Record<string, string[]> = {el: ["του"]};
// Languages written without spaces between words, where a month name is found inside a run of letters.
const CONTINUOUS = new Set(["th", "lo", "km", "my"]);

const profiles = new Map<string, Profile>();

function profileOf(language: unknown): Profile {
  const key = typeof language === "string" ? language : "";
  let profile = profiles.get(key);
  if (profile) return profile;
  const locale = supportedLanguage(key);
  const base = locale ? locale.split("-")[0].toLowerCase() : "und";
  const sources: Source[] = [];
  const cues = new Map<string, Cues>();
  if (locale) {
    sources.push({language: base, index: monthIndex(locale), stems: INFLECTING.has(base) ? monthVocabulary(locale).longForms : [], shortOk: true});
    // English leftovers are common in translated tech news ("in July"); only full names, so
    // "Mar", "Jun" or "Sep" in another language's text never read as English months.
    if (base !== "en") sources.push({language: "en", index: monthIndex("en"), stems: [], shortOk: false});
    for (const l of [base, "en"]) if (CUES[l]) cues.set(l, CUES[l]);
  } else {
    for (const l of FALLBACK_LANGUAGES) {
      sources.push({language: l, index: monthIndex(l), stems: [], shortOk: true});
      if (CUES[l]) cues.set(l, CUES[l]);
    }
  }
  const initials = new Uint8Array(0x10000);
  const initialPairs = new Set<number>();
  for (const source of sources) {
    for (const name of source.index.keys()) {
      initials[name.charCodeAt(0)] = 1;
      initialPairs.add(pairKey(name.charCodeAt(0), name.charCodeAt(1)));
    }
  }
  const calendar = locale ? calendarVocabulary(locale) : calendarVocabulary("en");
  const months = locale ? monthVocabulary(locale) : monthVocabulary("");
  const written = [...months.raw.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const continuous = CONTINUOUS.has(base) && written.length > 0 ? new RegExp(written.join("|"), "gu") : null;
  const connectors = [...new Set(["de", "del", "of", ...(YEAR_ARTICLES[base] ?? []), ...calendar.connectors])].filter((w) => /^\p{L}+$/u.test(w)).map(escapeRegExp);
  const yearAfter = new RegExp(`^,?\\s*(?:(?:${connectors.join("|")})\\.?\\s+)?(${DIGIT}{4})(?![\\p{L}\\p{N}]|[.,:]\\p{N}|\\s?%)`, "iu");
  const phraseFirstWords = new Set([...months.phrases.keys()].map((name) => name.split(" ")[0]));
  const yearCues = new Set([...cues.values()].flatMap((c) => c.yearBefore));
  profile = {language: base, sources, cues, monthFirst: locale !== null && calendar.numericOrder === "md", lookups: new Map(), initials, initialPairs, phraseFirstWords, yearCues, calendar, months, continuous, yearAfter};
  profiles.set(key, profile);
  return profile;
}

interface MonthMatch {
  month: number;
  form: "long" | "short";
  languages: string[];
}

// Every word of every passage is looked up, and words repeat: the answer (a pure function of
// the word, the dot and the profile; never modified by callers) is remembered, up to
// LOOKUPS_MAX words per profile, then the memory starts over.
const LOOKUPS_MAX = 50_000;

function lookupMonth(word: string, dotted: boolean, profile: Profile): MonthMatch | null {
  if (!mayNameMonth(word, profile)) return null;
  const memo = dotted ? "." + word : word;
  let found = profile.lookups.get(memo);
  if (found === undefined) {
    if (profile.lookups.size >= LOOKUPS_MAX) profile.lookups.clear();
    profile.lookups.set(memo, (found = lookupMonthOnce(word, dotted, profile)));
  }
  return found;
}

// fold(c) for each UTF-16 code unit c, or null when a word's folded beginning cannot be told
// from it (a surrogate; a mark or anything else that folds to nothing; a fold with white space or
// a dot, which foldMonth trims; Σ, whose lower case depends on what follows). fold works character
// by character (NFKD, marks dropped, lower case; the one context-dependent lower-casing, Greek
// final sigma, needs a letter before it, so it is only ruled out for a word's second letter), so
// fold(word) starts with fold(word[0]) + fold(word[1]). Filled as characters are met.
const FOLDED_CHAR = new Array<string | null | undefined>(0x10000);

function foldedChar(code: number): string | null {
  let folded = FOLDED_CHAR[code];
  if (folded === undefined) {
    folded = code >= 0xd800 && code <= 0xdfff ? "" : fold(String.fromCharCode(code));
    if (folded === "" || code === 0x3a3 || /[\s.\ud800-\udfff]/u.test(folded)) folded = null;
    FOLDED_CHAR[code] = folded;
  }
  return folded;
}

const pairKey = (a: number, b: number) => a * 0x10000 + b;

/**
 * False when no month name of the profile can be read from `word`: the key of a month name, of
 * a name the key abbreviates (three letters at least) and of a name the key inflects (two
 * letters shared at least) all begin with the first two characters of some month name. Most
 * words are ruled out by their first two letters, before any folding of the whole word.
 */
function mayNameMonth(word: string, profile: Profile): boolean {
  return mayNameMonthAt(word, 0, word.length, profile);
}

/** mayNameMonth for the word text[start, end), without making a string of it. */
function mayNameMonthAt(text: string, start: number, end: number, profile: Profile): boolean {
  const first = foldedChar(text.charCodeAt(start));
  if (first === null) return true;
  if (first.length >= 2) return profile.initialPairs.has(pairKey(first.charCodeAt(0), first.charCodeAt(1)));
  // A key of one character is no month name.
  if (end - start === 1) return false;
  const second = foldedChar(text.charCodeAt(start + 1));
  if (second === null) return profile.initials[first.charCodeAt(0)] === 1;
  return profile.initialPairs.has(pairKey(first.charCodeAt(0), second.charCodeAt(0)));
}

function lookupMonthOnce(word: string, dotted: boolean, profile: Profile): MonthMatch | null {
  const key = foldMonth(word);
  let found: MonthMatch | null = null;
  for (const source of profile.sources) {
    const entry = source.index.get(key) ?? (dotted && source.shortOk ? abbreviation(key, source.index) : undefined) ?? inflected(key, source.stems);
    if (!entry) continue;
    if (entry.form === "short" && !source.shortOk) continue;
    // English writes month names with a capital; lower-case "may", "march" are other words.
    if (source.language === "en" && !/^\p{Lu}/u.test(word)) continue;
    if (!found) found = {month: entry.month, form: entry.form, languages: [source.language]};
    else if (found.month === entry.month) {
      found.languages.push(source.language);
      if (entry.form === "long") found.form = "long";
    }
  }
  return found;
}

/**
 * A dotted abbreviation ICU does not list ("Sept." in AP style, where en has "Sep") read as the
 * one long name it begins; three letters at least, and never when two months share the prefix.
 */
function abbreviation(key: string, index: ReadonlyMap<string, MonthName>): MonthName | undefined {
  if (key.length < 3) return undefined;
  const months = new Set<number>();
  for (const [name, entry] of index) if (entry.form === "long" && name.length > key.length && name.startsWith(key)) months.add(entry.month);
  return months.size === 1 ? {month: [...months][0], form: "short"} : undefined;
}

/**
 * The month whose long name `key` is an inflection of: the name with up to five letters added
 * ("maaliskuu" → "maaliskuussa", "március" → "márciusban"), or the name with its last letter
 * changed and up to three added ("июля" → "июле", "března" → "březnu", "Ιουλίου" → "Ιούλιο").
 * The longest shared beginning decides between months ("července" over "červen" for
 * "červenci"); a tie between two months is no answer.
 */
function inflected(key: string, stems: ReadonlyArray<{form: string; month: number}>): MonthName | undefined {
  if (stems.length === 0 || key.length < 3) return undefined;
  let best = 0;
  let month: number | null = null;
  for (const {form, month: m} of stems) {
    let p = 0;
    while (p < key.length && p < form.length && key[p] === form[p]) ++p;
    const extended = p === form.length && key.length - p <= 5;
    const changed = p >= Math.max(form.length <= 3 ? 2 : 3, form.length - 1) && key.length - p <= 3;
    if (!extended && !changed) continue;
    if (p > best) {
      best = p;
      month = m;
    } else if (p === best && month !== m) month = null;
  }
  return month === null ? undefined : {month, form: "long"};
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Cue lists for a month name read in `languages`; the passage's own language always counts. */
function cuesFor(languages: string[], profile: Profile): Cues[] {
  const out: Cues[] = [];
  for (const l of new Set([profile.language, ...languages])) {
    const c = profile.cues.get(l);
    if (c) out.push(c);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Words around a position

interface Word {
  word: string;
  start: number;
  end: number;
}

const LETTER = /[\p{L}\p{M}]/u;
const SEPARATOR = /[\s'’]/u;

/** Up to `max` words right before `pos`, nearest first; punctuation other than "'" and "-" ends the run. */
function wordsBefore(text: string, pos: number, max: number, comma = false): Word[] {
  const out: Word[] = [];
  let i = pos;
  while (out.length < max) {
    let j = i;
    while (j > 0 && (SEPARATOR.test(text[j - 1]) || (text[j - 1] === "-" && j === pos) || (comma && (text[j - 1] === "," || text[j - 1] === "،") && out.length === 0))) --j;
    if (j === i) break;
    let k = j;
    while (k > 0 && LETTER.test(text[k - 1])) --k;
    if (k === j) break;
    out.push({word: fold(text.slice(k, j)), start: k, end: j});
    i = k;
  }
  return out;
}

/** Up to `max` words right after `pos`, in order; punctuation other than "'" ends the run. */
function wordsAfter(text: string, pos: number, max: number): Word[] {
  const out: Word[] = [];
  let i = pos;
  while (out.length < max) {
    let j = i;
    while (j < text.length && SEPARATOR.test(text[j])) ++j;
    if (j === i) break;
    let k = j;
    while (k < text.length && LETTER.test(text[k])) ++k;
    if (k === j) break;
    out.push({word: fold(text.slice(j, k)), start: j, end: k});
    i = k;
  }
  return out;
}

/** The longest phrase of `phrases` that the words after a position begin with; returns its end offset. */
function phraseAfter(after: Word[], phrases: string[]): number | null {
  let best: {length: number; end: number} | null = null;
  for (const phrase of phrases) {
    const parts = phrase.split(" ");
    if (parts.length > after.length) continue;
    if (parts.every((w, i) => after[i].word === w) && (!best || parts.length > best.length)) best = {length: parts.length, end: after[parts.length - 1].end};
  }
  return best ? best.end : null;
}

function yearOffsetAfter(after: Word[], cues: Cues[]): {offset: number; end: number} | null {
  let best: {offset: number; end: number; length: number} | null = null;
  for (const c of cues) {
    for (const [phrase, offset] of c.yearAfter) {
      const parts = phrase.split(" ");
      if (parts.length > after.length) continue;
      if (parts.every((w, i) => after[i].word === w) && (!best || parts.length > best.length)) best = {offset, end: after[parts.length - 1].end, length: parts.length};
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Dates written with a month name

// Decimal digits of every script (Arabic-Indic, Persian, Devanagari, Thai, full-width); values from ./calendar.ts.
const DIGIT = "\\p{Nd}";
// The words of monthTokens are the runs of /[\p{L}\p{M}]+/u, found by a scan that makes a string
// only of a word that may name a month. Per BMP code unit: 0 not yet known, 1 a letter or mark, 2 not.
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const LETTER_OR_MARK_BMP = new Uint8Array(0x10000);

/** The length in code units of the letter or mark at text[i] (1 or 2), or 0 when there is none. */
function letterWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) {
    let known = LETTER_OR_MARK_BMP[code];
    if (known === 0) LETTER_OR_MARK_BMP[code] = known = LETTER_OR_MARK.test(String.fromCharCode(code)) ? 1 : 2;
    return known === 1 ? 1 : 0;
  }
  const cp = text.codePointAt(i)!;
  if (cp <= 0xffff) return 0; // a lone high surrogate
  return LETTER_OR_MARK.test(String.fromCodePoint(cp)) ? 2 : 0;
}
// A day before the month: "23. Juli", "21 Mac", "21hb Mac", "21 de marzo", "1er mars", "1º de maio", "21st of March".
const DAY_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}.,:/])(${DIGIT}{1,2})(?:\\.º|º|ª|°|\\.|er|re|st|nd|rd|th|hb)?(?:\\s+(?:de|of|ng)\\s+|\\s*-\\s*|\\s*)$`, "u");
// A year after the month: "Juli 2024", "marzo de 2025", "Jan. 2025".
const YEAR_AFTER = new RegExp(`^,?\\s*(?:(?:de|del|of)\\s+)?(${DIGIT}{4})(?![\\p{L}\\p{N}]|[.,:]\\p{N}|\\s?%)`, "u");
// A day after an English month: "March 21", "March 21st, 2025". Not before a count ("May 5 million").
const DAY_AFTER = new RegExp(`^\\s+(${DIGIT}{1,2})(?:st|nd|rd|th)?(?![\\p{L}\\p{N}]|[.,:]\\p{N}|\\s?%|\\s+(?:percent|per cent|million|billion|thousand|trillion)\\b)(?:,?\\s+(${DIGIT}{4})(?![\\p{L}\\p{N}]|[.,:]\\p{N}))?`, "u");

interface MonthToken {
  start: number;
  end: number;
  match: MonthMatch;
  /** Vietnamese "tháng 3": the name carries its own cue and may be followed by "/2025". */
  numbered: boolean;
}

const NEXT_WORD = /^\s+([\p{L}\p{M}]+)/u;
const NUMBER_AFTER = new RegExp(`^\\s*(${DIGIT}{1,2})(?!\\p{N})`, "u");
// "يوليو/تموز", "julio (jul.)": a second name of the same month.
const ALTERNATE = /^\s*[/(]\s*/u;

/** Month names of a passage, in order: words, two-word names, numbered names, names inside runs of Thai letters. */
function monthTokens(text: string, profile: Profile): MonthToken[] {
  const out: MonthToken[] = [];
  if (profile.continuous) {
    for (const m of text.matchAll(profile.continuous)) {
      const entry = profile.months.raw.get(m[0])!;
      out.push({start: m.index, end: m.index + m[0].length, match: {month: entry.month, form: entry.form, languages: [profile.language]}, numbered: false});
    }
    return out;
  }
  const numberedPrefix = profile.months.numberedPrefix;
  // Two-word names, glued prefixes and numbered names are not ruled out by a word's first letters.
  const everyWord = numberedPrefix !== "" || profile.months.phrases.size > 0 || profile.calendar.monthPrefixes.length > 0;
  // (A two-word name is monthAt's first test: nothing is left to try for it here.)
  for (let i = 0; i < text.length;) {
    const width = letterWidth(text, i);
    if (width === 0) { ++i; continue; }
    const start = i;
    let end = i + width;
    for (let w; end < text.length && (w = letterWidth(text, end)) > 0;) end += w;
    i = end;
    if (!everyWord && !mayNameMonthAt(text, start, end, profile)) continue;
    const word = text.slice(start, end);
    const token = monthAt(text, start, end, word, profile);
    if (token) out.push(token);
    else if (numberedPrefix && fold(word) === numberedPrefix) {
      const n = NUMBER_AFTER.exec(text.slice(end, end + 6));
      const month = n ? toNumber(n[1]) : 0;
      if (month >= 1 && month <= 12) out.push({start, end: end + n![0].length, match: {month, form: "long", languages: [profile.language]}, numbered: true});
    }
  }
  // Join a month to a second name of it: "يوليو/تموز 2024" is one date.
  for (let i = 0; i + 1 < out.length; ++i) {
    const a = out[i];
    const b = out[i + 1];
    const gap = ALTERNATE.exec(text.slice(a.end, b.start + 1));
    if (gap && a.end + gap[0].length === b.start && a.match.month === b.match.month) {
      const close = gap[0].includes("(") ? /^\s*\)/u.exec(text.slice(b.end, b.end + 3)) : null;
      out.splice(i, 2, {...a, end: b.end + (close?.[0].length ?? 0)});
    }
  }
  return out;
}

/** The month name written at text[start, end) (a word), with a Hebrew-style glued prefix ("במרץ") or a two-word name. */
function monthAt(text: string, start: number, end: number, word: string, profile: Profile): MonthToken | null {
  const phrases = profile.months.phrases;
  if (phrases.size > 0) {
    // Only a word that is the first of a two-word name needs the word after it.
    const folded = fold(word);
    const next = profile.phraseFirstWords.has(folded) ? NEXT_WORD.exec(text.slice(end, end + 24)) : null;
    const entry = next ? phrases.get(`${folded} ${fold(next[1])}`) : undefined;
    if (entry) return {start, end: end + next![0].length, match: {month: entry.month, form: entry.form, languages: [profile.language]}, numbered: false};
  }
  const match = lookupMonth(word, text[end] === ".", profile);
  if (match) return {start, end, match, numbered: false};
  for (const prefix of profile.calendar.monthPrefixes) {
    if (word.length > prefix.length + 1 && word.startsWith(prefix)) {
      const rest = lookupMonth(word.slice(prefix.length), text[end] === ".", profile);
      if (rest) return {start, end, match: rest, numbered: false};
    }
  }
  return null;
}

// A year before the month, in languages that write year-month-day: "2025. március 14.", "2025 m. kovo 14 d.".
const YEAR_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])(${DIGIT}{4})(?:\\s*(?:\\.|m\\.|g\\.|gada))?\\s*$`, "u");
// The day after the month in those languages: "március 14.", "március 14-én", "kovo 14 d.".
const DAY_AFTER_YMD = new RegExp(`^\\s+(${DIGIT}{1,2})(?![\\p{N}]|[.,:]\\p{N}|\\s?%)(?:\\.|-\\p{L}{1,3}|\\s*d\\.)?`, "u");

function monthNameDates(text: string, profile: Profile): Candidate[] {
  const out: Candidate[] = [];
  const monthDayYear = profile.calendar.order === "mdy";
  for (const {start, end: tokenEnd, match, numbered} of monthTokens(text, profile)) {
    let end = tokenEnd;
    // Compounds ("Juli-Ausgabe", "Mac-Nutzer") are not dates.
    if (/^-\p{L}/u.test(text.slice(end, end + 2))) continue;
    if (match.form === "short" && text[end] === ".") ++end;
    const cues = cuesFor(match.languages, profile);
    const readsMonthFirst = monthDayYear || match.languages.includes("en");

    {
      // "Llama 3 April 18, 2024": a complete month-day-year outranks a number before the month.
      // Other languages write it too, American-style, with the comma ("Mei 20, 2025").
      const after = DAY_AFTER.exec(text.slice(end, end + 48));
      const year = after?.[2] && (readsMonthFirst || after[0].includes(",")) ? calendarYear(toNumber(after[2]), profile) : null;
      if (year !== null && plausibleYear(year, false)) {
        out.push(withWeekday(text, {start, end: end + after![0].length, year, month: match.month, day: toNumber(after![1]), signal: null, yearOffset: null}, profile));
        continue;
      }
    }
    if (profile.calendar.order === "ymd") {
      const before = YEAR_BEFORE.exec(text.slice(Math.max(0, start - 12), start));
      const year = before ? calendarYear(toNumber(before[1]), profile) : null;
      if (year !== null && plausibleYear(year, false)) {
        const day = DAY_AFTER_YMD.exec(text.slice(end, end + 16));
        out.push({start: start - before![0].length, end: day ? end + day[0].length : end, year, month: match.month, day: day ? toNumber(day[1]) : null, signal: null, yearOffset: null});
        continue;
      }
      // "március 19-én": the day after the month, no year.
      const day = DAY_AFTER_YMD.exec(text.slice(end, end + 16));
      if (day && !profile.yearAfter.test(text.slice(end, end + 40))) {
        out.push(withRelative(text, {start, end: end + day[0].length, year: null, month: match.month, day: toNumber(day[1]), signal: null, yearOffset: null}, cues, true));
        continue;
      }
    }
    const left = DAY_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
    const dayBefore = left ? {day: toNumber(left[1]), start: start - left[0].length} : null;
    const slashed = numbered ? SLASH_YEAR.exec(text.slice(end, end + 8)) : null;
    const right = slashed ?? profile.yearAfter.exec(text.slice(end, end + 40));
    const rightYear = right ? calendarYear(toNumber(right[1]), profile) : null;
    if (rightYear !== null && plausibleYear(rightYear, false)) {
      out.push(withWeekday(text, {start: dayBefore?.start ?? start, end: end + right![0].length, year: rightYear, month: match.month, day: dayBefore?.day ?? null, signal: null, yearOffset: null}, profile));
      continue;
    }
    if (!dayBefore && readsMonthFirst) {
      const after = DAY_AFTER.exec(text.slice(end, end + 48));
      if (after && !after[2]) {
        out.push(withRelative(text, withWeekday(text, {start, end: end + after[0].length, year: null, month: match.month, day: toNumber(after[1]), signal: null, yearOffset: null}, profile), cues, true));
        continue;
      }
    }
    if (dayBefore) {
      out.push(withRelative(text, withWeekday(text, {start: dayBefore.start, end, year: null, month: match.month, day: dayBefore.day, signal: null, yearOffset: null}, profile), cues, true));
      continue;
    }
    // A month name alone is a date only when its neighbours say so: "im April", "last July",
    // "April lalu". Abbreviations alone are too often other words ("Mar", "set", "out").
    if (match.form !== "long") continue;
    const bare = withRelative(text, {start, end, year: null, month: match.month, day: null, signal: null, yearOffset: null}, cues, true);
    if (numbered || bare.signal || bare.yearOffset !== null || hasCueBefore(text, start, cues)) out.push(bare);
  }
  return out;
}

// "tháng 3/2025": the year of a numbered month after a slash.
const SLASH_YEAR = new RegExp(`^/(${DIGIT}{4})(?!\\p{N})`, "u");

/** A year of the language's default calendar as a Gregorian year: Thai Buddhist 2568 is 2025. */
function calendarYear(year: number, profile: Profile): number {
  const offset = profile.calendar.eraOffset;
  return offset && year - offset >= 1000 && year >= 2300 ? year - offset : year;
}

/** Extends a dated candidate back over the weekday written before it: "viernes 2 may 2025", "Jumat, 14 Mar". */
function withWeekday(text: string, c: Candidate, profile: Profile): Candidate {
  const weekdays = profile.calendar.weekdays;
  if (weekdays.size === 0 || c.day === null) return c;
  const before = wordsBefore(text, c.start, 2, true);
  if (before[0] && weekdays.has(before[0].word)) return {...c, start: before[0].start};
  if (before[1] && weekdays.has(`${before[1].word} ${before[0].word}`)) return {...c, start: before[1].start};
  return c;
}

/** A month named only relative to the article's date ("last March", "tháng 3 năm ngoái", "去年3月") is not a calendar date. */
function isRelative(c: Candidate): boolean {
  return c.day === null && c.year === null && (c.signal !== null || c.yearOffset !== null);
}

/** Extends a yearless candidate over "last", "yang lalu", "letzten Jahres" written next to it. */
function withRelative(text: string, c: Candidate, cues: Cues[], yearless: boolean): Candidate {
  if (!yearless) return c;
  const after = wordsAfter(text, c.end, 4);
  const rel = yearOffsetAfter(after, cues);
  if (rel) return {...c, end: rel.end, yearOffset: rel.offset};
  for (const [signal, key] of [["past", "pastAfter"], ["future", "futureAfter"], ["this", "thisAfter"]] as const) {
    const end = phraseAfter(after, cues.flatMap((q) => q[key]));
    if (end !== null) return {...c, end, signal};
  }
  // "last July", and across "the month of": "el próximo mes de julio", "this month of May".
  for (const before of wordsBefore(text, c.start, 4)) {
    for (const [signal, key] of [["past", "pastBefore"], ["future", "futureBefore"], ["this", "thisBefore"]] as const) {
      if (cues.some((q) => q[key].includes(before.word))) return {...c, start: before.start, signal};
    }
    if (!MONTH_NOUNS.has(before.word) && !cues.some((q) => q.skip.includes(before.word))) break;
  }
  return c;
}

const MONTH_NOUNS = new Set(["month", "monat", "monats", "maand", "mois", "mes", "mese", "bulan", "of"]);

function hasCueBefore(text: string, start: number, cues: Cues[]): boolean {
  const before = wordsBefore(text, start, 3);
  for (const w of before) {
    if (cues.some((c) => c.before.includes(w.word))) return true;
    if (!cues.some((c) => c.skip.includes(w.word))) return false;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Numeric dates

// Not inside a longer number, a version ("3.1.2"), a time or a path.
const NB = "(?<![\\p{L}\\p{N}.,:/\\-])";
const NA = "(?![\\p{N}]|[.,:/\\-]\\p{N})";
const ISO_DATE = new RegExp(`${NB}(${DIGIT}{4})([-/.])(${DIGIT}{1,2})\\2(${DIGIT}{1,2})${NA}`, "gu");
const ISO_MONTH = new RegExp(`${NB}(${DIGIT}{4})-(${DIGIT}{2})${NA}`, "gu");
const DAY_FIRST = new RegExp(`${NB}(${DIGIT}{1,2})([./-])\\s?(${DIGIT}{1,2})\\2\\s?(${DIGIT}{4})${NA}`, "gu");
const DOTTED_YEARLESS = new RegExp(`${NB}(${DIGIT}{1,2})\\.(${DIGIT}{1,2})\\.(?![\\p{N}]|\\s?${DIGIT}{4})`, "gu");
const SLASHED_YEARLESS = new RegExp(`${NB}(${DIGIT}{1,2})/(${DIGIT}{1,2})${NA}`, "gu");
// A time right after a yearless numeric date marks it as a timestamp: "3/21 om 13:54".
const TIME_AFTER = /^\s*,?\s*(?:om|at|um|à|a las|alle|às|pada|jam|pukul|kl\.?)?\s*\d{1,2}[:.h]\d{2}(?!\d)/u;

// Cheap tests that decide whether a family of expressions can match at all: most passages have
// no four-digit number, no slash between digits or no CJK date character, and an expression
// is otherwise tried at every run of digits (matchesAtRuns).
const FOUR_DIGITS = /\p{Nd}{4}/u;
const DIGIT_SLASH_DIGIT = /\p{Nd}\/\p{Nd}/u;
const DIGIT_DOT_DIGIT = /\p{Nd}\.\p{Nd}/u;
// What ISO_DATE and ISO_MONTH (a year, a separator, a digit) and DAY_FIRST (a separator, an
// optional space, a year) need at least: one scan without lookarounds instead of three with.
const YEAR_THEN_SEPARATOR = /\p{Nd}{4}[-/.]\p{Nd}/u;
const SEPARATOR_THEN_YEAR = /[./-]\s?\p{Nd}{4}/u;
const CJK_DATE_CHARACTER = /[年년月월]/u;

// Every numeric expression here starts with a lookbehind that rejects a number before it, then a
// digit: it can only match where a run of digits begins. Trying it there alone (sticky) gives
// the matches text.matchAll would, without a lookbehind tried at every position of the passage.
const DIGIT_RUN = /\p{Nd}+/gu;

/** Where the runs of decimal digits of `text` begin. */
function digitRuns(text: string): number[] {
  const starts: number[] = [];
  DIGIT_RUN.lastIndex = 0;
  for (let m; (m = DIGIT_RUN.exec(text));) starts.push(m.index);
  return starts;
}

const stickyTwins = new Map<RegExp, RegExp>();

/** The matches of `re` (global, starting with a digit that no number precedes) in order, as text.matchAll(re) gives them. */
function matchesAtRuns(text: string, runs: readonly number[], re: RegExp): RegExpExecArray[] {
  let sticky = stickyTwins.get(re);
  if (!sticky) stickyTwins.set(re, (sticky = new RegExp(re.source, re.flags.replace("g", "") + "y")));
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (const start of runs) {
    if (start < from) continue;
    sticky.lastIndex = start;
    const m = sticky.exec(text);
    if (m) {
      out.push(m);
      from = m.index + m[0].length;
    }
  }
  return out;
}

function numericDates(text: string, profile: Profile, runs: readonly number[]): Candidate[] {
  const out: Candidate[] = [];
  if (runs.length === 0) return out;
  const four = FOUR_DIGITS.test(text);
  const push = (start: number, end: number, year: number | null, month: number, day: number | null) =>
    out.push({start, end, year, month, day, signal: null, yearOffset: null});

  const isoish = four && YEAR_THEN_SEPARATOR.test(text);
  if (isoish) for (const m of matchesAtRuns(text, runs, ISO_DATE)) {
    const year = calendarYear(toNumber(m[1]), profile);
    if (plausibleYear(year, false)) push(m.index, m.index + m[0].length, year, toNumber(m[3]), toNumber(m[4]));
  }
  if (isoish) for (const m of matchesAtRuns(text, runs, ISO_MONTH)) {
    const year = toNumber(m[1]);
    const month = toNumber(m[2]);
    // "2011-12" is more often a span of years than December 2011.
    if (plausibleYear(year, false) && month >= 1 && month <= 12 && month !== (year + 1) % 100) push(m.index, m.index + m[0].length, year, month, null);
  }
  if (four && SEPARATOR_THEN_YEAR.test(text)) for (const m of matchesAtRuns(text, runs, DAY_FIRST)) {
    const a = toNumber(m[1]);
    const b = toNumber(m[3]);
    const year = calendarYear(toNumber(m[4]), profile);
    if (!plausibleYear(year, false)) continue;
    // Dots and hyphens are day-first everywhere; slashes are month-first in American English
    // unless the first number cannot be a month.
    const monthFirst = m[2] === "/" && profile.monthFirst ? a <= 12 : m[2] === "/" && b > 12 && a <= 12;
    push(m.index, m.index + m[0].length, year, monthFirst ? a : b, monthFirst ? b : a);
  }
  if (DIGIT_DOT_DIGIT.test(text)) for (const m of matchesAtRuns(text, runs, DOTTED_YEARLESS)) {
    if (numericCue(text, m.index, profile)) push(m.index, m.index + m[0].length, null, toNumber(m[2]), toNumber(m[1]));
  }
  if (DIGIT_SLASH_DIGIT.test(text)) for (const m of matchesAtRuns(text, runs, SLASHED_YEARLESS)) {
    const a = toNumber(m[1]);
    const b = toNumber(m[2]);
    // A number above 12 decides the order; else the language's own numeric pattern (CLDR: "3/5"
    // is 5 March in en-US and ja, 3 May elsewhere), never a guess when the language is unknown.
    // "24/7" is an idiom.
    if ((a > 12 && b > 12) || (a === 24 && b === 7)) continue;
    if (a <= 12 && b <= 12 && profile.language === "und") continue;
    const end = m.index + m[0].length;
    if (!numericCue(text, m.index, profile) && !TIME_AFTER.test(text.slice(end, end + 16))) continue;
    const monthFirst = b > 12 || (a <= 12 && profile.monthFirst);
    push(m.index, end, null, monthFirst ? a : b, monthFirst ? b : a);
  }
  return out;
}

function numericCue(text: string, start: number, profile: Profile): boolean {
  const before = wordsBefore(text, start, 1, true)[0];
  if (!before) return false;
  // A weekday before it: "Jumat, 14/3", "thứ Sáu 14/3".
  if (profile.calendar.weekdays.has(before.word)) return true;
  const two = wordsBefore(text, start, 2, true);
  if (two.length === 2 && profile.calendar.weekdays.has(`${two[1].word} ${two[0].word}`)) return true;
  const lists = profile.language === "und" ? [...profile.cues.values()] : cuesFor(["en"], profile);
  return lists.some((c) => c.numericBefore.includes(before.word));
}

// Chinese, Japanese and Korean dates: 2024年7月23日, 7月23日, 2024年7月, 2024년 7월 23일.
const CJK_FULL = new RegExp(`(?<!\\p{N})(${DIGIT}{4})\\s*[年년]\\s*(${DIGIT}{1,2})\\s*[月월]\\s*(${DIGIT}{1,2})\\s*[日号號일]`, "gu");
const CJK_YEAR_MONTH = new RegExp(`(?<!\\p{N})(${DIGIT}{4})\\s*[年년]\\s*(${DIGIT}{1,2})\\s*[月월]`, "gu");
const CJK_MONTH_DAY = new RegExp(`(?<!\\p{N})(${DIGIT}{1,2})\\s*[月월]\\s*(${DIGIT}{1,2})\\s*[日号號일]`, "gu");
const CJK_MONTH = new RegExp(`(?<![\\p{N}])(${DIGIT}{1,2})\\s*[月월]`, "gu");
const CJK_YEAR = new RegExp(`(?<!\\p{N})(${DIGIT}{4})\\s*[年년]`, "gu");
const CJK_RELATIVE: Record<string, number> = {"去年": -1, "昨年": -1, "今年": 0, "来年": 1, "明年": 1, "지난해": -1, "작년": -1, "올해": 0, "내년": 1};
const CJK_RELATIVE_BEFORE = new RegExp(`(${Object.keys(CJK_RELATIVE).join("|")})\\s?$`, "u");

function cjkDates(text: string, runs: readonly number[]): Candidate[] {
  const out: Candidate[] = [];
  if (!CJK_DATE_CHARACTER.test(text)) return out;
  const add = (m: RegExpMatchArray, year: number | null, month: number | null, day: number | null) => {
    // "1500年" alone may be a duration ("1500年前", 1500 years ago): only modern years stand alone.
    if (year !== null && !plausibleYear(year, month === null)) return;
    let start = m.index!;
    let yearOffset: number | null = null;
    const rel = year === null ? CJK_RELATIVE_BEFORE.exec(text.slice(Math.max(0, start - 4), start)) : null;
    if (rel) {
      yearOffset = CJK_RELATIVE[rel[1]];
      start -= rel[0].length;
    }
    out.push({start, end: m.index! + m[0].length, year, month, day, signal: null, yearOffset});
  };
  for (const m of matchesAtRuns(text, runs, CJK_FULL)) add(m, toNumber(m[1]), toNumber(m[2]), toNumber(m[3]));
  for (const m of matchesAtRuns(text, runs, CJK_YEAR_MONTH)) add(m, toNumber(m[1]), toNumber(m[2]), null);
  for (const m of matchesAtRuns(text, runs, CJK_MONTH_DAY)) add(m, null, toNumber(m[1]), toNumber(m[2]));
  for (const m of matchesAtRuns(text, runs, CJK_MONTH)) add(m, null, toNumber(m[1]), null);
  for (const m of matchesAtRuns(text, runs, CJK_YEAR)) add(m, toNumber(m[1]), null, null);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Years alone

// "Q3 2024", "H1 2025", "FY2025": the year of a quarter, half or fiscal year (the date column
// has no quarters; the span keeps the prefix so a reader sees what was meant).
const PERIOD_YEAR = new RegExp(`(?<![\\p{L}\\p{N}])(?:Q[1-4]|H[12]|[1-4]Q|FY)\\s?['’/-]?\\s?(${DIGIT}{4})(?![\\p{L}\\p{N}]|[.,:]\\p{N})`, "gu");
// A four-digit number on its own: not inside an amount, a version, a time, a compound word
// ("2024er", "1990s") or after a letter and a hyphen ("GPT-2024").
// In Hebrew and Arabic a prefix and a hyphen are a preposition, not a name: "ב-2025", "וב-2024".
const YEAR = new RegExp(`(?<![\\p{L}\\p{N}$€£¥₹.,:/#@_])(?<!(?:\\p{Script=Latin}|\\p{Script=Cyrillic}|\\p{Script=Greek})[-‐])(${DIGIT}{4})(?![\\p{L}\\p{N}]|[.,:]\\p{N}|\\s?%)`, "gu");
const CURRENCY_BEFORE = /(?:[$€£¥₹]|\b(?:US|USD|EUR|GBP|CHF|RM|Rp|R\$|US\$|Fr))\s*$/u;
// Numbered things: "No. 2024", "Nr. 2024", "Art. 2024", "Seite 2024".
const NUMBER_SIGN_BEFORE = /(?<![\p{L}])(?:nr|no|nos|art|s|p|pp|seite|page|nomor|nummer|number)\.?\s*$/iu;
// Counts, amounts and units after the number: "2000 Mitarbeiter", "1500 Milliarden".
const COUNT_AFTER = new Set([
  "prozent", "percent", "persen", "procent", "pour", "por", "per", "usd", "eur", "dollar", "dollars", "us", "euro", "euros", "ringgit", "rupiah",
  "mrd", "mio", "milliarden", "millionen", "million", "millions", "billion", "billions", "bilion", "miliar", "juta", "ribu", "miljard", "miljoen",
  "milliard", "milliards", "millones", "milioni", "miliardi", "milhoes", "bilhoes", "mil", "tausend", "thousand", "duizend",
  "kb", "mb", "gb", "tb", "pb", "km", "kg", "gpu", "gpus", "mitarbeiter", "employees", "users", "nutzer", "user", "pengguna", "gebruikers",
  "utilisateurs", "usuarios", "utenti", "seiten", "pages", "halaman", "token", "tokens", "parameter", "parameters", "stuck", "units", "exemplare", "copies", "buku", "books", "bucher", "menschen", "people", "orang"
]);
// Quantities, not years: "über 2000", "more than 1500", "bis zu 2000".
// "bis 2025" and "from 2023 to 2025" stay years: only the phrases below count.
const QUANTITY_BEFORE = [
  "uber", "mehr als", "rund", "etwa", "ca", "circa", "zirka", "knapp", "fast", "bis zu", "more than", "over", "about", "around", "nearly", "almost", "up to",
  "lebih dari", "sekitar", "hampir", "kira", "meer dan", "ongeveer", "bijna", "tot wel", "plus de", "environ", "pres de", "mas de", "alrededor de", "casi",
  "oltre", "quasi", "mais de", "cerca de", "quase", "top"
].map((p) => p.split(" ").reverse());

function years(text: string, profile: Profile, runs: readonly number[]): Candidate[] {
  const out: Candidate[] = [];
  if (!FOUR_DIGITS.test(text)) return out;
  // Every period starts with Q, H or FY.
  if (/[QH]|FY/.test(text)) for (const m of text.matchAll(PERIOD_YEAR)) {
    const year = calendarYear(toNumber(m[1]), profile);
    if (plausibleYear(year, false)) out.push({start: m.index, end: m.index + m[0].length, year, month: null, day: null, signal: null, yearOffset: null});
  }
  const yearCues = profile.yearCues;
  for (const m of matchesAtRuns(text, runs, YEAR)) {
    const start = m.index;
    const end = start + m[0].length;
    const year = calendarYear(toNumber(m[1]), profile);
    const before = wordsBefore(text, start, 3);
    const cued = before.length > 0 && yearCues.has(before[0].word);
    if (!plausibleYear(year, !cued)) continue;
    if (CURRENCY_BEFORE.test(text.slice(Math.max(0, start - 6), start)) || NUMBER_SIGN_BEFORE.test(text.slice(Math.max(0, start - 10), start))) continue;
    if (!cued && QUANTITY_BEFORE.some((phrase) => phrase.every((w, i) => before[i]?.word === w))) continue;
    const next = wordsAfter(text, end, 1)[0];
    if (next && COUNT_AFTER.has(next.word)) continue;
    out.push({start, end, year, month: null, day: null, signal: null, yearOffset: null});
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Validity, overlaps, formatting and resolution

/** Years written with a month or day, or after a year word, may be historical; a bare four-digit number is a year only in modern times. */
function plausibleYear(year: number, bare: boolean): boolean {
  return bare ? year >= 1900 && year <= 2099 : year >= 1000 && year <= 2999;
}

function daysIn(month: number, year: number | null): number {
  // Without a year, 29 February is possible.
  const leap = year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function isValid(c: Candidate): boolean {
  if (c.month !== null && !(c.month >= 1 && c.month <= 12)) return false;
  if (c.day !== null && (c.month === null || !(c.day >= 1 && c.day <= daysIn(c.month, c.year)))) return false;
  return c.year !== null || c.month !== null;
}

/** Longest candidates first; a candidate overlapping one already taken is dropped. */
function settle(candidates: Candidate[], length: number): Candidate[] {
  // Most passages have no date at all.
  if (candidates.length === 0) return [];
  const ordered = [...candidates].sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  // Spans are short, so marking covered characters keeps this linear in the passage length.
  const covered = new Uint8Array(length);
  const taken: Candidate[] = [];
  for (const c of ordered) {
    if (covered.subarray(c.start, c.end).includes(1)) continue;
    covered.fill(1, c.start, c.end);
    taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}

const pad = (n: number) => String(n).padStart(2, "0");

function formatDate(c: Candidate): string {
  if (c.year !== null) return [String(c.year), ...(c.month !== null ? [pad(c.month)] : []), ...(c.month !== null && c.day !== null ? [pad(c.day)] : [])].join("-");
  // "--MM" for a month without a year extends the contract's "--MM-DD" (docs/extraction-dates.md).
  return c.day !== null ? `--${pad(c.month!)}-${pad(c.day)}` : `--${pad(c.month!)}`;
}

function parsePublished(published: unknown): {year: number; month: number} | null {
  const m = typeof published === "string" ? /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(published) : null;
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? {year: Number(m[1]), month} : null;
}

/**
 * The year of a yearless date from the article's month of publication, only where it cannot be
 * wrong: a month not after the publication month is in the same year; a later month is last
 * year's only when the text says "last"; "next" and relative years ("letzten Jahres") are
 * followed as written. Anything else stays empty rather than guessed.
 */
function resolve(c: Candidate, published: {year: number; month: number} | null): string {
  if (c.year !== null) return formatDate(c);
  if (!published || c.month === null) return "";
  let year: number | null;
  if (c.yearOffset !== null) year = published.year + c.yearOffset;
  else if (c.signal === "this") year = published.year;
  // "last July" written in July means a year ago.
  else if (c.signal === "past") year = c.month < published.month ? published.year : published.year - 1;
  else if (c.signal === "future") year = c.month > published.month ? published.year : c.month < published.month ? published.year + 1 : null;
  else year = c.month <= published.month ? published.year : null;
  if (year === null || (c.day !== null && c.day > daysIn(c.month, year))) return "";
  return formatDate({...c, year});
}

function toNumber(digits: string): number {
  return digitsToNumber(digits);
}
