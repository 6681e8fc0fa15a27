// Topics of a passage from specific signals.
//
// data/lexicon/topics.csv lists terms per topic and language. A term counts where a word starts
// (anywhere in scripts written without spaces, and after a one-letter proclitic in Arabic and
// Hebrew: "والترخيص", "והרישיון"), as a prefix, so a stem covers the inflected forms
// ("лиценз" → лицензия, лицензии, лицензионный). Two strengths:
// - a specific term ("capital expenditure", "Umsatzbeteiligung", "torrent") switches its topic
//   on by itself;
// - a generic one, written with a leading "~" ("~open source", "~copyright", "~invest",
//   "~revenue"), counts only with a second signal of the same topic: another generic term, or
//   one of the passage's extracted figures and mentions:
//   - capex: a money figure in US dollars ("~invest" + "$65 billion");
//   - licensing: a user count of about 700 million (the licence's threshold) is specific;
//   - revenue-sharing: a company named as a host (mentions of kind host);
//   - seeding: the Kadrey v. Meta case (a court_case mention).
// So "open source" alone, or "copyright" alone, is no topic; "copyright" beside Kadrey v. Meta,
// or "revenue" beside a host, is.

import type {TopicTerm} from "./lexicon.ts";
import type {FigureRow, MentionRow, Topic} from "./tables.ts";
import {TOPICS} from "./tables.ts";
import {affixesFor} from "./extract/affixes.ts";
import {fold, isLetterOrDigitUnit} from "./text.ts";

/** What the extractors found in the passage, as far as topics use it. */
export interface TopicSignals {
  figures?: ReadonlyArray<Pick<FigureRow, "kind" | "unit" | "low" | "high">>;
  mentions?: ReadonlyArray<Pick<MentionRow, "entity" | "kind">>;
}

/** The user count of the licence clause, with the slack of "about" and rounding. */
const LICENCE_USERS: [number, number] = [650e6, 750e6];
const WEAK = "~";

/** Topics of a passage, in the fixed order of TOPICS. */
export function topicsOf(text: string, terms: TopicTerm[], language = "und", signals: TopicSignals = {}): Topic[] {
  const folded = fold(text);
  const index = indexOf(terms, language);
  const strong = new Set<Topic>();
  // Distinct generic evidence per topic: the terms found, and the signals as pseudo-terms.
  const weak = new Map<Topic, Set<string>>();
  const hit = (t: IndexedTerm) => {
    if (!t.weak) strong.add(t.topic);
    else (weak.get(t.topic) ?? weak.set(t.topic, new Set()).get(t.topic)!).add(t.term);
  };
  for (const t of index.anywhere) if (!strong.has(t.topic) && (t.term === "" || folded.includes(t.term))) hit(t);
  const proclitic = index.proclitic;
  let wordBefore = false;
  let wordStart = 0;
  for (let i = 0; i < folded.length; ++i) {
    const c = folded.charCodeAt(i);
    // Inside a word only right after a proclitic ("ו" + "הרישיון"); a surrogate half is no letter here.
    const start = !wordBefore || (proclitic !== undefined && i - wordStart <= 3 && proclitic.test(folded.slice(Math.max(0, i - 4), i)));
    if (start) {
      const candidates = index.byFirst.get(c);
      if (candidates) for (const t of candidates) if (!strong.has(t.topic) && folded.startsWith(t.term, i)) hit(t);
    }
    const letter = isLetterOrDigitUnit(c);
    if (letter && !wordBefore) wordStart = i;
    wordBefore = letter;
  }
  for (const [topic, evidence] of signalsOf(signals)) {
    if (evidence === "specific") strong.add(topic);
    else (weak.get(topic) ?? weak.set(topic, new Set()).get(topic)!).add(evidence);
  }
  return TOPICS.filter((t) => strong.has(t) || (weak.get(t)?.size ?? 0) >= 2);
}

function signalsOf(signals: TopicSignals): Array<[Topic, string]> {
  const out: Array<[Topic, string]> = [];
  for (const f of signals.figures ?? []) {
    if (f.kind === "money" && f.unit === "USD") out.push(["capex", "\u0000usd"]);
    const v = f.low ?? f.high;
    if (f.kind === "users" && v !== null && v >= LICENCE_USERS[0] && v <= LICENCE_USERS[1]) out.push(["licensing", "specific"]);
  }
  for (const m of signals.mentions ?? []) {
    if (m.kind === "host") out.push(["revenue-sharing", "\u0000host"]);
    if (m.kind === "court_case" && m.entity === "Kadrey v. Meta") out.push(["seeding", "\u0000case"]);
  }
  return out;
}

const SPACELESS_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

interface IndexedTerm { topic: Topic; term: string; weak: boolean }

interface TermIndex {
  /** Terms that count anywhere: those in scripts written without spaces, and the empty term. */
  anywhere: IndexedTerm[];
  /** The other terms, by their first UTF-16 unit. */
  byFirst: Map<number, IndexedTerm[]>;
  /** The language's proclitics, tested on the folded text before a position (affixes.ts). */
  proclitic?: RegExp;
}

const indexes = new WeakMap<TopicTerm[], Map<string, TermIndex>>();

// Built once per term list and language: the terms of the language and those of every language
// ("und" takes them all), by first unit.
function indexOf(terms: TopicTerm[], language: string): TermIndex {
  let byLanguage = indexes.get(terms);
  if (!byLanguage) indexes.set(terms, (byLanguage = new Map()));
  let index = byLanguage.get(language);
  if (!index) {
    index = {anywhere: [], byFirst: new Map(), proclitic: affixesFor(language).prefix};
    for (const t of terms) {
      if (t.language && language !== "und" && t.language !== language) continue;
      const weak = t.term.startsWith(WEAK);
      const term = weak ? t.term.slice(WEAK.length).trim() : t.term;
      const entry = {topic: t.topic, term, weak};
      if (term === "" || SPACELESS_START.test(term)) index.anywhere.push(entry);
      else {
        const first = term.charCodeAt(0);
        (index.byFirst.get(first) ?? index.byFirst.set(first, []).get(first)!).push(entry);
      }
    }
    byLanguage.set(language, index);
  }
  return index;
}
