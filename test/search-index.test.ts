import assert from "node:assert/strict";
import test from "node:test";
import {SMALL_CORPUS} from "../loaders/aggregate.ts";
import {OPENING_WORDS, searchDocuments, searchFold} from "../loaders/search-index.ts";

const glossary = [{term: "Open weights", slug: "open-weights", definition: "Weights anyone may download."}];
const corpus = (n: number) => {
  const articles = Array.from({length: n}, (_, i) => ({article_id: `a${i}`, title: `Titel ${i}`, outlet: `Blatt ${i % 3}`}));
  const passages = articles.flatMap((a) => [1, 2].map((p) => ({article_id: a.article_id, passage: String(p), text: `${"Wort ".repeat(OPENING_WORDS)}Ende ${a.article_id} ${p}`})));
  return {articles, passages};
};

test("search: a small corpus is indexed passage by passage, each opening its passage", () => {
  const {articles, passages} = corpus(SMALL_CORPUS);
  const docs = [...searchDocuments(glossary, articles, passages)];
  assert.equal(docs.length, 1 + passages.length);
  assert.deepEqual(docs[0], {path: "/glossary.html#term-open-weights", title: "Glossary: Open weights", text: "Weights anyone may download ", keywords: "Open weights"});
  assert.deepEqual(docs[2], {path: "/sources.html#p-a0-2", title: "Titel 0 (passage 2)", text: `${"Wort ".repeat(OPENING_WORDS)}Ende a0 2`, keywords: "Titel 0"});
});

test("search: a large corpus is indexed article by article, with its opening words only", () => {
  const {articles, passages} = corpus(SMALL_CORPUS + 1);
  const docs = [...searchDocuments(glossary, articles, passages)];
  assert.equal(docs.length, 1 + articles.length);
  const last = docs.at(-1)!;
  assert.equal(last.path, `/sources.html#p-a${SMALL_CORPUS}-1`);
  assert.equal(last.title, `Titel ${SMALL_CORPUS}`);
  assert.equal(last.keywords, `Titel ${SMALL_CORPUS} Blatt ${SMALL_CORPUS % 3}`);
  assert.equal(last.text.split(" ").length, OPENING_WORDS);
  assert.doesNotMatch(last.text, /Ende/);
});

test("search: accents folded, ß also as ss, punctuation as spaces", () => {
  assert.equal(searchFold("Größe: café!"), "Große  cafe  Grosse  cafe ");
});
