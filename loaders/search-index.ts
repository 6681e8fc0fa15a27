// Site tooling: what Framework's search (observablehq.config.ts `search.index`) indexes beyond
// the static Markdown: glossary terms and the articles. A small corpus is indexed passage by
// passage, each result opening that passage in the reader. A large one is indexed article by
// article (title, outlet, the opening words): the index is one file that the first search
// downloads whole, and per passage it was 79 MB at 10,000 articles (docs/performance.md).
import {SMALL_CORPUS} from "./aggregate.ts";

export interface SearchDocument { path: string; title: string; text: string; keywords: string }

/** Words of an article's opening indexed per article in a large corpus. */
export const OPENING_WORDS = 30;

// Framework folds accents in page text and queries but indexes only static Markdown; these documents
// add what cells draw (glossary terms, article passages), folded the same way, with ß also as ss.
export function searchFold(text: string): string {
  const folded = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  return (/ß/.test(folded) ? `${folded} ${folded.replace(/ß/g, "ss")}` : folded).replace(/[^\p{L}\p{N}]/gu, " ");
}

// Rows as parseCsv gives them (text cells, and the line number `_line`).
type Row = Readonly<Record<string, string | number>>;
const cell = (row: Row, column: string) => String(row[column] ?? "");

export function* searchDocuments(glossary: readonly Row[], articles: readonly Row[], passages: readonly Row[]): Generator<SearchDocument> {
  for (const row of glossary) {
    yield {path: `/glossary.html#term-${cell(row, "slug")}`, title: `Glossary: ${cell(row, "term")}`, text: searchFold(cell(row, "definition")), keywords: searchFold(cell(row, "term"))};
  }
  const titles = new Map(articles.map((a) => [cell(a, "article_id"), cell(a, "title")]));
  if (articles.length <= SMALL_CORPUS) {
    for (const p of passages) {
      const id = cell(p, "article_id");
      yield {path: `/sources.html#p-${id}-${cell(p, "passage")}`, title: `${titles.get(id)} (passage ${cell(p, "passage")})`, text: searchFold(cell(p, "text")), keywords: searchFold(titles.get(id) ?? "")};
    }
    return;
  }
  const opening = new Map<string, string[]>();
  for (const p of passages) {
    const id = cell(p, "article_id");
    const words = opening.get(id) ?? opening.set(id, []).get(id)!;
    if (words.length < OPENING_WORDS) words.push(...cell(p, "text").split(/\s+/u).filter(Boolean).slice(0, OPENING_WORDS - words.length));
  }
  for (const a of articles) {
    const id = cell(a, "article_id");
    yield {path: `/sources.html#p-${id}-1`, title: cell(a, "title"), text: searchFold((opening.get(id) ?? []).join(" ")), keywords: searchFold([cell(a, "title"), cell(a, "outlet")].filter(Boolean).join(" "))};
  }
}
