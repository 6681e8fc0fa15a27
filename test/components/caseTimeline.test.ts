import {test} from "node:test";
import assert from "node:assert/strict";
import {serialize} from "./dom.ts";
import {assertSnapshot} from "../snapshot.ts";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {caseTimeline, timelineRows, dateSpan} from "../../src/components/caseTimeline.js";

const events = [
  {id: "kadrey-caption", date: "", date_text: "", event: "Case caption", kind: "case-info", is_allegation: "false", after_articles: "", confidence: "seen-verbatim"},
  {id: "kadrey-a", date: "2023-07-07", date_text: "7 Jul 2023", event: "Complaint filed", kind: "filing", is_allegation: "false", after_articles: "false", confidence: "inferred"},
  {id: "kadrey-b", date: "2025-02", date_text: "Feb 2025", event: "Leeching theory", kind: "argument", is_allegation: "true", after_articles: "false", confidence: "seen-verbatim (secondary)"},
  {id: "kadrey-c", date: "2025", date_text: "2025", event: "Deposition", kind: "evidence", is_allegation: "true", after_articles: "", confidence: "seen-verbatim (secondary)"},
  {id: "kadrey-d", date: "2025-06-25", date_text: "25 Jun 2025", event: "Fair use ruling on training", kind: "ruling", is_allegation: "false", after_articles: "true", confidence: "seen-verbatim (secondary)"}
];

test("dateSpan turns partial dates into the span they can mean", () => {
  assert.deepEqual(dateSpan("2025-02"), {start: new Date("2025-02-01T00:00:00Z"), end: new Date("2025-02-28T00:00:00Z"), precision: "month"});
  assert.equal(dateSpan("2025").precision, "year");
  assert.equal(dateSpan("2025-06-25").precision, "day");
  assert.equal(dateSpan(""), null);
});

test("timelineRows keeps dated events in date order, with allegation and after-the-articles flags", () => {
  const rows = timelineRows(events);
  assert.deepEqual(rows.map((r: {id: string}) => r.id), ["kadrey-a", "kadrey-c", "kadrey-b", "kadrey-d"]);
  assert.deepEqual(rows.map((r: {when: string}) => r.when), ["before the articles", "cannot be placed", "before the articles", "after the articles"]);
  assert.equal(rows[2].label, "Feb 2025 [secondary] · Alleged: Leeching theory");
});

test("caseTimeline draws each dated event, linked to its reference row, with its confidence", () => {
  const svg = caseTimeline(events, {width: 800});
  const links = [...svg.querySelectorAll("a")].map((a: Element) => a.getAttribute("href"));
  for (const id of ["kadrey-a", "kadrey-b", "kadrey-c", "kadrey-d"]) assert.ok(links.includes(`sources.html#ref-${id}`), id);
  assert.ok(!links.includes("sources.html#ref-kadrey-caption"));
  const text = svg.textContent ?? "";
  assert.match(text, /Feb 2025 \[secondary\] · Alleged: Leeching theory/);
  assert.match(text, /articles written/);
  assertSnapshot("components/caseTimeline.svg", serialize(svg));
});

test("caseTimeline on a phone wraps long event texts onto more lines instead of cutting them", () => {
  const long = [{...events[1], event: "Proposed class action filed in San Francisco federal court by Richard Kadrey, Christopher Golden and Sarah Silverman"}];
  const svg = caseTimeline(long, {width: 340});
  const label = [...svg.querySelectorAll("a text")].find((t: Element) => /class action/.test(t.textContent ?? ""));
  assert.ok(label);
  const lines = [...label.querySelectorAll("tspan")].map((s) => s.textContent);
  assert.ok(lines.length >= 2, "wrapped");
  assert.equal(lines.join(" "), "7 Jul 2023 [inferred] · Proposed class action filed in San Francisco federal court by Richard Kadrey, Christopher Golden and Sarah Silverman");
  assert.doesNotMatch(svg.textContent ?? "", /…/);
});
