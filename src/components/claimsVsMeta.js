import {Plot, plot} from "./plot.js";
import {wrapLines, textWidth} from "./textFit.js";

/** The claim id the claims table uses for Meta's 2025 capex guidance. */
export const CAPEX_CLAIM = "capex-2025";

/**
 * Every capex figure the articles give, from the figures table: money in USD in a passage whose
 * topics include capex, so a new article lands here without any change to the page. The claims
 * table's stance for `claimId` is attached where it has a row for that article. Amounts stay in
 * dollars (low may be empty for "up to").
 */
export function capexClaims({figures, passages, articles = [], claims = []}, {claimId = CAPEX_CLAIM} = {}) {
  const capexPassages = new Set(passages.filter((p) => String(p.topics ?? "").split(";").includes("capex")).map((p) => `${p.article_id}/${p.passage}`));
  const title = new Map(articles.map((a) => [a.article_id, a]));
  const stance = new Map(claims.filter((c) => c.claim_id === claimId).map((c) => [c.article_id, c]));
  const num = (v) => (v === "" || v == null || Number.isNaN(+v) ? null : +v);
  return figures
    .filter((f) => f.kind === "money" && f.unit === "USD" && capexPassages.has(`${f.article_id}/${f.passage}`))
    .map((f) => ({
      article_id: f.article_id,
      passage: +f.passage,
      language: title.get(f.article_id)?.language ?? "",
      title: title.get(f.article_id)?.title || f.article_id,
      text: f.text,
      qualifier: f.qualifier,
      low: num(f.low),
      high: num(f.high),
      stance: stance.get(f.article_id)?.stance ?? "",
      href: `sources.html#p-${f.article_id}-${f.passage}`
    }))
    .sort((a, b) => a.article_id.localeCompare(b.article_id) || a.passage - b.passage);
}

/** How a figure (dollars) compares with a guidance range (dollars), in words. */
export function verdict({low, high, qualifier}, guidance) {
  if (qualifier === "up_to") return high === guidance.high ? "gives only the top of Meta's range" : high > guidance.high ? "a ceiling above Meta's range" : "a ceiling below Meta's range";
  const l = low ?? high, h = high ?? low;
  if (l === guidance.low && h === guidance.high) return "matches Meta's range";
  if (l >= guidance.low && h <= guidance.high) return "inside Meta's range";
  return `differs from Meta's range${h > guidance.high ? ` (top end ${fmt(h)} vs ${fmt(guidance.high)})` : ""}`;
}

/** $60 bn, $72.22 bn, $1.5 bn, $600 thousand, $2.4 million. */
export function fmt(dollars) {
  const b = dollars / 1e9;
  if (b >= 1) return `$${b >= 10 ? +b.toFixed(2) : +b.toPrecision(3)} bn`;
  if (dollars >= 1e6) return `$${+(dollars / 1e6).toPrecision(3)} million`;
  if (dollars >= 1e3) return `$${+(dollars / 1e3).toPrecision(3)} thousand`;
  return `$${+dollars.toPrecision(3)}`;
}

/** Values in billions as a short label in one unit, chosen by the largest: "60–80", "0.6–2.4 million". */
function short(...values) {
  const top = Math.max(...values);
  const [k, unit] = top >= 1 ? [1, ""] : top >= 0.001 ? [1e3, " million"] : [1e6, " thousand"];
  return values.map((v) => `${+(v * k).toPrecision(4)}`).join("–") + unit;
}

const billions = (v) => (v == null ? null : v / 1e9);

/** A log axis in billions that reaches down to thousands of dollars: 100 → "100", 0.5 → "0.5", 0.001 → "0.001" (never SI's "1m", a thousandth). */
function powersOfTen(lo, hi) {
  const out = [];
  for (let e = Math.ceil(Math.log10(lo)); 10 ** e <= hi; e++) out.push(10 ** e);
  return out;
}

export function billionTick(v) {
  return (+v.toPrecision(6)).toLocaleString("en-US", {maximumFractionDigits: 9});
}

/**
 * One line per statement about Meta's 2025 capex, in US$ billions: each article's figure (a
 * range bar, or for "up to" a dashed bar ending in a tick), Meta's guidance when the articles
 * were written, the actual, and optionally the reader's revenue-share scenario as a yearly
 * range. Rows are labelled in words (source, figure and verdict); colour only repeats that.
 * Article rows link to their passage, Meta rows to their reference row.
 *
 * claimsVsMeta({claims, guidance: {id, low, high, label}, actual: {id, value, label}, scenario?: {low, high, label}}, {width, scale})
 * (all amounts in dollars)
 */
export function claimsVsMeta({claims, guidance, actual, scenario}, {width = 640, scale = "linear", ...options} = {}) {
  const rows = [
    ...claims.map((c) => ({
      key: `${c.article_id} ¶${c.passage}`,
      who: "article",
      label: `${c.title.length > 42 ? c.title.slice(0, 40) + "…" : c.title} (${c.language}): “${c.text}”`,
      low: billions(c.qualifier === "up_to" ? null : c.low ?? c.high),
      high: billions(c.high ?? c.low),
      upTo: c.qualifier === "up_to",
      note: `${verdict(c, guidance)}${c.stance ? ` · claims table: ${c.stance}` : ""}`,
      href: c.href
    })),
    guidance && {key: "guidance", who: "Meta", label: guidance.label, low: billions(guidance.low), high: billions(guidance.high), note: "Meta's guidance", href: `sources.html#ref-${guidance.id}`},
    actual && {key: "actual", who: "Meta", label: actual.label, low: billions(actual.value), high: billions(actual.value), note: "what Meta spent", href: `sources.html#ref-${actual.id}`},
    scenario && {key: "scenario", who: "scenario", label: scenario.label, low: billions(scenario.low), high: billions(scenario.high), note: "your assumptions, per year", href: null}
  ].filter(Boolean);
  const log = scale === "log";
  const all = rows.flatMap((r) => [r.low, r.high]).filter((v) => v != null && v > 0);
  const xMax = Math.max(...all, 1) * 1.15;
  // On a log axis the floor is the power of ten below the smallest value, so every bar and its label fit.
  const xMin = log ? 10 ** Math.floor(Math.log10(Math.min(10, ...all) / 2)) : 0;
  const start = (r) => (r.upTo ? xMin : r.low);
  const colour = {article: "#4269d0", Meta: "#d95f02", scenario: "#3ca951"};
  const narrow = width < 640;
  const value = (r) => (r.upTo ? `up to ${short(r.high)}` : r.low === r.high ? short(r.high) : short(r.low, r.high));
  // Values sit right of the bar, or left of it when the bar ends near the right edge.
  const at = (v) => (log ? Math.log(v / xMin) / Math.log(xMax / xMin) : v / xMax);
  const nearRight = (r) => at(r.high) > 0.8;
  // Left of its bar there must be room for the value, else (an "up to" bar starting at the axis) it goes inside the bar's end, above it.
  const roomLeft = (r) => at(start(r)) * (width - 24) > textWidth(value(r), 11, {bold: true}) + 8;
  // Each row, top to bottom (y in pixels): the label (who says what, with the quoted figure)
  // wrapped onto as many lines as it needs, so the figure is never cut off; the bar; the note.
  const marginLeft = 12, marginRight = 12, marginTop = 10, lineHeight = 1.2, fontSize = 10;
  const room = width - marginLeft - marginRight - 4;
  let y = marginTop;
  const laid = rows.map((r) => {
    const label = wrapLines(r.label, room, fontSize, {bold: true, maxLines: narrow ? 4 : 2});
    const note = wrapLines(r.note, room, fontSize, {maxLines: 2});
    const top = y;
    const bar = top + label.length * fontSize * lineHeight + 12;
    const noteTop = bar + 12;
    y = noteTop + note.length * fontSize * lineHeight + (narrow ? 14 : 12);
    return {...r, labelText: label.join("\n"), noteText: note.join("\n"), top, bar, noteTop};
  });
  const marginBottom = 34;
  const ends = (key) => laid.flatMap((r) => (key === "low" && r.upTo ? [] : [{...r, x: r[key], y1: r.bar - 7, y2: r.bar + 7}]));
  return plot({
    width,
    height: y + marginBottom,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom,
    style: {fontSize: `${fontSize}px`},
    x: {type: log ? "log" : "linear", domain: [xMin, xMax], label: `US$ billions per year${log ? " (log scale)" : ""} →`, grid: true, ...(log ? {ticks: powersOfTen(xMin, xMax), tickFormat: billionTick} : {})},
    y: {type: "identity", axis: null},
    marks: [
      ...[false, true].map((upTo) => Plot.ruleY(laid.filter((r) => !!r.upTo === upTo), {y: "bar", x1: start, x2: "high", stroke: (r) => colour[r.who], strokeWidth: 6, strokeDasharray: upTo ? "5,3" : null, href: "href", title: (r) => `${r.label}\n${r.note}`})),
      Plot.ruleX(ends("high"), {x: "x", y1: "y1", y2: "y2", stroke: (r) => colour[r.who], strokeWidth: 2}),
      Plot.ruleX(ends("low"), {x: "x", y1: "y1", y2: "y2", stroke: (r) => colour[r.who], strokeWidth: 2}),
      Plot.text(laid, {y: "top", x: xMin, text: "labelText", lineAnchor: "top", lineHeight, textAnchor: "start", fill: "currentColor", fontWeight: 600, href: "href"}),
      Plot.text(laid, {y: "noteTop", x: xMin, text: "noteText", lineAnchor: "top", lineHeight, textAnchor: "start", fill: "currentColor", fillOpacity: 0.75, fontStyle: "italic"}),
      ...[false, true].map((left) => Plot.text(laid.filter((r) => nearRight(r) === left && (!left || roomLeft(r))), {y: "bar", x: left ? start : "high", text: value, textAnchor: left ? "end" : "start", dx: left ? -6 : 6, fill: "currentColor", fontWeight: 600, fontSize: 11})),
      Plot.text(laid.filter((r) => nearRight(r) && !roomLeft(r)), {y: "bar", x: "high", text: value, textAnchor: "end", dx: -6, dy: -10, fill: "currentColor", fontWeight: 600, fontSize: 11, stroke: "var(--theme-background, white)", strokeWidth: 3, paintOrder: "stroke"})
    ],
    ...options
  });
}

/**
 * How the articles state Meta's 2025 capex, counted from capexClaims(...) rows: figures, articles,
 * ranges and ceilings ("up to"). The capex and sources chapters both print `capexCountSentence`
 * over the same tables, so they cannot disagree.
 */
export function capexFigureCounts(claims) {
  const ceilings = claims.filter((c) => c.qualifier === "up_to").length;
  const ranges = claims.filter((c) => c.qualifier === "range").length;
  return {figures: claims.length, articles: new Set(claims.map((c) => c.article_id)).size, ranges, ceilings, others: claims.length - ranges - ceilings};
}

export function capexCountSentence(claims) {
  const {figures, articles, ranges, ceilings, others} = capexFigureCounts(claims);
  if (!figures) return "No article gives a figure for Meta's 2025 capex.";
  const n = (k, one, many) => `${k} ${k === 1 ? one : many}`;
  const parts = [ranges ? `${ranges} ${ranges === 1 ? "gives" : "give"} a range` : "", ceilings ? `${ceilings} a ceiling (“up to”)` : "", others ? `${others} a single amount` : ""].filter(Boolean);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0];
  return `Of ${n(figures, "figure", "figures")} for Meta's 2025 capex in ${n(articles, "article", "articles")}, ${ranges ? list : list.replace(/^(\d+) a /, (m, k) => `${k} ${k === "1" ? "gives" : "give"} a `)}.`;
}
