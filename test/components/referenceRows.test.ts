import {test} from "node:test";
import assert from "node:assert/strict";
import {serialize} from "./dom.ts";
import {assertSnapshot} from "../snapshot.ts";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {referenceRows, safeUrl} from "../../src/components/referenceRows.js";

const files = [
  {name: "capex", description: "capex", rows: [
    {id: "capex-2024", year: "2024", capex_usd_billions: "39.23", source_title: "Meta Q4 2024", source_url: "https://investor.atmeta.com/x", other_urls: "", excerpt: "Capital expenditures were $39.23 billion", confidence: "seen-verbatim", note: ""}
  ]},
  {name: "not_found", rows: [
    {id: "nf-share", item: "<b>the share</b>", source_title: "", source_url: "", excerpt: "not found", confidence: "not-found", note: "looked in the filing"},
    {id: "nf-bad", item: "x", source_title: "bad", source_url: "javascript:alert(1)", excerpt: "", confidence: "inferred", note: ""}
  ]}
];

test("every reference row has its id anchor, excerpt, source link with rel=noreferrer and a confidence badge", () => {
  const node = referenceRows(files);
  assert.equal(node.querySelectorAll("details").length, 2);
  assert.deepEqual([...node.querySelectorAll("li")].map((li: Element) => li.id), ["ref-capex-2024", "ref-nf-share", "ref-nf-bad"]);
  const link = node.querySelector("#ref-capex-2024 .ref-source a")!;
  assert.equal(link.getAttribute("rel"), "noreferrer");
  assert.equal(link.getAttribute("href"), "https://investor.atmeta.com/x");
  assert.equal(node.querySelector("#ref-capex-2024 .confidence")!.textContent, "seen-verbatim");
  assert.equal(node.querySelector("#ref-nf-share b"), null, "values are text");
  assert.match(node.querySelector("#ref-nf-share")!.textContent!, /none \(not found\)/);
  assert.equal(node.querySelector("#ref-nf-bad .ref-source a")!.getAttribute("href"), "#", "a non-http source is not a live link");
  assertSnapshot("components/referenceRows.html", serialize(node));
});

test("safeUrl keeps http(s) and defuses everything else", () => {
  assert.equal(safeUrl("https://example.org/a?b"), "https://example.org/a?b");
  assert.equal(safeUrl("javascript:alert(1)"), "#");
  assert.equal(safeUrl("not a url"), "#");
});
