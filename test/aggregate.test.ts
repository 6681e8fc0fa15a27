import assert from "node:assert/strict";
import {test} from "node:test";
import {
  MAX_ROWS, SHARD_SIZE, SMALL_CORPUS, articleIndex, claimLists, claimStances, corpusFileNames, corpusSummary, glossedRows,
  groupBy, hostsByArticles, monthOf, SHARDS_PER_ARCHIVE, shardArchiveCount, shardCount, shardFile, shardOf, shardRows, topicCounts
} from "../loaders/aggregate.ts";
// @ts-expect-error: plain JavaScript shared with the pages
import {shardFile as browserShardFile, shardOf as browserShardOf} from "../src/components/corpusFiles.js";

const articles = [
  {article_id: "a", title: "Alpha", outlet: "Der Bote", language: "de", published: "2025-03-19", translated_from: "", words: "100", passages: "3", removed: "1"},
  {article_id: "b", title: "Beta", outlet: "", language: "ms", published: "2025-03", translated_from: "en", words: "50", passages: "2", removed: "0"},
  {article_id: "c", title: "Gamma", outlet: "Der Bote", language: "de", published: "", translated_from: "", words: "10", passages: "1", removed: "0"}
];
const passages = [
  {article_id: "a", passage: "1", topics: "licensing;capex"},
  {article_id: "a", passage: "2", topics: "capex"},
  {article_id: "a", passage: "3", topics: ""},
  {article_id: "b", passage: "1", topics: "seeding"},
  {article_id: "b", passage: "2", topics: "seeding;licensing"},
  {article_id: "c", passage: "1", topics: ""}
];
const claims = [
  {claim_id: "x", article_id: "a", stance: "states", value: "65", passage: "2"},
  {claim_id: "x", article_id: "b", stance: "differs", value: "80", passage: "1"},
  {claim_id: "x", article_id: "c", stance: "silent", value: "", passage: ""},
  {claim_id: "y", article_id: "a", stance: "states", value: "", passage: "1"}
];
const mentions = [
  {article_id: "a", kind: "host", entity: "AWS"},
  {article_id: "a", kind: "host", entity: "AWS"},
  {article_id: "b", kind: "host", entity: "AWS"},
  {article_id: "b", kind: "host", entity: "Azure"},
  {article_id: "c", kind: "person", entity: "Mark Zuckerberg"}
];

test("topic counts: passages per topic per article", () => {
  const t = topicCounts(passages);
  assert.deepEqual(t.get("a"), {licensing: 1, "revenue-sharing": 0, seeding: 0, capex: 2});
  assert.deepEqual(t.get("b"), {licensing: 1, "revenue-sharing": 0, seeding: 2, capex: 0});
  assert.deepEqual(t.get("c"), {licensing: 0, "revenue-sharing": 0, seeding: 0, capex: 0});
});

test("article index: one short row per article, with its shard and topic counts", () => {
  const index = articleIndex(articles, passages);
  assert.equal(index.length, 3);
  assert.deepEqual({...index[0]}, {article_id: "a", title: "Alpha", outlet: "Der Bote", language: "de", published: "2025-03-19", translated_from: "", words: 100, passages: 3, removed: 1, shard: 0, licensing: 1, "revenue-sharing": 0, seeding: 0, capex: 2});
});

test("months: YYYY-MM, the year alone when that is all, empty when no date", () => {
  assert.equal(monthOf("2025-03-19"), "2025-03");
  assert.equal(monthOf("2025-03"), "2025-03");
  assert.equal(monthOf("2024"), "2024");
  assert.equal(monthOf(""), "");
  assert.equal(monthOf(null), "");
});

test("groups by language, outlet and month, with articles and passages per topic", () => {
  const index = articleIndex(articles, passages);
  const byLanguage = groupBy(index, "language");
  assert.deepEqual(byLanguage.map((g) => [g.value, g.articles, g.words]), [["de", 2, 110], ["ms", 1, 50]]);
  assert.deepEqual(byLanguage[0].topics.capex, {articles: 1, passages: 2});
  assert.deepEqual(groupBy(index, "outlet").map((g) => [g.value, g.articles]), [["Der Bote", 2], ["", 1]]);
  // Months in calendar order, "no date" last.
  assert.deepEqual(groupBy(index, "month").map((g) => [g.value, g.articles]), [["2025-03", 2], ["", 1]]);
});

test("claims by stance: an article without a row counts as silent", () => {
  assert.deepEqual(claimStances(claims, 3, ["x", "y", "z"]), [
    {claim_id: "x", states: 1, differs: 1, silent: 1},
    {claim_id: "y", states: 1, differs: 0, silent: 2},
    {claim_id: "z", states: 0, differs: 0, silent: 3}
  ]);
  const lists = claimLists(claims, articleIndex(articles, passages));
  assert.deepEqual(lists.get("x")!.map((r) => [r.article_id, r.title, r.stance, r.value]), [["a", "Alpha", "states", "65"], ["b", "Beta", "differs", "80"]]);
});

test("hosts by the number of articles naming them", () => {
  assert.deepEqual(hostsByArticles(mentions), [{host: "AWS", articles: 2}, {host: "Azure", articles: 1}]);
});

test("shards: every article in exactly one, the same in Node and in the browser", () => {
  assert.equal(shardCount(0), 1);
  assert.equal(shardCount(SHARD_SIZE), 1);
  assert.equal(shardCount(SHARD_SIZE + 1), 2);
  const ids = Array.from({length: 1000}, (_, i) => `syn-${String(i).padStart(4, "0")}-de`).concat(["de-llama-finances", "ms-techcrunch-translation", "ü-日本"]);
  const count = shardCount(ids.length);
  for (const id of ids) assert.equal(shardOf(id, count), browserShardOf(id, count), id);
  // And the shard's file, in the folder of its archive: SHARDS_PER_ARCHIVE shards in each.
  for (const n of [0, 1, SHARDS_PER_ARCHIVE - 1, SHARDS_PER_ARCHIVE, 399]) assert.equal(browserShardFile(n), shardFile(n), String(n));
  assert.equal(shardFile(SHARDS_PER_ARCHIVE - 1), `shards-0/shard-${SHARDS_PER_ARCHIVE - 1}.json`);
  assert.equal(shardFile(SHARDS_PER_ARCHIVE), `shards-1/shard-${SHARDS_PER_ARCHIVE}.json`);
  assert.equal(shardArchiveCount(SHARDS_PER_ARCHIVE), 1);
  assert.equal(shardArchiveCount(SHARDS_PER_ARCHIVE + 1), 2);
  const rows = shardRows({passages: ids.map((article_id) => ({article_id}))}, count);
  assert.equal(rows.length, count);
  assert.equal(rows.reduce((n, s) => n + s.passages.length, 0), ids.length);
  // The hash spreads articles: no shard holds more than three times its share.
  assert.ok(Math.max(...rows.map((s) => s.passages.length)) <= 3 * SHARD_SIZE);
  rows.forEach((s, i) => s.passages.forEach((r) => assert.equal(shardOf(String(r.article_id), count), i)));
});

test("summary: small corpora list every article; large ones cap the labelled rows", () => {
  const small = corpusSummary({articles, passages, claims, mentions}, ["x", "y"]);
  assert.equal(small.small, true);
  assert.equal(small.list.length, 3);
  assert.equal(small.articles, 3);
  assert.equal(small.words, 160);
  assert.deepEqual(small.topics.find((t) => t.topic === "seeding"), {topic: "seeding", articles: 1, passages: 2});
  const many = Array.from({length: 300}, (_, i) => ({article_id: `s${i}`, title: `T${i}`, outlet: `Outlet ${i % 120}`, language: "de", published: `20${10 + (i % 15)}-${String(1 + (i % 12)).padStart(2, "0")}`, words: "1", passages: "0", removed: "0"}));
  const large = corpusSummary({articles: many, passages: [], claims: [], mentions: []}, []);
  assert.equal(large.small, false);
  assert.ok(large.articles > SMALL_CORPUS);
  assert.deepEqual(large.list, []);
  assert.equal(large.outlet.length, MAX_ROWS);
  assert.equal(large.more.outlet, 70);
  assert.ok(large.month.length <= MAX_ROWS);
  // The summary does not grow with the corpus.
  assert.ok(JSON.stringify(large).length < 40_000);
});

test("glossed rows: only the articles the chapters quote", () => {
  const out = glossedRows({passages, claims}, [{article_id: "b"}]);
  assert.deepEqual(out.passages.map((p) => p.article_id), ["b", "b"]);
  assert.deepEqual(out.claims.map((p) => p.article_id), ["b"]);
});

test("file names for dynamicPaths", () => {
  assert.deepEqual(corpusFileNames(30, ["x"]), ["summary.json", "index.csv", "shards-0/shard-0.json", "shards-0/shard-1.json", "claim-x.csv"]);
});
