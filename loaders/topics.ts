import type {TopicTerm} from "./lexicon.ts";
import type {Topic} from "./tables.ts";
import {TOPICS} from "./tables.ts";
import {fold, isLetterOrDigitUnit} from "./text.ts";

/** Topics of a passage, in the fixed order of TOPICS: a term counts where a word starts (or anywhere in scripts written without spaces). */
export function topicsOf(text: string, terms: TopicTerm[], language = "und"): Topic[] {
  const folded = fold(text);
  const found = new Set<Topic>();
  const applies = (t: TopicTerm) => !found.has(t.topic) && !(t.language && language !== "und" && t.language !== language);
  if (SURROGATE.test(folded)) {
    for (const t of terms) if (applies(t) && startsWordAt(folded, t.term)) found.add(t.topic);
  } else {
    // The same answer with one pass over the text instead of one search per term: without
    // surrogates each UTF-16 unit is a character, so the word starts (the start, and every
    // position after a character that is not a letter or digit) are found unit by unit, and
    // only the terms beginning with the character there are compared.
    const index = indexOf(terms);
    for (const t of index.anywhere) if (applies(t) && (t.term === "" || folded.includes(t.term))) found.add(t.topic);
    let wordBefore = false;
    for (let i = 0; i < folded.length; ++i) {
      const c = folded.charCodeAt(i);
      if (!wordBefore) {
        const candidates = index.byFirst.get(c);
        if (candidates) for (const t of candidates) if (applies(t) && folded.startsWith(t.term, i)) found.add(t.topic);
      }
      wordBefore = isLetterOrDigitUnit(c);
    }
  }
  return TOPICS.filter((t) => found.has(t));
}

const SURROGATE = /[\uD800-\uDFFF]/;

const SPACELESS_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

interface TermIndex {
  /** Terms that count anywhere: those in scripts written without spaces, and the empty term. */
  anywhere: TopicTerm[];
  /** The other terms, by their first UTF-16 unit. */
  byFirst: Map<number, TopicTerm[]>;
}

const indexes = new WeakMap<TopicTerm[], TermIndex>();

function indexOf(terms: TopicTerm[]): TermIndex {
  let index = indexes.get(terms);
  if (!index) {
    index = {anywhere: [], byFirst: new Map()};
    for (const t of terms) {
      if (t.term === "" || SPACELESS_START.test(t.term)) index.anywhere.push(t);
      else {
        const first = t.term.charCodeAt(0);
        (index.byFirst.get(first) ?? index.byFirst.set(first, []).get(first)!).push(t);
      }
    }
    indexes.set(terms, index);
  }
  return index;
}

function startsWordAt(text: string, term: string): boolean {
  const spaceless = SPACELESS_START.test(term);
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
    if (spaceless || i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1])) return true;
  }
  return false;
}
