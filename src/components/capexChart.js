import {Plot, plot} from "./plot.js";
import {textWidth} from "./textFit.js";

const year = (y) => new Date(Date.UTC(y, 0, 1));
const day = (s) => new Date(`${s}T00:00:00Z`);
const bn = (v) => (v >= 10 ? v.toFixed(v % 1 ? 1 : 0) : v.toFixed(2)).replace(/\.0$/, "");

/** FY rows of capex.csv as numbers, in year order. */
export function capexRows(capex) {
  return capex
    .filter((d) => d.period === "FY")
    .map((d) => ({id: d.id, year: +d.year, usd_billions: +d.capex_usd_billions, definition: d.definition, includes_finance_leases: /finance lease/.test(d.definition), confidence: d.confidence}))
    .sort((a, b) => a.year - b.year);
}

/** Guidance statements with a dollar range and a date (not actuals, not qualitative outlooks). */
export function guidanceRows(guidance) {
  return guidance
    .filter((d) => d.stated_on && d.low_usd_billions !== "" && d.low_usd_billions != null && d.kind !== "actual" && d.kind !== "qualitative")
    .map((d) => ({id: d.id, fiscal_year: +d.fiscal_year, stated_on: d.stated_on, event: d.event, kind: d.kind, low: +d.low_usd_billions, high: +d.high_usd_billions, value_text: d.value_text, confidence: d.confidence}))
    .sort((a, b) => a.stated_on.localeCompare(b.stated_on));
}

/**
 * Meta's annual capex as bars spanning each calendar (= fiscal) year, each printing its value,
 * and every guidance range as a vertical interval on the day it was stated, so the guidance for
 * a year can be read against the bar it turned into. Bars before 2019 are hatched and a rule
 * marks the definition change (finance-lease principal payments included from 2019). Each mark
 * links to sources.html#ref-<id>.
 *
 * capexChart({capex, guidance}, {width, from, to, scale: "linear" | "log", showGuidance})
 */
export function capexChart({capex, guidance}, {width, height = 380, from = 2015, to = 2026, scale = "linear", showGuidance = true, ...options} = {}) {
  const bars = capexRows(capex).filter((d) => d.year >= from && d.year <= to);
  const ranges = showGuidance ? guidanceRows(guidance).filter((d) => d.fiscal_year >= from && d.fiscal_year <= to) : [];
  // Label only each year's first range (left of it): later revisions crowd together; their values are in the tooltip and table.
  const firsts = ranges.filter((d, i) => !ranges.slice(0, i).some((p) => p.fiscal_year === d.fiscal_year));
  const log = scale === "log";
  // A log axis has no zero, so a bar's length would depend on where the axis happens to start: on
  // the log scale each year is a mark at its value instead, and the axis starts at the power of ten below the smallest value.
  const smallest = Math.min(...bars.map((d) => d.usd_billions), ...ranges.map((d) => d.low), 10);
  const base = log ? 10 ** Math.floor(Math.log10(smallest)) : 0;
  const yMax = Math.max(10, ...bars.map((d) => d.usd_billions), ...ranges.map((d) => d.high)) * 1.12;
  const x0 = year(Math.min(from, ...ranges.map((d) => day(d.stated_on).getUTCFullYear())));
  const x1 = year(Math.max(to, ...ranges.map((d) => day(d.stated_on).getUTCFullYear())) + 1);
  const span = (+x1 - +x0) / (365.25 * 864e5);
  const narrow = width < 560;
  const href = (d) => `sources.html#ref-${d.id}`;
  const mid = (y) => new Date((+year(y) + +year(y + 1)) / 2);
  const guidanceText = (d) => (narrow ? `FY${String(d.fiscal_year).slice(2)}: ${d.low}–${d.high}` : `FY${d.fiscal_year} guidance ${d.low}–${d.high}`);
  // Labels are placed in pixels so that none covers another label, a bar or a guidance interval:
  // a bar's value goes above the intervals stated during its year, and a guidance label moves
  // up until it is clear of the bars' values it would cover.
  const margin = {top: 28, right: 20, bottom: 30, left: 48};
  const plotHeight = height - margin.top - margin.bottom;
  const px = (date) => margin.left + ((+date - +x0) / (+x1 - +x0)) * (width - margin.left - margin.right);
  const py = (v) => margin.top + plotHeight * (1 - (log ? Math.log(Math.max(v, base) / base) / Math.log(yMax / base) : (v - base) / (yMax - base)));
  const value = (p) => (log ? base * (yMax / base) ** (1 - (p - margin.top) / plotHeight) : base + (1 - (p - margin.top) / plotHeight) * (yMax - base));
  const overlaps = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  const intervals = ranges.map((d) => ({x1: px(day(d.stated_on)) - 4, x2: px(day(d.stated_on)) + 4, y1: py(d.high) - 4, y2: py(d.low) + 4}));
  /** Moves `box` up (smaller y) until it overlaps none of `obstacles`; returns its bottom. */
  const lift = (box, obstacles) => {
    for (let moved = true, n = 0; moved && n < 50; n++) {
      moved = false;
      for (const o of obstacles) {
        if (overlaps(box, o)) {
          const up = box.y2 - (o.y1 - 2);
          box = {...box, y1: box.y1 - up, y2: box.y2 - up};
          moved = true;
        }
      }
    }
    return box.y2;
  };
  const showValues = !(narrow && bars.length > 6);
  const valueLabels = showValues
    ? bars.map((d) => {
        const w = textWidth(bn(d.usd_billions)) + 4;
        const x = px(mid(d.year));
        const bottom = lift({x1: x - w / 2, x2: x + w / 2, y1: py(d.usd_billions) - 15, y2: py(d.usd_billions) - 3}, intervals);
        return {...d, x: mid(d.year), y: value(bottom), box: {x1: x - w / 2, x2: x + w / 2, y1: bottom - 12, y2: bottom}};
      })
    : [];
  const barBoxes = bars.map((d) => ({x1: px(year(d.year)) + 2, x2: px(year(d.year + 1)) - 2, y1: py(d.usd_billions) - (log ? 3 : 0), y2: log ? py(d.usd_billions) + 3 : py(base)}));
  const placed = [];
  const guidanceLabels = firsts.map((d) => {
    const w = textWidth(guidanceText(d), 10, {bold: true});
    const x = px(day(d.stated_on)) - 5;
    const centre = py(d.high) - 2;
    const box = {x1: x - w, x2: x, y1: centre - 7, y2: centre + 7};
    const others = intervals.filter((o) => o.x2 < x - 1 || o.x1 > x + 9); // not its own interval
    const bottom = lift(box, [...valueLabels.map((v) => v.box), ...barBoxes, ...others, ...placed]);
    placed.push({...box, y1: bottom - 14, y2: bottom});
    return {...d, y: value(bottom - 7)};
  });
  return plot({
    width,
    height,
    marginLeft: margin.left,
    marginRight: margin.right,
    marginTop: margin.top,
    marginBottom: margin.bottom,
    x: {type: "utc", domain: [x0, x1], label: null, ticks: span > 8 && narrow ? "2 years" : "year", tickFormat: "%Y"},
    y: {type: log ? "log" : "linear", domain: [base, yMax], label: `↑ US$ billions${log ? " (log scale)" : ""}`, grid: true, ...(log ? {ticks: [0.1, 0.2, 0.3, 0.5, 1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 300, 500].filter((t) => t >= base && t <= yMax), tickFormat: (v) => String(v)} : {})},
    marks: [
      log ? Plot.ruleY(bars, {x1: (d) => new Date(+year(d.year) + 0.1 * 365.25 * 864e5), x2: (d) => new Date(+year(d.year + 1) - 0.1 * 365.25 * 864e5), y: "usd_billions", stroke: "#9aa5b1", strokeWidth: 4, strokeDasharray: (d) => (d.includes_finance_leases ? null : "3,2"), href, title: (d) => `FY${d.year} capex: $${d.usd_billions} bn\n${d.definition}\nconfidence: ${d.confidence}`}) : null,
      log ? null : Plot.rect(bars, {x1: (d) => year(d.year), x2: (d) => year(d.year + 1), y1: base, y2: "usd_billions", inset: 2, fill: "#9aa5b1", fillOpacity: (d) => (d.includes_finance_leases ? 0.8 : 0.35), stroke: "#9aa5b1", href, title: (d) => `FY${d.year} capex: $${d.usd_billions} bn\n${d.definition}\nconfidence: ${d.confidence}`}),
      // Hatching for the old definition, so it does not depend on shade alone.
      log ? null : Plot.ruleX(bars.filter((d) => !d.includes_finance_leases).flatMap((d) => [0.25, 0.5, 0.75].map((f) => ({x: new Date(+year(d.year) + f * (+year(d.year + 1) - +year(d.year))), y2: d.usd_billions}))), {x: "x", y1: base, y2: "y2", stroke: "#9aa5b1", strokeDasharray: "2,2"}),
      Plot.text(valueLabels, {x: "x", y: "y", text: (d) => bn(d.usd_billions), lineAnchor: "bottom", fill: "currentColor", fontSize: 10}),
      from <= 2019 && to >= 2019 ? Plot.ruleX([year(2019)], {stroke: "currentColor", strokeDasharray: "4,3"}) : null,
      from < 2019 && to >= 2019 ? Plot.text([year(2019)], {x: (d) => d, frameAnchor: "top", lineAnchor: "top", dy: 4, dx: -4, textAnchor: "end", text: () => (narrow ? "← old" : "← purchases only"), fill: "currentColor", fontSize: 10}) : null,
      from <= 2019 && to >= 2019 ? Plot.text([year(2019)], {x: (d) => d, frameAnchor: "top", lineAnchor: "top", dy: 4, dx: 4, textAnchor: "start", text: () => (narrow ? "incl. leases →" : "from 2019: incl. finance-lease payments →"), fill: "currentColor", fontSize: 10}) : null,
      Plot.ruleX(ranges, {x: (d) => day(d.stated_on), y1: "low", y2: "high", stroke: "#d95f02", strokeWidth: 3, href, title: (d) => `FY${d.fiscal_year} guidance, ${d.event} (${d.stated_on}): ${d.value_text}\nconfidence: ${d.confidence}`}),
      Plot.dot(ranges.flatMap((d) => [{...d, y: d.low}, {...d, y: d.high}]), {x: (d) => day(d.stated_on), y: "y", symbol: "diamond", r: 3, fill: "#d95f02"}),
      Plot.text(guidanceLabels, {x: (d) => day(d.stated_on), y: "y", text: guidanceText, textAnchor: "end", dx: -5, fill: "#d95f02", fontSize: 10, fontWeight: 600})
    ],
    ...options
  });
}
