import {test} from "node:test";
import assert from "node:assert/strict";
import {serialize} from "./dom.ts";
import {assertSnapshot} from "../snapshot.ts";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {capexChart, capexRows, guidanceRows} from "../../src/components/capexChart.js";

const capex = [
  {id: "capex-2018", year: "2018", period: "FY", capex_usd_billions: "13.92", definition: "purchases of property and equipment", confidence: "seen-verbatim"},
  {id: "capex-2019", year: "2019", period: "FY", capex_usd_billions: "15.65", definition: "purchases of property and equipment plus principal payments on finance leases", confidence: "seen-verbatim"},
  {id: "capex-2024", year: "2024", period: "FY", capex_usd_billions: "39.23", definition: "purchases of property and equipment plus principal payments on finance leases", confidence: "seen-verbatim (secondary)"},
  {id: "capex-2025", year: "2025", period: "FY", capex_usd_billions: "72.22", definition: "purchases of property and equipment plus principal payments on finance leases", confidence: "seen-verbatim (secondary)"},
  {id: "capex-2025-q4", year: "2025", period: "Q4", capex_usd_billions: "22.14", definition: "", confidence: "seen-verbatim (secondary)"}
];
const guidance = [
  {id: "guidance-2025-2025-01-29", fiscal_year: "2025", stated_on: "2025-01-29", event: "Q4 2024 release", kind: "initial", low_usd_billions: "60", high_usd_billions: "65", value_text: "$60-65 billion", confidence: "seen-verbatim (secondary)"},
  {id: "guidance-2025-2025-04-30", fiscal_year: "2025", stated_on: "2025-04-30", event: "Q1 2025 release", kind: "raised", low_usd_billions: "64", high_usd_billions: "72", value_text: "$64-72 billion", confidence: "seen-verbatim (secondary)"},
  {id: "guidance-2025-actual", fiscal_year: "2025", stated_on: "2026-01-28", event: "actual", kind: "actual", low_usd_billions: "72.22", high_usd_billions: "72.22", value_text: "$72.22B", confidence: "seen-verbatim (secondary)"},
  {id: "guidance-2026-2025-10-29", fiscal_year: "2026", stated_on: "2025-10-29", event: "CFO outlook", kind: "qualitative", low_usd_billions: "", high_usd_billions: "", value_text: "notably larger", confidence: "seen-verbatim (secondary)"},
  {id: "guidance-2026-2026-01-28", fiscal_year: "2026", stated_on: "2026-01-28", event: "Q4 2025 release", kind: "initial", low_usd_billions: "115", high_usd_billions: "135", value_text: "$115 billion to $135 billion", confidence: "seen-verbatim (secondary)"}
];

test("capexRows keeps fiscal years; guidanceRows keeps dated ranges, not actuals or qualitative outlooks", () => {
  assert.deepEqual(capexRows(capex).map((d: {year: number}) => d.year), [2018, 2019, 2024, 2025]);
  assert.deepEqual(guidanceRows(guidance).map((d: {id: string}) => d.id), ["guidance-2025-2025-01-29", "guidance-2025-2025-04-30", "guidance-2026-2026-01-28"]);
});

test("capexChart draws a bar per year and an interval per guidance statement, each linked to its row", () => {
  const svg = capexChart({capex, guidance}, {width: 720});
  const links = [...svg.querySelectorAll("a")].map((a: Element) => a.getAttribute("href"));
  for (const id of ["capex-2018", "capex-2025", "guidance-2025-2025-01-29", "guidance-2026-2026-01-28"]) assert.ok(links.includes(`sources.html#ref-${id}`), id);
  const text = svg.textContent ?? "";
  assert.match(text, /72\.2/);
  assert.match(text, /FY2025 guidance 60–65/);
  assert.match(text, /finance-lease/);
  assertSnapshot("components/capexChart.svg", serialize(svg));
});

test("capexChart responds to its inputs: year range, guidance off, log scale", () => {
  const base = serialize(capexChart({capex, guidance}, {width: 720}));
  const noGuidance = capexChart({capex, guidance}, {width: 720, showGuidance: false});
  assert.doesNotMatch(noGuidance.textContent ?? "", /FY2025 guidance/);
  const range = capexChart({capex, guidance}, {width: 720, from: 2024, to: 2025});
  assert.ok(![...range.querySelectorAll("a")].some((a: Element) => a.getAttribute("href") === "sources.html#ref-capex-2018"));
  const log = serialize(capexChart({capex, guidance}, {width: 720, scale: "log"}));
  assert.notEqual(log, base);
  assert.match(log, /log scale/);
});

test("on the log scale capex is a mark at each year's value, not a bar from an arbitrary floor, with ticks in billions", () => {
  const svg = capexChart({capex, guidance}, {width: 720, scale: "log"});
  const rects = svg.querySelectorAll("[aria-label='rect'] rect");
  assert.equal(rects.length, 0, "no bars on a log axis");
  const ticks = [...svg.querySelectorAll("[aria-label='y-axis tick label'] text")].map((t) => t.textContent ?? "");
  for (const t of ticks) assert.match(t, /^[\d.]+$/, `tick "${t}"`);
  assert.ok(ticks.length >= 3);
});
