import assert from "node:assert/strict";
import {test} from "node:test";
// @ts-expect-error: plain JavaScript shared with the pages
import {findArticles, inCell, groupLabel} from "../../src/components/corpusOverview.js";

const index = [
  {article_id: "a", title: "Llama 3.1 ist nicht Open Source", outlet: "Der Bote", language: "de", published: "2024-07-23", licensing: 3, capex: 0},
  {article_id: "b", title: "Meta kongsi hasil", outlet: "", language: "ms", published: "2025-03", licensing: 0, capex: 2},
  {article_id: "c", title: "Über die Lizenz", outlet: "Der Bote", language: "de", published: "", licensing: 1, capex: 1}
];

test("the finder matches every word of the query in title, outlet or id, accents folded, and filters", () => {
  assert.deepEqual(findArticles(index, {text: "open llama"}).map((a: {article_id: string}) => a.article_id), ["a"]);
  assert.deepEqual(findArticles(index, {text: "uber"}).map((a: {article_id: string}) => a.article_id), ["c"]);
  assert.deepEqual(findArticles(index, {text: "bote"}).map((a: {article_id: string}) => a.article_id), ["a", "c"]);
  assert.deepEqual(findArticles(index, {language: "de", topic: "capex"}).map((a: {article_id: string}) => a.article_id), ["c"]);
  assert.deepEqual(findArticles(index, {date: "2025"}).map((a: {article_id: string}) => a.article_id), ["b"]);
  assert.equal(findArticles(index, {}).length, 3);
});

test("a grid cell's articles: the group's value, and a passage on the topic when a topic is chosen", () => {
  assert.deepEqual(index.filter((a) => inCell(a, {key: "outlet", value: "Der Bote", topic: "licensing"})).map((a) => a.article_id), ["a", "c"]);
  assert.deepEqual(index.filter((a) => inCell(a, {key: "month", value: "2025-03", topic: null})).map((a) => a.article_id), ["b"]);
  assert.deepEqual(index.filter((a) => inCell(a, {key: "month", value: "", topic: null})).map((a) => a.article_id), ["c"]);
  assert.equal(groupLabel("outlet", ""), "no outlet named");
  assert.equal(groupLabel("month", ""), "no date");
  assert.equal(groupLabel("language", "de"), "German (de)");
});
