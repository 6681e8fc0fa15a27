// Speech verbs (data/lexicon/speech_verbs.csv): the words that attribute a quote, in every
// tense the press uses, "according to" prepositions, and the naming verbs of short quotes
// ("called it a …", "nannte es …", "назвал …"). A verb written with a trailing * is a stem:
// it matches any ending of letters ("сказал*" → сказал, сказала, сказали).

import fs from "node:fs";
import {InputError, parseCsv} from "../csv.ts";
import {compileTerm, type TermMatcher} from "./mentions.ts";

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

// A verb whose last character is a letter of a script written with spaces, and what may not
// follow it (a letter of such a script: the word would go on; isBoundary in mentions.ts).
const SPACED_END = /(?![\p{scx=Han}\p{scx=Kana}\p{scx=Hira}\p{scx=Thai}])[\p{L}\p{N}\p{M}]$/u;
const WORD_ENDS = String.raw`(?!(?![\p{scx=Han}\p{scx=Kana}\p{scx=Hira}\p{scx=Thai}])[\p{L}\p{N}\p{M}])`;

// Conjunctions written onto the verb: Arabic "و"/"ف" ("ووصف", "فقال"), Hebrew "ו" ("ואמר").
// Grammar, a closed list.
const VERB_PROCLITICS: Record<string, RegExp> = {
  ar: /(?:^|[^\p{L}\p{N}\p{M}])[وف]$/u,
  he: /(?:^|[^\p{L}\p{N}\p{M}])ו$/u
};

// Japanese "とも" (also) between the quotative particle and the verb: 「…」とも語っていた.
function quotative(language: string, source: string): string {
  return language === "ja" && source.startsWith("と") ? `とも?${source.slice(1)}` : source;
}

// A passage whose language has no verbs listed ("und", or a language the lexicon lacks) is
// checked against all of them: a missed attribution costs more than an odd one. Those
// languages share one entry, so the long expression of all verbs is compiled once.
export function verbsFor(verbs: SpeechVerbs, language: string): TermMatcher[] {
  let byLanguage = verbCache.get(verbs);
  if (!byLanguage) verbCache.set(verbs, (byLanguage = new Map()));
  const asked = (language || "").toLowerCase().split(/[-_]/)[0];
  let list = byLanguage.get(asked);
  if (list) return list;
  const key = asked && verbs.verbs.some((v) => v.language === asked) ? asked : "\u0000all";
  list = byLanguage.get(key);
  if (!list) {
    let chosen = verbs.verbs.filter((v) => v.language === key);
    chosen = chosen.length ? [...chosen, ...verbs.verbs.filter((v) => v.language === "")] : [...verbs.verbs];
    const unique = [...new Set(chosen.map((v) => v.verb))].sort((a, b) => b.length - a.length);
    // Two expressions, whole verbs and stems, instead of one search per verb. The stems
    // ("сказал*": сказал, сказала, сказали) share one trailing class: written once per stem,
    // [\p{L}\p{M}]* under the "iu" flags made the expression of all verbs take seconds to
    // compile. Both run, and quotes.ts keeps the longest verb at a position.
    const source = (v: string) => quotative(key, compileTerm(v, {possessive: false, caseRule: "insensitive"}).regex.source);
    const whole = unique.filter((v) => !v.endsWith("*"));
    // A longer verb that fails its word boundary must not hide a shorter one at the same place
    // ("sinabi ni" in "sinabi niya" hides "sinabi"): the verbs that end in a letter of a spaced
    // script carry the boundary in the expression, so the search backtracks to the shorter one.
    const spaced = whole.filter((v) => SPACED_END.test(v)).map(source);
    const other = whole.filter((v) => !SPACED_END.test(v)).map(source);
    const stems = unique.filter((v) => v.endsWith("*")).map((v) => source(v.slice(0, -1)));
    const m = compileTerm(unique[0] ?? "x", {possessive: false, caseRule: "insensitive"});
    const prefix = VERB_PROCLITICS[key];
    if (prefix) m.affixes = {prefix};
    list = [];
    if (spaced.length) list.push({...m, term: "(speech verbs)", regex: new RegExp(`(?:${spaced.join("|")})${WORD_ENDS}`, "giu"), endsWithDigit: false});
    if (other.length) list.push({...m, term: "(speech verbs, unspaced)", regex: new RegExp(other.join("|"), "giu"), endsWithDigit: false});
    if (stems.length) list.push({...m, term: "(speech verb stems)", regex: new RegExp(`(?:${stems.join("|")})[\\p{L}\\p{M}]*`, "giu"), endsWithDigit: false});
    byLanguage.set(key, list);
  }
  byLanguage.set(asked, list);
  return list;
}
