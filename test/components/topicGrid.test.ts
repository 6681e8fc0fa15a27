import {test} from "node:test";
import assert from "node:assert/strict";
import {serialize} from "./dom.ts";
import {assertSnapshot} from "../snapshot.ts";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {topicGrid} from "../../src/components/topicGrid.js";

const articles = [
  {article_id: "a", title: "Ein Artikel", language: "de"},
  {article_id: "b", title: "Satu artikel", language: "ms"}
];
const passages = [
  {article_id: "a", topics: "licensing;capex"},
  {article_id: "a", topics: "capex"},
  {article_id: "b", topics: "seeding"},
  {article_id: "b", topics: ""}
];

test("topicGrid draws one cell per article and topic, printing each count", () => {
  const svg = topicGrid(passages, {width: 640, articles});
  const texts = [...svg.querySelectorAll("[aria-label='text'] text")].map((t: Element) => t.textContent);
  assert.deepEqual(texts, ["1", "0", "0", "2", "0", "0", "1", "0"]);
  assertSnapshot("components/topicGrid.svg", serialize(svg));
});

test("topicGrid on a phone prints each article's whole name above its row and wraps the column headings", () => {
  const long = [{article_id: "a", title: "Enthüllung der finanziellen Grundlagen von Llama", language: "de"}, articles[1]];
  const svg = topicGrid(passages, {width: 340, articles: long});
  const texts = [...svg.querySelectorAll("[aria-label='text'] text")].map((t: Element) => t.textContent);
  assert.ok(texts.includes("Enthüllung der finanziellen Grundlagen von Llama (de)"), "the name fits the chart's width, so it is whole");
  assert.ok(texts.includes("Satu artikel (ms)"));
  assert.equal(svg.querySelector("[aria-label='y-axis tick label']"), null, "no left margin to cut the names");
  const headings = [...svg.querySelectorAll("[aria-label='x-axis tick label'] text")];
  assert.equal(headings.length, 4);
  assert.ok(headings.some((t: Element) => t.querySelectorAll("tspan").length === 2), "a long heading wraps onto two lines");
});
