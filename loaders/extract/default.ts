import {extractDates} from "./dates.ts";
import {extractFigures} from "./figures.ts";
import type {Extractors} from "./index.ts";
import {defaultEntityLexicon, extractMentions} from "./mentions.ts";
import {extractQuotes} from "./quotes.ts";

/** The extractors of this project, with the lexicons in data/lexicon/. */
export function defaultExtractors(): Extractors {
  const entities = defaultEntityLexicon();
  // Passages of an article come in order; the carry hands a speaker on to the next ones.
  const carry = {article_id: "", passage: 0, speaker: ""};
  return {
    figures: (p) => extractFigures(p),
    dates: (p) => extractDates(p),
    mentions: (p) => extractMentions(p, entities),
    quotes: (p) => extractQuotes(p, {entities, carry})
  };
}
