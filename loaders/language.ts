import {data} from "franc/data.js";
import {expressions} from "franc/expressions.js";
import {iso6393To1} from "iso-639-3";
import {closePairWinner} from "./language-close-pairs.ts";

// franc reports individual languages (ISO 639-3) where ISO 639-1 only has the macrolanguage:
// Standard Malay is "zlm", Mandarin "cmn". iso-639-3 maps only codes that have a 639-1 twin,
// so the few individual languages franc can return inside a macrolanguage are listed here.
const MACROLANGUAGE: Record<string, string> = {
  zlm: "ms", zsm: "ms", cmn: "zh", arb: "ar", pes: "fa", prs: "fa", swh: "sw", ekk: "et", lvs: "lv",
  azj: "az", uzn: "uz", npi: "ne", khk: "mn", ory: "or", plt: "mg", als: "sq", ydd: "yi", gaz: "om",
  nob: "nb", hbs: "sh", knc: "kr", pbu: "ps", quy: "qu", tgl: "tl"
};

/**
 * Every ISO 639-3 code franc can answer: the languages of its trigram models (per script) and
 * the scripts that stand for one language (Greek → ell, Thai → tha, kana → jpn, Han → cmn, …).
 */
export const FRANC_LANGUAGES: ReadonlySet<string> = new Set([
  ...Object.values(data).flatMap((languages) => Object.keys(languages)),
  ...Object.keys(expressions).filter((script) => !(script in data))
]);

/** Below this many characters franc guesses; such texts are reported as undetermined. */
const MIN_LENGTH = 40;

export interface Detection {
  /** ISO 639-1 code, or "und" when the text is too short or unlike any language franc knows. */
  language: string;
  /** franc's score of the runner-up relative to the winner (1 = a tie). */
  runnerUp: number;
}

/**
 * The language of `text`. `only` (ISO 639-3 codes, from data/lexicon/languages.csv) restricts
 * the answer to those languages: a text in an unlisted language is then reported as the closest
 * listed language of the same script (Afrikaans as Dutch, Slovak as Czech), or "und" when none
 * of its script is listed. Empty or absent: every language franc knows. (With franc's own code
 * the list made detection three times faster; with rankLanguages below, about 1.3 times.)
 */
export function detectLanguage(text: string, only?: readonly string[]): Detection {
  if (collapsedShorterThan(text, MIN_LENGTH)) return {language: "und", runnerUp: 1};
  const ranked = rankLanguages(text, {minLength: MIN_LENGTH, only});
  const [best, second] = ranked;
  if (!best || best[0] === "und") return {language: "und", runnerUp: 1};
  // franc's trigrams barely tell Indonesian from Malay, Bokmål from Danish, Czech from Slovak or
  // Croatian from Serbian; words only one of them uses do (./language-close-pairs.ts).
  const winner = closePairWinner(text, best[0], only ?? []);
  if (winner !== best[0]) return {language: toIso6391(winner), runnerUp: 1};
  return {language: toIso6391(best[0]), runnerUp: second ? second[1] : 0};
}

/**
 * text.replace(/\s+/g, " ").length < limit, reading only as far as the limit: a compile calls
 * this on every article's whole text.
 */
function collapsedShorterThan(text: string, limit: number): boolean {
  if (text.length < limit) return true;
  let n = 0;
  for (let i = 0; i < text.length && n < limit; ++i) {
    if (WHITE.test(text[i])) {
      while (i + 1 < text.length && WHITE.test(text[i + 1])) ++i;
    }
    ++n;
  }
  return n < limit;
}
const WHITE = /\s/;

export function toIso6391(code: string): string {
  return (iso6393To1 as Record<string, string>)[code] ?? MACROLANGUAGE[code] ?? code;
}

// ---------------------------------------------------------------------------------------------
// franc 6.2's `francAll`, re-implemented on the same data (franc/data.js, franc/expressions.js)
// with the same arithmetic, so it returns the same ranking (test/language.test.ts compares them
// on real, synthetic and random texts). It is faster because a trigram is a number (its three
// UTF-16 code units), not a string: no substring per position, and the counts and the language
// models are Maps of numbers instead of objects with hundreds of string keys. Language
// detection was the largest single item of a compile's CPU profile (docs/performance.md).

/** franc's constants: the sample it reads, and the penalty for a trigram a model lacks. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

/**
 * A trigram (three UTF-16 code units) as one number, different for different trigrams: below
 * 2^30 (a small integer for V8, cheap as a Map key) when all three units are below 1024, as in
 * Latin, Greek and Cyrillic text; from 2^30 on otherwise.
 */
function trigramAt(s: string, i: number): number {
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1);
  const c = s.charCodeAt(i + 2);
  return a < 1024 && b < 1024 && c < 1024 ? (a << 20) | (b << 10) | c : 1073741824 + a * 4294967296 + b * 65536 + c;
}

/**
 * Per script and list of allowed languages, those languages in franc's order and an index from
 * each trigram to the languages whose model has it, with its rank there: a text's distance to
 * every language then costs one lookup per trigram of the text, not one per trigram and
 * language, and only the allowed languages are visited. Built on first use.
 */
interface ScriptModels {
  languages: string[];
  /** trigram → [language index, rank, language index, rank, …] */
  index: Map<number, Int32Array>;
}

const scripts = new Map<string, ScriptModels>();

function modelsOf(script: string, only: readonly string[]): ScriptModels {
  const key = `${script}:${only.join(",")}`;
  let models = scripts.get(key);
  if (!models) {
    const languages = Object.keys(data[script]).filter((name) => only.length === 0 || only.includes(name));
    const lists = new Map<number, number[]>();
    languages.forEach((name, l) => {
      const model = data[script][name].split("|");
      const ranks = new Map<number, number>();
      // As franc does: a trigram listed twice keeps its first (lowest) rank.
      for (let weight = model.length - 1; weight >= 0; --weight) ranks.set(trigramAt(model[weight], 0), weight);
      for (const [trigram, rank] of ranks) {
        const entry = lists.get(trigram);
        if (entry) entry.push(l, rank);
        else lists.set(trigram, [l, rank]);
      }
    });
    const index = new Map<number, Int32Array>();
    for (const [trigram, entry] of lists) index.set(trigram, Int32Array.from(entry));
    scripts.set(key, (models = {languages, index}));
  }
  return models;
}

/** franc's `francAll(value, {minLength, only})`: [language, score] pairs, best first (score 1). */
export function rankLanguages(value: string, {minLength = 10, only = []}: {minLength?: number; only?: readonly string[]} = {}): Array<[string, number]> {
  if (!value || value.length < minLength) return [["und", 1]];
  value = value.slice(0, MAX_LENGTH);
  const [script, share] = topScript(value);
  if (!script || !(script in data)) {
    if (!script || share === 0 || !(only.length === 0 || only.includes(script))) return [["und", 1]];
    return [[script, 1]];
  }
  const {languages, index} = modelsOf(script, only);
  if (languages.length === 0) return [["und", 1]];
  const counts = trigramCounts(value);
  // franc's distance to a model: the sum over the text's trigrams of |count - rank - 1| where the
  // model has the trigram, MAX_DIFFERENCE where it has not; that is MAX_DIFFERENCE per trigram,
  // less (MAX_DIFFERENCE - |count - rank - 1|) per trigram the model has. Integers: exact.
  const sums = new Array<number>(languages.length).fill(counts.size * MAX_DIFFERENCE);
  for (const [trigram, count] of counts) {
    const entry = index.get(trigram);
    if (!entry) continue;
    for (let k = 0; k < entry.length; k += 2) sums[entry[k]] -= MAX_DIFFERENCE - Math.abs(count - entry[k + 1] - 1);
  }
  const distances: Array<[string, number]> = languages.map((language, l) => [language, sums[l]]);
  distances.sort((a, b) => a[1] - b[1]);
  const min = distances[0][1];
  const max = value.length * MAX_DIFFERENCE - min;
  for (const d of distances) d[1] = 1 - (d[1] - min) / max || 0;
  return distances;
}

/** The script whose expression matches most of `value` (the first one on a tie), and its share. */
function topScript(value: string): [string | undefined, number] {
  const counts = SURROGATE.test(value) ? SCRIPTS.map((script) => value.match(expressions[script])?.length ?? 0) : countScripts(value);
  let topCount = -1;
  let top: string | undefined;
  SCRIPTS.forEach((script, k) => {
    const count = counts[k] / value.length || 0;
    if (count > topCount) {
      topCount = count;
      top = script;
    }
  });
  return [top, topCount];
}

const SURROGATE = /[\uD800-\uDFFF]/;
const SCRIPTS = Object.keys(expressions);
// Non-global copies, to ask whether one character matches a script's expression.
const SINGLE = SCRIPTS.map((script) => new RegExp(expressions[script].source, expressions[script].flags.replace("g", "")));
/** Per UTF-16 unit, the indexes (in SCRIPTS) of the expressions that match it; built on first sight. */
const SCRIPTS_OF: Array<number[] | undefined> = new Array(65536);

/**
 * What `value.match(expression).length` gives for every script, in one pass: without surrogates
 * every match of these one-character expressions is one UTF-16 unit, so a script's count is the
 * number of units it matches.
 */
function countScripts(value: string): number[] {
  const counts = new Array<number>(SCRIPTS.length).fill(0);
  for (let i = 0; i < value.length; ++i) {
    const c = value.charCodeAt(i);
    let matching = SCRIPTS_OF[c];
    if (!matching) {
      const ch = String.fromCharCode(c);
      SCRIPTS_OF[c] = matching = SINGLE.flatMap((re, k) => (re.test(ch) ? [k] : []));
    }
    for (const k of matching) ++counts[k];
  }
  return counts;
}

/** trigram-utils' `asDictionary`: the padded, cleaned text's trigrams and how often each occurs. */
function trigramCounts(value: string): Map<number, number> {
  const cleaned = " " + value.replace(/[\u0021-\u0040]+/g, " ").replace(/\s+/g, " ").trim().toLowerCase() + " ";
  const counts = new Map<number, number>();
  for (let i = 0; i + 3 <= cleaned.length; ++i) {
    const trigram = trigramAt(cleaned, i);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return counts;
}
