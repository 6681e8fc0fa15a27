// The expected results of extraction on the five articles of the corpus (issue: extraction).
import {test} from "node:test";
import assert from "node:assert/strict";
import {compileProject} from "../../loaders/project.ts";

const {tables} = compileProject();
const money = (id: string) => tables.figures.filter((f) => f.article_id === id && f.kind === "money").map((f) => [f.qualifier, f.low, f.high, f.unit]);

test("2025 capex: up to $65bn in the first German article, $60–80bn in three others", () => {
  assert.deepEqual(money("de-llama-finances"), [["up_to", null, 65e9, "USD"]]);
  for (const id of ["de-it-boltwise", "ms-techcrunch-translation", "nl-techcrunch-translation"]) assert.deepEqual(money(id), [["range", 60e9, 80e9, "USD"]], id);
});

test("700 million users in the Llama 3.1 article", () => {
  assert.deepEqual(tables.figures.filter((f) => f.kind === "users").map((f) => [f.article_id, f.low, f.qualifier]), [["de-llama-3-1-launch", 700e6, "at_least"]]);
});

test("all eight hosts in each of the four revenue-sharing articles", () => {
  const eight = ["AWS", "Databricks", "Dell", "Google Cloud", "Groq", "Microsoft Azure", "Nvidia", "Snowflake"];
  for (const id of ["de-llama-finances", "de-it-boltwise", "ms-techcrunch-translation", "nl-techcrunch-translation"]) {
    assert.deepEqual([...new Set(tables.mentions.filter((m) => m.article_id === id && m.kind === "host").map((m) => m.entity))].sort(), eight, id);
  }
  assert.ok(!tables.mentions.some((m) => m.kind === "host" && m.entity === "Microsoft"), "a parent beside a host is not a host");
});

test("quotes in German, Malay and Dutch are attributed to Zuckerberg", () => {
  for (const id of ["de-llama-finances", "ms-techcrunch-translation", "nl-techcrunch-translation", "de-llama-3-1-launch"]) {
    assert.ok(tables.quotes.some((q) => q.article_id === id && q.speaker === "Mark Zuckerberg" && q.text.split(/\s+/).length > 8), id);
  }
  assert.ok(tables.quotes.some((q) => q.text.startsWith("Ein wesentlicher Unterschied zwischen Meta und Anbietern geschlossener Modelle") && q.speaker === "Mark Zuckerberg"));
});

test("'23. Juli 2024' is a full date", () => {
  assert.deepEqual(tables.dates.filter((d) => d.text === "23. Juli 2024").map((d) => [d.article_id, d.date]), [["de-llama-finances", "2024-07-23"]]);
});

test("every extracted span slices its passage", () => {
  const passages = new Map(tables.passages.map((p) => [`${p.article_id}/${p.passage}`, p.text]));
  for (const row of [...tables.figures, ...tables.dates, ...tables.mentions, ...tables.quotes]) {
    assert.equal(passages.get(`${row.article_id}/${row.passage}`)!.slice(row.start, row.end), row.text);
  }
});
