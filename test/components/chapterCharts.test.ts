// Snapshot tests for the licence and revenue-sharing chapters' charts: mauChart, hostMatrix,
// revenueChart and sensitivityChart, each drawn from small fixed inputs.
import {test} from "node:test";
import assert from "node:assert/strict";
import {serialize} from "./dom.ts";
import {assertSnapshot} from "../snapshot.ts";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {mauChart} from "../../src/components/mauChart.js";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {hostMatrix} from "../../src/components/hostMatrix.js";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {revenueChart} from "../../src/components/revenueChart.js";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {sensitivityChart} from "../../src/components/sensitivityChart.js";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {sensitivityGrid, nearestCell} from "../../src/components/scenarioPrices.js";

const texts = (svg: Element, selector = "[aria-label='text'] text") => {
  assert.doesNotMatch(svg.outerHTML, /NaN/, "no NaN in the drawing");
  return [...svg.querySelectorAll(selector)].map((t) => t.textContent);
};

const mau = [
  {id: "mau-a-2024-04", service: "Alpha", monthly_active_users: "900000000", qualifier: "about", as_of: "2024-04", confidence: "seen-verbatim"},
  {id: "mau-a-2024-07", service: "Alpha", monthly_active_users: "950000000", qualifier: "exact", as_of: "2024-07", confidence: "seen-verbatim"},
  {id: "mau-b-2024-q2", service: "Beta", monthly_active_users: "522000000", qualifier: "exact", as_of: "2024-Q2", confidence: "inferred"},
  {id: "mau-c-2021", service: "Gamma", monthly_active_users: "1000000000", qualifier: "more than", as_of: "2021-09-27", confidence: "seen-verbatim"}
];
const clauses = [
  {version: "Llama 3", release_date: "2024-04-18", test_month: "2024-03", has_mau_clause: "true"},
  {version: "Llama 3.1", release_date: "2024-07-23", test_month: "2024-06", has_mau_clause: "true"},
  {version: "LLaMA 1", release_date: "2023-02", has_mau_clause: "false"}
];

test("mauChart names the selected version, the 700M line, each service, and the counts from before 2023", () => {
  const svg = mauChart(mau, {width: 640, clauses, version: "Llama 3.1", service: "Alpha"});
  const t = texts(svg);
  assert.ok(t.includes("Llama 3.1"), "selected version named in full");
  assert.ok(t.includes("3"), "other version named short");
  assert.ok(t.some((s) => /^700M/.test(s!)), "threshold labelled");
  assert.ok(t.includes("Alpha") && t.includes("Beta"));
  assert.ok(t.includes("950M") && t.includes("900M"), "highlighted service's values printed");
  assert.ok(t.some((s) => /^◀ Gamma >1B/.test(s!)), "old count on the left edge, with its date");
  assert.equal(svg.querySelectorAll("[aria-label='arrow'] path").length, 1, "arrow from the count used to the test month");
  assertSnapshot("components/mauChart.svg", serialize(svg));
});

test("mauChart draws a typed number as a labelled star at the test month", () => {
  const svg = mauChart(mau, {width: 380, clauses, version: "Llama 3", users: 650e6});
  assert.ok(texts(svg).includes("your service: 650M"));
  assertSnapshot("components/mauChart-own-narrow.svg", serialize(svg));
});

test("hostMatrix prints the passage where a host is named and a dash where it is not, and links named cells", () => {
  const mentions = [
    {article_id: "a", passage: "3", entity: "AWS", kind: "host", text: "AWS"},
    {article_id: "a", passage: "3", entity: "Groq", kind: "host", text: "Groq"},
    {article_id: "b", passage: "7", entity: "AWS", kind: "host", text: "AWS (Amazon Web Services)"},
    {article_id: "b", passage: "2", entity: "Mark Zuckerberg", kind: "person", text: "Zuckerberg"}
  ];
  const svg = hostMatrix(mentions, {width: 640, articles: [{article_id: "a", label: "Article A (de)"}, {article_id: "b", label: "Article B (ms)"}]});
  assert.deepEqual(texts(svg), ["¶3", "¶3", "¶7", "–"]);
  const links = [...svg.querySelectorAll("a")].map((a) => a.getAttribute("href"));
  assert.deepEqual(links, ["sources.html#p-a-3", "sources.html#p-a-3", "sources.html#p-b-7"]);
  assertSnapshot("components/hostMatrix.svg", serialize(svg));
});

test("revenueChart prints the scenario band and the capex on one axis, log or linear", () => {
  const rows = [
    {label: "Meta's share (your scenario)", kind: "scenario", low: 594000, mid: 1485000, high: 2376000},
    {label: "Meta's 2025 capex (actual)", kind: "capex", low: 72.22e9, mid: 72.22e9, high: 72.22e9}
  ];
  const log = revenueChart(rows, {width: 640, scale: "log"});
  assert.ok(texts(log).includes("$594K – $2.4M (mid $1.5M)"));
  assert.ok(texts(log).includes("$72B"));
  assertSnapshot("components/revenueChart-log.svg", serialize(log));
  const linear = revenueChart(rows, {width: 380, scale: "linear"});
  assert.notEqual(serialize(linear), serialize(log));
  assertSnapshot("components/revenueChart-linear-narrow.svg", serialize(linear));
});

test("sensitivityChart prints every cell's amount and marks the reader's cell and the ≥1% of capex cells", () => {
  const grid = sensitivityGrid({pricePerMillion: 1, capex: 72.22e9});
  const svg = sensitivityChart(grid, {width: 640, here: nearestCell({tokensPerMonth: 1e12, share: 0.125}), capex: 72.22e9});
  const t = texts(svg);
  assert.ok(t.includes("$1.2M"), "1 trillion × $1 × 10% × 12");
  assert.ok(t.includes("≈ you"), "a 12.5% midpoint is not the 10% cell: the mark says it is only the nearest");
  assert.ok(!t.includes("▲ you"));
  assert.ok(texts(sensitivityChart(grid, {width: 640, here: {tokensPerMonth: 1e12, share: 0.1, exact: true}, capex: 72.22e9})).includes("▲ you"));
  assert.equal(t.filter((s) => s === "≥1% capex").length, grid.filter((d: {ofCapex: number}) => d.ofCapex >= 0.01).length);
  assertSnapshot("components/sensitivityChart.svg", serialize(svg));
});

test("sensitivityChart on a phone keeps all seven share columns, its amounts sized to fit the cells", () => {
  const grid = sensitivityGrid({pricePerMillion: 1, capex: 72.22e9});
  const svg = sensitivityChart(grid, {width: 340, here: {tokensPerMonth: 1e12, share: 0.3}, capex: 72.22e9});
  const ticks = texts(svg, "[aria-label='x-axis tick label'] text");
  assert.deepEqual(ticks, ["1%", "2%", "5%", "10%", "20%", "30%", "50%"]);
  assert.equal(texts(svg).filter((t) => t?.startsWith("$")).length, grid.length, "every cell prints its amount");
  assertSnapshot("components/sensitivityChart-narrow.svg", serialize(svg));
});

test("mauChart keeps its ring off the ringed service's name and off the y-axis tick labels (real reference data)", async () => {
  const {readFileSync} = await import("node:fs");
  const {csvParse} = await import("d3-dsv");
  const realMau = csvParse(readFileSync(new URL("../../data/reference/mau.csv", import.meta.url), "utf8"));
  const realClauses = csvParse(readFileSync(new URL("../../data/reference/licence_clause.csv", import.meta.url), "utf8"));
  const translate = (el: Element | null) => {
    const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(el?.getAttribute("transform") ?? "");
    return m ? [+m[1], +m[2]] : [0, 0];
  };
  for (const [version, service] of [["Llama 3.1", "X (Twitter)"], ["Llama 3.1", "WeChat/Weixin"], ["Llama 3.1", "TikTok"], ["Llama 4", "Telegram"]]) {
    for (const width of [640, 380]) {
      const svg = mauChart(realMau, {width, clauses: realClauses, version, service});
      const ring = [...svg.querySelectorAll("circle")].find((c) => c.getAttribute("r") === "10")!;
      assert.ok(ring, `${service}: a ring`);
      const [cx, r] = [+ring.getAttribute("cx")! + translate(ring.parentElement)[0], 10];
      const name = [...svg.querySelectorAll("text")].find((t) => t.textContent === service);
      if (name) {
        const [tx, ty] = translate(name);
        const x = tx + translate(name.parentElement)[0];
        const cy = +ring.getAttribute("cy")!;
        if (Math.abs(ty - cy) < r) assert.ok(x >= cx + r, `${service} at ${width}px: the name starts at ${x}, inside the ring (${cx}±${r})`);
      }
      // The y axis is at the left margin: the ring must not reach into the tick labels left of it.
      assert.ok(cx - r >= 48, `${service} at ${width}px: the ring (${cx}±${r}) reaches the y-axis labels`);
    }
  }
});
