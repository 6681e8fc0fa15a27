import {test} from "node:test";
import assert from "node:assert/strict";
import {serialize} from "./dom.ts";
import {assertSnapshot} from "../snapshot.ts";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {claimsMatrix, claimsTable, claimDetail, claimCells} from "../../src/components/claimsMatrix.js";

const articles = [
  {article_id: "a", title: "Ein Artikel", language: "de"},
  {article_id: "b", title: "Satu artikel", language: "ms"},
  {article_id: "c", title: "Een artikel", language: "nl"}
];
// A fixture in the contract's columns: two claims, and one claim × article row missing (b × capex).
const claims = [
  {claim_id: "revenue-share", article_id: "a", stance: "states", value: "Umsatzbeteiligungen", passage: 1, text: "Meta hat <b>Umsatzbeteiligungen</b>."},
  {claim_id: "revenue-share", article_id: "b", stance: "states", value: "pembahagian pendapatan", passage: 2, text: "Meta memperoleh pendapatan."},
  {claim_id: "revenue-share", article_id: "c", stance: "silent", value: "", passage: null, text: ""},
  {claim_id: "capex-2025", article_id: "a", stance: "differs", value: "60000000000-80000000000 USD", passage: 7, text: "60 bis 80 Milliarden US-Dollar"},
  {claim_id: "capex-2025", article_id: "c", stance: "states", value: "65000000000 USD", passage: 4, text: "tot 65 miljard"}
];

test("claimCells gives one cell per claim × article, filling a missing row as silent", () => {
  const cells = claimCells(claims, {articles});
  assert.equal(cells.length, 2 * 3);
  assert.deepEqual(cells.map((c: {stance: string}) => c.stance), ["states", "states", "silent", "differs", "silent", "states"]);
});

test("claimsMatrix draws a cell and a printed symbol per claim × article, and a click reports the cell", () => {
  const chosen: Array<{claim_id: string; article_id: string}> = [];
  const chart = claimsMatrix(claims, {width: 640, articles, onSelect: (c: {claim_id: string; article_id: string}) => chosen.push(c)});
  const rects = chart.querySelectorAll("[aria-label='cell'] rect");
  assert.equal(rects.length, 6);
  const symbols = [...chart.querySelectorAll("[aria-label='text'] text")].map((t: Element) => t.textContent);
  assert.deepEqual(symbols, ["✓", "✓", "–", "≠", "–", "✓"]);
  rects[3].dispatchEvent(new window.Event("click"));
  assert.equal(chosen.length, 1);
  assert.equal(chosen[0].claim_id, "capex-2025");
  assert.equal(chosen[0].article_id, "a");
  assert.equal(rects[3].getAttribute("stroke-width"), "3", "the chosen cell is outlined");
  rects[1].dispatchEvent(new window.KeyboardEvent("keydown", {key: "Enter"}));
  assert.equal(chosen[1].article_id, "b", "Enter on a focused cell chooses it too");
  assert.equal(rects[0].getAttribute("tabindex"), "0");
  assertSnapshot("components/claimsMatrix.svg", serialize(chart));
});

test("an empty claims table gives a message, not a broken chart", () => {
  const node = claimsMatrix([], {width: 640, articles});
  assert.equal(node.tagName, "P");
  assert.match(node.textContent, /No claims/);
});

test("claimDetail shows the passage as text and links to it", () => {
  const cell = claimCells(claims, {articles})[0];
  const div = claimDetail(cell);
  assert.equal(div.querySelector("b"), null, "markup in a passage stays text");
  assert.match(div.textContent, /<b>Umsatzbeteiligungen<\/b>/);
  assert.equal(div.querySelector("a").getAttribute("href"), "#p-a-1");
  assert.match(claimDetail(claimCells(claims, {articles})[2]).textContent, /does not address/);
});

test("claimsTable is the keyboard alternative: a row per claim, links to passages", () => {
  const table = claimsTable(claims, {articles});
  assert.equal(table.querySelectorAll("tbody tr").length, 2);
  assert.deepEqual([...table.querySelectorAll("a")].map((a: Element) => a.getAttribute("href")), ["#p-a-1", "#p-b-2", "#p-a-7", "#p-c-4"]);
  assertSnapshot("components/claimsTable.html", serialize(table));
});

test("claimsMatrix on a phone names each article above its row, and its slanted headings get just the room they need", () => {
  const ids = ["revenue-share", "named-hosts", "capex-2025", "mau-700m", "seeding", "book-volume", "business-model"];
  const chart = claimsMatrix(claims, {width: 340, articles, claimIds: ids});
  const svg = chart.querySelector("svg:last-of-type") ?? chart;
  const texts = [...chart.querySelectorAll("[aria-label='text'] text")].map((t: Element) => t.textContent);
  for (const name of ["Ein Artikel (de)", "Satu artikel (ms)", "Een artikel (nl)"]) assert.ok(texts.includes(name), name);
  assert.equal(chart.querySelector("[aria-label='y-axis tick label']"), null);
  assert.equal(chart.querySelectorAll("[aria-label='cell'] rect").length, ids.length * articles.length);
  const height = Number(svg.getAttribute("height"));
  assert.ok(height < 54 * articles.length + 110, `no blank band above the headings (height ${height})`);
});
