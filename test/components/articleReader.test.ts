import {test} from "node:test";
import assert from "node:assert/strict";
import {serialize} from "./dom.ts";
import {assertSnapshot} from "../snapshot.ts";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {articleReader, anchorArticle, readerLegend} from "../../src/components/articleReader.js";

const text1 = "Meta plant 60 bis 80 Milliarden US-Dollar. Zuckerberg sagte: „Open Source gewinnt“.";
const tables = {
  articles: [
    {article_id: "de-a", title: "Ein <i>Artikel</i>", language: "de", outlet: "", published: "2024-07", translated_from: "", passages: 2, removed: 2, file: "de-a.txt"},
    {article_id: "de-a-2", title: "Zweiter", language: "de", outlet: "X", published: "", translated_from: "en", passages: 0, removed: 0, file: "de-a-2.txt"}
  ],
  passages: [
    {article_id: "de-a", passage: 1, kind: "heading", line: 2, text: "Überschrift <script>alert(1)</script>", topics: ""},
    {article_id: "de-a", passage: 2, kind: "paragraph", line: 4, text: text1, topics: "capex;licensing"}
  ],
  removed: [
    {article_id: "de-a", block: 1, line: 1, text: "Startseite › KI", reason: "navigation"},
    {article_id: "de-a", block: 2, line: 6, text: "Newsletter <img src=x onerror=alert(1)>", reason: "newsletter"}
  ],
  sentences: [
    {article_id: "de-a", passage: 2, sentence: 1, text: "Meta plant 60 bis 80 Milliarden US-Dollar.", start: 0, end: 42},
    {article_id: "de-a", passage: 2, sentence: 2, text: "Zuckerberg sagte: „Open Source gewinnt“.", start: 43, end: 84}
  ],
  figures: [{article_id: "de-a", passage: 2, kind: "money", text: "60 bis 80 Milliarden US-Dollar", low: 60e9, high: 80e9, unit: "USD", qualifier: "range", start: 11, end: 41}],
  dates: [],
  mentions: [
    {article_id: "de-a", passage: 2, entity: "Meta", kind: "company", text: "Meta", start: 0, end: 4},
    {article_id: "de-a", passage: 2, entity: "Mark Zuckerberg", kind: "person", text: "Zuckerberg", start: 43, end: 53}
  ],
  quotes: [{article_id: "de-a", passage: 2, text: "Open Source gewinnt", speaker: "Mark Zuckerberg", start: 62, end: 81}],
  glosses: [{article_id: "de-a", passage: 2, sentence: 1, original: "Meta plant 60 bis 80 Milliarden US-Dollar.", gloss: "Meta plans 60 to 80 billion US dollars.", note: ""}]
};

test("the reader shows passages and cut blocks in line order, with ids, topics as words and highlights", () => {
  const reader = articleReader("de-a", tables);
  const blocks = [...reader.querySelectorAll(".reader-blocks > div")].map((d: Element) => d.id);
  assert.deepEqual(blocks, ["cut-de-a-1", "p-de-a-1", "p-de-a-2", "cut-de-a-2"]);
  const p2 = reader.querySelector("#p-de-a-2")!;
  assert.deepEqual([...p2.querySelectorAll(".topic-chip")].map((c: Element) => c.textContent), ["Capex", "Licence"]);
  assert.equal(reader.querySelector("#p-de-a-1 .topic-chip")!.textContent, "no topic");
  assert.deepEqual([...p2.querySelectorAll("mark")].map((m: Element) => [m.getAttribute("data-kind"), m.textContent]), [
    ["name", "Meta"],
    ["figure", "60 bis 80 Milliarden US-Dollar"],
    ["name", "Zuckerberg"],
    ["quote", "Open Source gewinnt"]
  ]);
  assert.equal(reader.querySelector("#cut-de-a-1 s")!.textContent, "Startseite › KI");
  assert.match(reader.querySelector("#cut-de-a-1")!.textContent!, /Cut as boilerplate: navigation/);
  assertSnapshot("components/articleReader.html", serialize(reader));
});

test("a gloss sits right after its sentence, in English, and the passage text is unchanged", () => {
  const p2 = articleReader("de-a", tables).querySelector("#p-de-a-2 .passage-text")!;
  const gloss = p2.querySelector(".gloss")!;
  assert.equal(gloss.getAttribute("lang"), "en");
  assert.match(gloss.textContent!, /Meta plans 60 to 80 billion/);
  assert.equal(p2.getAttribute("lang"), "de");
  const withoutGloss = [...p2.childNodes].filter((n) => !(n as Element).classList?.contains("gloss")).map((n) => n.textContent).join("");
  assert.equal(withoutGloss, text1);
  const nodes = [...p2.childNodes];
  const before = nodes.slice(0, nodes.indexOf(gloss)).map((n) => n.textContent).join("");
  assert.equal(before, "Meta plant 60 bis 80 Milliarden US-Dollar.", "the gloss follows its sentence");
});

test("markup in titles, passages and cut blocks is shown as text", () => {
  const reader = articleReader("de-a", tables);
  assert.equal(reader.querySelector("script, img, i"), null);
  assert.match(reader.textContent!, /<script>alert\(1\)<\/script>/);
  assert.match(reader.textContent!, /onerror=alert\(1\)/);
  assert.match(reader.querySelector(".reader-title")!.textContent!, /<i>Artikel<\/i>/);
});

test("an article with no blocks, and an unknown article, say so", () => {
  assert.match(articleReader("de-a-2", tables).textContent!, /no text blocks/);
  assert.match(articleReader("nope", tables).textContent!, /No article/);
});

test("anchorArticle finds the article of a passage, cut block or article anchor; the longest id wins", () => {
  const ids = ["de-a", "de-a-2"];
  assert.equal(anchorArticle("#p-de-a-3", ids), "de-a");
  assert.equal(anchorArticle("#p-de-a-2-3", ids), "de-a-2");
  assert.equal(anchorArticle("#cut-de-a-2-1", ids), "de-a-2");
  assert.equal(anchorArticle("#article-de-a-2", ids), "de-a-2");
  assert.equal(anchorArticle("#ref-capex-2024", ids), undefined);
  assert.equal(anchorArticle("#p-de-a-x", ids), undefined);
  assert.equal(anchorArticle("", ids), undefined);
  assert.equal(anchorArticle("#%E0%A4%A", ids), undefined, "a malformed escape is ignored");
});

test("the legend names every topic and highlight in words", () => {
  const legend = readerLegend();
  assert.match(legend.textContent!, /Licence.*Revenue sharing.*Seeding allegation.*Capex/);
  assert.deepEqual([...legend.querySelectorAll("mark")].map((m: Element) => m.textContent), ["Figure", "Date", "Name", "Quote"]);
});

test("the reader links the original page from the catalogue, and says so when it was not found or not recorded", () => {
  const one = (url: string | undefined) => {
    const articles = [{...tables.articles[0], url}];
    return articleReader("de-a", {...tables, articles}).querySelector(".reader-meta") as Element;
  };
  const found = one("https://example.org/news/llama.html");
  const link = found.querySelector("a")!;
  assert.equal(link.getAttribute("href"), "https://example.org/news/llama.html");
  assert.equal(link.textContent, "example.org");
  assert.equal(link.getAttribute("rel"), "noreferrer");
  assert.match(one("not found").textContent!, /original page: not found in the stored copies of public pages/);
  assert.match(one("").textContent!, /original page: not recorded/);
  assert.match(one(undefined).textContent!, /original page: not recorded/);
  // A value that is not an http(s) address is never made a link.
  assert.equal(one("javascript:alert(1)").querySelector("a"), null);
});
