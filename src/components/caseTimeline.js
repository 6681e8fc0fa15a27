import {Plot, plot} from "./plot.js";
import {wrapLines} from "./textFit.js";

/** Latest update of any article in the corpus (reference README: after_articles is relative to it). */
export const ARTICLES_LATEST = "2025-03-21";

const SHORT_CONFIDENCE = {"seen-verbatim": "primary", "seen-verbatim (secondary)": "secondary", inferred: "inferred", "not-found": "not found"};

/**
 * Parses a reference date (YYYY-MM-DD, YYYY-MM or YYYY) into the span it can mean, so an event
 * known only to the month or year is drawn as an interval, not a falsely precise point.
 */
export function dateSpan(text) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(String(text ?? ""));
  if (!m) return null;
  const [y, mo, d] = [+m[1], m[2] ? +m[2] - 1 : null, m[3] ? +m[3] : null];
  if (d !== null) {
    const day = new Date(Date.UTC(y, mo, d));
    return {start: day, end: day, precision: "day"};
  }
  if (mo !== null) return {start: new Date(Date.UTC(y, mo, 1)), end: new Date(Date.UTC(y, mo + 1, 0)), precision: "month"};
  return {start: new Date(Date.UTC(y, 0, 1)), end: new Date(Date.UTC(y, 11, 31)), precision: "year"};
}

/** Timeline rows (dated events only), in date order, with the span and a printable label. */
export function timelineRows(events) {
  return events
    .map((e) => ({...e, span: dateSpan(e.date)}))
    .filter((e) => e.span)
    .sort((a, b) => a.span.start - b.span.start || String(a.id).localeCompare(String(b.id)))
    .map((e) => ({
      id: e.id,
      date: e.date,
      date_text: e.date_text,
      event: e.event,
      kind: e.kind,
      allegation: String(e.is_allegation) === "true",
      when: String(e.after_articles) === "true" ? "after the articles" : String(e.after_articles) === "false" ? "before the articles" : "cannot be placed",
      confidence: e.confidence,
      start: e.span.start,
      end: e.span.end,
      mid: new Date((+e.span.start + +e.span.end) / 2),
      precision: e.span.precision,
      label: `${e.date_text || e.date} [${SHORT_CONFIDENCE[e.confidence] ?? e.confidence}] · ${String(e.is_allegation) === "true" ? "Alleged: " : ""}${e.event}`
    }));
}

/**
 * The case as one row per dated event: its text on lines of its own (date as the source words
 * it, confidence in brackets, "Alleged:" where it is a party's contested claim), wrapped to the
 * chart's width so nothing is cut, and below it a strip with a dot on the day, or a bar over the
 * month or year when that is all the source says. The strips carry the time axis: the year
 * lines, the shade after the articles were written and the dashed rule at that date are drawn
 * in the strips only, so no line runs through an event's text. Events after the articles are
 * filled squares (before: hollow circles; dated only by year and so not placeable: triangles),
 * so neither colour nor position alone carries that. Each row links to sources.html#ref-<id>.
 */
export function caseTimeline(events, {width = 640, latest = ARTICLES_LATEST, ...options} = {}) {
  const rows = timelineRows(events);
  const cut = dateSpan(latest).start;
  const x0 = new Date(Date.UTC(rows.length ? rows[0].start.getUTCFullYear() : 2023, 0, 1));
  const x1 = new Date(Date.UTC(rows.length ? rows[rows.length - 1].end.getUTCFullYear() + 1 : 2027, 0, 1));
  const narrow = width < 640;
  const fontSize = narrow ? 10 : 11;
  const lineHeight = 1.25; // ems
  const margin = 18; // room for the first and last year labels
  const marginTop = 24;
  const href = (d) => `sources.html#ref-${d.id}`;
  const title = (d) => `${d.date_text || d.date}: ${d.event}\n${d.allegation ? "An allegation (a party's contested claim)\n" : ""}${d.when}; confidence: ${d.confidence}`;
  // Each row: its label's lines, then an 18-pixel strip for the marker; y is in pixels.
  const strip = 18;
  let y = marginTop + 4;
  const laid = rows.map((d) => {
    const lines = wrapLines(d.label, width - 2 * margin - 4, fontSize);
    const top = y;
    const stripTop = top + lines.length * fontSize * lineHeight + 1;
    y = stripTop + strip + (narrow ? 8 : 6);
    return {...d, text: lines.join("\n"), top, stripTop, stripBottom: stripTop + strip, marker: stripTop + strip / 2};
  });
  const marginBottom = 30;
  const years = [];
  for (let year = x0.getUTCFullYear(); year <= x1.getUTCFullYear(); year++) years.push(new Date(Date.UTC(year, 0, 1)));
  const inStrips = (data, channels) => laid.flatMap((r) => data.map((d) => ({...channels(d, r)})));
  return plot({
    width,
    height: y + marginBottom,
    marginLeft: margin,
    marginRight: margin,
    marginTop,
    marginBottom,
    style: {fontSize: `${fontSize}px`},
    x: {type: "utc", domain: [x0, x1], label: null, ticks: "year", tickFormat: "%Y"},
    y: {type: "identity", axis: null},
    marks: [
      Plot.rect(laid, {x1: cut, x2: x1, y1: "stripTop", y2: "stripBottom", fill: "currentColor", fillOpacity: 0.06}),
      Plot.ruleX(inStrips(years, (year, r) => ({x: year, y1: r.stripTop, y2: r.stripBottom})), {x: "x", y1: "y1", y2: "y2", stroke: "currentColor", strokeOpacity: 0.12}),
      Plot.ruleY(laid, {y: "marker", x1: x0, x2: x1, stroke: "currentColor", strokeOpacity: 0.12}),
      Plot.ruleX(laid, {x: cut, y1: "stripTop", y2: "stripBottom", stroke: "currentColor", strokeDasharray: "4,3"}),
      Plot.ruleX([cut], {x: (d) => d, y1: marginTop - 4, y2: laid.length ? laid[0].top - 2 : marginTop, stroke: "currentColor", strokeDasharray: "4,3"}),
      Plot.text([cut], {x: (d) => d, frameAnchor: "top", dy: -14, text: () => (narrow ? "after the articles →" : "articles written (last update 21 Mar 2025) · after them →"), textAnchor: "start", dx: 4, fontWeight: 600}),
      Plot.text(laid, {x: x0, y: "top", text: "text", lineAnchor: "top", lineHeight, textAnchor: "start", dx: 2, fill: "currentColor", href, title}),
      Plot.ruleY(laid.filter((d) => d.precision !== "day"), {y: "marker", x1: "start", x2: "end", strokeWidth: 5, strokeOpacity: 0.35, stroke: "currentColor", strokeLinecap: "round"}),
      ...[
        ["before the articles", "circle", "none"],
        ["after the articles", "square", "#d95f02"],
        ["cannot be placed", "triangle", "none"]
      ].map(([when, symbol, fill]) => Plot.dot(laid.filter((d) => d.when === when), {x: "mid", y: "marker", symbol, r: 4.5, stroke: "currentColor", strokeWidth: 1.5, fill, href, title}))
    ],
    ...options
  });
}
