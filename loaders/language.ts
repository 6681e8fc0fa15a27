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
  const ranked = topTwoLanguages(text, MIN_LENGTH, only ?? []);
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
// on real, synthetic and random texts). It is faster because a trigram is a number, not a
// string: no substring per position, the models are one hash table of numbers per script instead
// of objects with hundreds of string keys, and a text's trigram is looked up once for all
// languages. Language
// detection was the largest single item of a compile's CPU profile (docs/performance.md).

/** franc's constants: the sample it reads, and the penalty for a trigram a model lacks. */
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

/**
 * A trigram (three UTF-16 code units) as one number, different for different trigrams (used
 * only to tell apart the trigrams no model has).
 */
function trigramAt(s: string, i: number): number {
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1);
  const c = s.charCodeAt(i + 2);
  return a < 1024 && b < 1024 && c < 1024 ? (a << 20) | (b << 10) | c : 1073741824 + a * 4294967296 + b * 65536 + c;
}

/**
 * Per script and list of allowed languages: those languages in franc's order, and for every
 * trigram of their models the languages that have it, with its rank there, so a text's distance
 * to every language costs one look-up per trigram of the text, not one per trigram and
 * language, and only the allowed languages are visited. A trigram of the models is a small
 * integer from the script's alphabet (the code units its models use), never a heap number as
 * trigramAt's value is for Cyrillic, Arabic or CJK units; a text's trigram with a unit outside
 * the alphabet is in no model. Built on first use.
 */
interface ScriptModels {
  languages: string[];
  /** Per UTF-16 unit, its number in the alphabet (1…size), or 0 when no model uses it. */
  alphabet: Uint16Array;
  size: number;
  /**
   * Trigram (packed alphabet numbers) → its id, an open-addressing hash table (a Map look-up per
   * position of the text cost more than the sums): slot keys (-1 empty) and ids. The id's
   * entries run from offsets[id] to offsets[id + 1].
   */
  slotKeys: Int32Array;
  slotIds: Int32Array;
  shift: number;
  offsets: Int32Array;
  /** Per entry: a language index, and the trigram's rank in that language's model plus one. */
  entryLanguages: Int32Array;
  entryRanks: Int32Array;
  /** Scratch for one text: per id, its count and the text it was counted for (a stamp). */
  counts: Int32Array;
  stamps: Uint32Array;
  stamp: number;
}

const scripts = new Map<string, ScriptModels>();

function modelsOf(script: string, only: readonly string[]): ScriptModels {
  const key = `${script}:${only.join(",")}`;
  let models = scripts.get(key);
  if (!models) {
    const languages = Object.keys(data[script]).filter((name) => only.length === 0 || only.includes(name));
    const alphabet = new Uint16Array(65536);
    let size = 0;
    const code = (unit: number) => alphabet[unit] || (alphabet[unit] = ++size);
    const lists = new Map<string, number[]>();
    languages.forEach((name, l) => {
      const model = data[script][name].split("|");
      const ranks = new Map<string, number>();
      // As franc does: a trigram listed twice keeps its first (lowest) rank.
      for (let weight = model.length - 1; weight >= 0; --weight) ranks.set(model[weight], weight);
      for (const [trigram, rank] of ranks) {
        const entry = lists.get(trigram);
        if (entry) entry.push(l, rank + 1);
        else lists.set(trigram, [l, rank + 1]);
      }
    });
    for (const trigram of lists.keys()) for (let i = 0; i < 3; ++i) code(trigram.charCodeAt(i));
    // franc 6.2's largest alphabet (Latin) has 134 units; packed() needs fewer than 1,023.
    if (size >= 1023) throw new Error(`franc's ${script} models use ${size} code units: too many for packed trigrams`);
    // At most half full, so a probe rarely goes past its first slot.
    let bits = 1;
    while (1 << bits < lists.size * 2) ++bits;
    const slotKeys = new Int32Array(1 << bits).fill(-1);
    const slotIds = new Int32Array(1 << bits);
    const shift = 32 - bits;
    const offsets = new Int32Array(lists.size + 1);
    const total = [...lists.values()].reduce((n, e) => n + e.length / 2, 0);
    const entryLanguages = new Int32Array(total);
    const entryRanks = new Int32Array(total);
    let id = 0;
    let at = 0;
    for (const [trigram, entry] of lists) {
      const key = packed(alphabet[trigram.charCodeAt(0)], alphabet[trigram.charCodeAt(1)], alphabet[trigram.charCodeAt(2)], size);
      let slot = Math.imul(key, HASH) >>> shift;
      while (slotKeys[slot] !== -1) slot = (slot + 1) & (slotKeys.length - 1);
      slotKeys[slot] = key;
      slotIds[slot] = id;
      for (let k = 0; k < entry.length; k += 2, ++at) {
        entryLanguages[at] = entry[k];
        entryRanks[at] = entry[k + 1];
      }
      offsets[++id] = at;
    }
    models = {languages, alphabet, size, slotKeys, slotIds, shift, offsets, entryLanguages, entryRanks, counts: new Int32Array(lists.size), stamps: new Uint32Array(lists.size), stamp: 0};
    scripts.set(key, models);
  }
  return models;
}

/** Fibonacci hashing's multiplier (2^32 / golden ratio). */
const HASH = 0x9e3779b1 | 0;

/** The id of a packed trigram in the models, or -1 when no model has it. */
function idOf(models: ScriptModels, key: number): number {
  const {slotKeys} = models;
  const mask = slotKeys.length - 1;
  for (let slot = Math.imul(key, HASH) >>> models.shift; ; slot = (slot + 1) & mask) {
    const k = slotKeys[slot];
    if (k === key) return models.slotIds[slot];
    if (k === -1) return -1;
  }
}

/** Three alphabet numbers (1…size) as one number below 2^30 (franc's alphabets have a few hundred units). */
function packed(a: number, b: number, c: number, size: number): number {
  return (a * (size + 1) + b) * (size + 1) + c;
}

/** franc's `francAll(value, {minLength, only})`: [language, score] pairs, best first (score 1). */
export function rankLanguages(value: string, {minLength = 10, only = []}: {minLength?: number; only?: readonly string[]} = {}): Array<[string, number]> {
  const scored = distances(value, minLength, only);
  if (Array.isArray(scored)) return scored;
  const {languages, sums, length} = scored;
  const ranked: Array<[string, number]> = languages.map((language, l) => [language, sums[l]]);
  ranked.sort((a, b) => a[1] - b[1]);
  const min = ranked[0][1];
  const max = length * MAX_DIFFERENCE - min;
  for (const d of ranked) d[1] = 1 - (d[1] - min) / max || 0;
  return ranked;
}

/**
 * rankLanguages(value, …).slice(0, 2), without sorting every language: the first is the lowest
 * distance (the earliest language on a tie, as the stable sort keeps them), the second the
 * lowest of the others (again the earliest); their scores by the same arithmetic.
 */
function topTwoLanguages(value: string, minLength: number, only: readonly string[]): Array<[string, number]> {
  const scored = distances(value, minLength, only);
  if (Array.isArray(scored)) return scored;
  const {languages, sums, length} = scored;
  let best = 0;
  for (let l = 1; l < languages.length; ++l) if (sums[l] < sums[best]) best = l;
  let second = -1;
  for (let l = 0; l < languages.length; ++l) if (l !== best && (second < 0 || sums[l] < sums[second])) second = l;
  const min = sums[best];
  const max = length * MAX_DIFFERENCE - min;
  const top: Array<[string, number]> = [[languages[best], 1 - (min - min) / max || 0]];
  if (second >= 0) top.push([languages[second], 1 - (sums[second] - min) / max || 0]);
  return top;
}

/**
 * franc's distance from `value` to every allowed language of its script (in franc's order), or
 * franc's answer itself when it needs no distances (too short, a script of one language).
 */
function distances(value: string, minLength: number, only: readonly string[]): Array<[string, number]> | {languages: string[]; sums: Int32Array; length: number} {
  if (!value || value.length < minLength) return [["und", 1]];
  value = value.slice(0, MAX_LENGTH);
  const [script, share] = topScript(value);
  if (!script || !(script in data)) {
    if (!script || share === 0 || !(only.length === 0 || only.includes(script))) return [["und", 1]];
    return [[script, 1]];
  }
  const models = modelsOf(script, only);
  const {languages, alphabet, size, offsets, entryLanguages, entryRanks, counts} = models;
  if (languages.length === 0) return [["und", 1]];
  // trigram-utils' `asDictionary`: the padded, cleaned text's trigrams and how often each
  // occurs. (Its two replacements, punctuation runs to a space and then white-space runs to one,
  // are one replacement of runs of either.)
  const cleaned = " " + value.replace(/[\u0021-\u0040\s]+/g, " ").trim().toLowerCase() + " ";
  if (++models.stamp === 0xffffffff) {
    models.stamps.fill(0);
    models.stamp = 1;
  }
  const stamp = models.stamp;
  const stamps = models.stamps;
  const seen: number[] = [];
  // Trigrams no model has add MAX_DIFFERENCE to every distance: only how many distinct ones counts.
  let unknown: Set<number> | undefined;
  for (let i = 0; i + 3 <= cleaned.length; ++i) {
    const a = alphabet[cleaned.charCodeAt(i)];
    const b = alphabet[cleaned.charCodeAt(i + 1)];
    const c = alphabet[cleaned.charCodeAt(i + 2)];
    const id = a && b && c ? idOf(models, packed(a, b, c, size)) : -1;
    if (id < 0) (unknown ??= new Set()).add(trigramAt(cleaned, i));
    else if (stamps[id] !== stamp) {
      stamps[id] = stamp;
      counts[id] = 1;
      seen.push(id);
    } else ++counts[id];
  }
  // franc's distance to a model: the sum over the text's trigrams of |count - rank - 1| where the
  // model has the trigram, MAX_DIFFERENCE where it has not; that is MAX_DIFFERENCE per trigram,
  // less (MAX_DIFFERENCE - |count - rank - 1|) per trigram the model has. Integers: exact.
  const sums = new Int32Array(languages.length).fill((seen.length + (unknown?.size ?? 0)) * MAX_DIFFERENCE);
  for (const id of seen) {
    const count = counts[id];
    for (let k = offsets[id], end = offsets[id + 1]; k < end; ++k) sums[entryLanguages[k]] -= MAX_DIFFERENCE - Math.abs(count - entryRanks[k]);
  }
  return {languages, sums, length: value.length};
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
