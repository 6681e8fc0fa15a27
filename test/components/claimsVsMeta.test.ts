import {test} from "node:test";
import assert from "node:assert/strict";
import {serialize} from "./dom.ts";
import {assertSnapshot} from "../snapshot.ts";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {capexClaims, claimsVsMeta, verdict, fmt} from "../../src/components/claimsVsMeta.js";

const articles = [
  {article_id: "de-a", title: "Ein Artikel", language: "de"},
  {article_id: "nl-b", title: "Een artikel", language: "nl"}
];
const passages = [
  {article_id: "de-a", passage: "3", topics: "capex"},
  {article_id: "de-a", passage: "4", topics: "revenue-sharing"},
  {article_id: "nl-b", passage: "9", topics: "seeding;capex"}
];
const figures = [
  {article_id: "de-a", passage: "3", kind: "money", text: "bis zu 65 Milliarden US-Dollar", low: "", high: "65000000000", unit: "USD", qualifier: "up_to"},
  {article_id: "de-a", passage: "4", kind: "money", text: "1 Milliarde US-Dollar", low: "1000000000", high: "", unit: "USD", qualifier: "exact"},
  {article_id: "nl-b", passage: "9", kind: "money", text: "$ 60 miljard- $ 80 miljard", low: "60000000000", high: "80000000000", unit: "USD", qualifier: "range"},
  {article_id: "nl-b", passage: "9", kind: "users", text: "700 miljoen", low: "700000000", high: "", unit: "users", qualifier: "exact"}
];
const claims = [{claim_id: "capex-2025", article_id: "nl-b", stance: "differs", value: "60-80", passage: "9", text: ""}];
const guidance = {id: "guidance-2025-2025-01-29", low: 60e9, high: 65e9, label: "Meta's guidance, 29 Jan 2025: $60–65 bn"};
const actual = {id: "capex-2025", value: 72.22e9, label: "Actual FY2025 capex: $72.22 bn"};

test("capexClaims takes USD money figures from capex passages only, with stance and passage link", () => {
  const rows = capexClaims({figures, passages, articles, claims});
  assert.deepEqual(rows.map((r: {text: string}) => r.text), ["bis zu 65 Milliarden US-Dollar", "$ 60 miljard- $ 80 miljard"]);
  assert.deepEqual(rows.map((r: {href: string}) => r.href), ["sources.html#p-de-a-3", "sources.html#p-nl-b-9"]);
  assert.deepEqual(rows.map((r: {stance: string}) => r.stance), ["", "differs"]);
  assert.equal(rows[0].low, null);
  assert.equal(rows[1].high, 80e9);
});

test("verdict compares a figure with the guidance range in words", () => {
  assert.equal(verdict({low: null, high: 65e9, qualifier: "up_to"}, guidance), "gives only the top of Meta's range");
  assert.equal(verdict({low: 60e9, high: 65e9, qualifier: "range"}, guidance), "matches Meta's range");
  assert.equal(verdict({low: 60e9, high: 80e9, qualifier: "range"}, guidance), "differs from Meta's range (top end $80 bn vs $65 bn)");
  assert.equal(fmt(72.22e9), "$72.22 bn");
  assert.equal(fmt(0.6e9), "$600 million");
  assert.equal(fmt(6e5), "$600 thousand");
});

test("claimsVsMeta draws one row per article figure plus Meta's guidance, the actual and the scenario", () => {
  const rows = capexClaims({figures, passages, articles, claims});
  const svg = claimsVsMeta({claims: rows, guidance, actual, scenario: {low: 0.6e9, high: 2.4e9, label: "Revenue-share scenario"}}, {width: 720});
  const links = [...svg.querySelectorAll("a")].map((a: Element) => a.getAttribute("href"));
  for (const href of ["sources.html#p-de-a-3", "sources.html#p-nl-b-9", "sources.html#ref-guidance-2025-2025-01-29", "sources.html#ref-capex-2025"]) assert.ok(links.includes(href), href);
  const text = svg.textContent ?? "";
  assert.match(text, /up to 65/);
  assert.match(text, /60–80/);
  assert.match(text, /72\.22/);
  assert.match(text, /0\.6–2\.4/);
  assert.match(text, /claims table: differs/);
  assertSnapshot("components/claimsVsMeta.svg", serialize(svg));
  assert.notEqual(serialize(claimsVsMeta({claims: rows, guidance, actual}, {width: 720, scale: "log"})), serialize(svg));
});

test("claimsVsMeta on a phone wraps each row's label instead of cutting it, so the quoted figure is always there", () => {
  const long = capexClaims({figures, passages, articles: articles.map((a) => ({...a, title: `${a.title} mit einem sehr langen Titel, der nicht in eine Zeile passt`})), claims});
  const svg = claimsVsMeta({claims: long, guidance, actual, scenario: {low: 0.6e9, high: 2.4e9, label: "Revenue share per year if hosts serve 1 trillion tokens a month at $1/M, Meta's share 5–20% (your assumptions)"}}, {width: 340});
  const labels = [...svg.querySelectorAll("a text")].map((t: Element) => [...t.querySelectorAll("tspan")].map((s) => s.textContent).join(" ") || t.textContent);
  for (const quote of ["“bis zu 65 Milliarden US-Dollar”", "“$ 60 miljard- $ 80 miljard”"]) assert.ok(labels.some((l: string) => l.replace(/\s+/g, " ").includes(quote)), quote);
  assert.ok(labels.some((l: string) => l.includes("$60–65 bn")), "Meta's figure is in its row's label");
  assert.doesNotMatch(svg.outerHTML, /NaN/);
});

test("on a log scale the 'up to' label is whole, the ticks are in billions and no bar runs off the axis", () => {
  const rows = capexClaims({figures, passages, articles, claims});
  for (const width of [640, 360]) {
    const svg = claimsVsMeta({claims: rows, guidance, actual, scenario: {low: 594e3, high: 2.376e6, label: "Scenario"}}, {width, scale: "log"});
    const ticks = [...svg.querySelectorAll("[aria-label='x-axis tick label'] text")].map((t) => t.textContent ?? "");
    assert.ok(ticks.length >= 3, `ticks: ${ticks}`);
    for (const t of ticks) assert.match(t, /^[\d.,]+$/, `tick "${t}" is a number of billions (no SI prefix such as m or µ)`);
    assert.ok(ticks.includes("0.001") && ticks.includes("10"), `ticks: ${ticks}`);
    const upTo = [...svg.querySelectorAll("text")].find((t) => /^up to 65$/.test(t.textContent ?? ""));
    assert.ok(upTo, "the 'up to 65' label is drawn");
    const g = upTo!.parentElement!;
    const anchor = g.getAttribute("text-anchor") ?? "start";
    const x = +(/translate\(([-\d.]+)/.exec(upTo!.getAttribute("transform") ?? "")?.[1] ?? 0) + +(/translate\(([-\d.]+)/.exec(g.getAttribute("transform") ?? "")?.[1] ?? 0);
    const left = anchor === "end" ? x - 60 : x;
    assert.ok(left >= 0, `at ${width}px the 'up to 65' label starts at ${left}, off the chart`);
  }
});
