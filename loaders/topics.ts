import type {TopicTerm} from "./lexicon.ts";
import type {Topic} from "./tables.ts";
import {TOPICS} from "./tables.ts";
import {fold} from "./text.ts";

/** Topics of a passage, in the fixed order of TOPICS: a term counts where a word starts (or anywhere in scripts written without spaces). */
export function topicsOf(text: string, terms: TopicTerm[], language = "und"): Topic[] {
  const folded = fold(text);
  const found = new Set<Topic>();
  for (const t of terms) {
    if (found.has(t.topic) || (t.language && language !== "und" && t.language !== language)) continue;
    if (startsWordAt(folded, t.term)) found.add(t.topic);
  }
  return TOPICS.filter((t) => found.has(t));
}

function startsWordAt(text: string, term: string): boolean {
  const spaceless = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u.test(term);
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
    if (spaceless || i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1])) return true;
  }
  return false;
}
