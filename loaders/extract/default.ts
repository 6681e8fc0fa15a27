import {extractDates} from "./dates.ts";
import {extractFigures} from "./figures.ts";
import type {Extractors} from "./index.ts";
import {defaultEntityLexicon, extractMentions} from "./mentions.ts";
import {extractQuotes} from "./quotes.ts";

/** The extractors of this project, with the lexicons in data/lexicon/. */
export function defaultExtractors(): Extractors {
  const entities = defaultEntityLexicon();
  return {
    figures: (p) => extractFigures(p),
    dates: (p) => extractDates(p),
    mentions: (p) => extractMentions(p, entities),
    quotes: (p) => extractQuotes(p, {entities})
  };
}
