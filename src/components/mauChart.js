import {Plot, plot} from "./plot.js";
import {THRESHOLD, midpoint, period, testMonth, mauRows, nearestRow, formatPeriod} from "./licenceCheck.js";
import {textWidth} from "./textFit.js";

const millions = (n) => (n >= 1e9 ? `${+(n / 1e9).toFixed(2)}B` : `${Math.round(n / 1e6)}M`);

/**
 * Services' monthly active users over time against the 700M line, with one vertical band per
 * Llama licence at its test month (the calendar month before the release date). The selected
 * version's band is solid and named; the highlighted service's values are printed, and the
 * reference row the checker uses is ringed. A number the reader typed is drawn as a star at the
 * selected test month. Every mark carries a text label, so colour is never the only cue.
 *
 * mauChart(mauRows, {width, clauses, version, service, users})
 */
export function mauChart(rows, {width = 640, clauses = [], version, service, users, ...options} = {}) {
  const first = new Date(Date.UTC(2023, 0, 1));
  // Counts from before 2023 are drawn at 1 December 2022 with their dates printed; the axis starts
  // 14 pixels before that at any width, so their ring (radius 10) stays clear of the y-axis tick labels.
  const edge = new Date(Date.UTC(2022, 11, 1));
  const end = new Date(Date.UTC(2025, 6, 1));
  const plotWidth = width - 48 - (width < 560 ? 70 : 110);
  const start = new Date(+edge - (14 * (+end - +edge)) / Math.max(1, plotWidth - 14));
  const points = mauRows(rows).map((r) => {
    const date = midpoint(r.as_of);
    return {...r, date: date < first ? edge : date, offLeft: date < first, users: +r.monthly_active_users};
  });
  const releases = clauses
    .filter((c) => String(c.has_mau_clause) === "true")
    .map((c) => {
      const p = period(testMonth(c));
      return {version: c.version, short: c.version.replace(/^(Meta )?Llama /, ""), start: new Date(p.start), end: new Date(p.end), mid: new Date((p.start + p.end) / 2), selected: c.version === version, clause: c};
    });
  const selected = releases.find((r) => r.selected);
  const services = [...new Set(points.map((p) => p.service))];
  const last = services.map((s) => points.filter((p) => p.service === s).sort((a, b) => a.date - b.date).at(-1));
  const near = selected && service ? nearestRow(rows, service, testMonth(selected.clause)) : undefined;
  const highlighted = points.filter((p) => p.service === service);
  const own = selected && !service && Number.isFinite(+users) && users !== "" && users != null ? [{date: selected.mid, users: +users}] : [];
  const narrow = width < 560;
  const nearX = (d) => (midpoint(d.row.as_of) < first ? edge : midpoint(d.row.as_of));
  // A service's name starts right of its latest point, further right when that point is ringed, so the ring never covers it.
  const ringed = (d) => near?.row?.id === d.id;
  const nameDx = (d) => (ringed(d) ? 14 : 8);
  const title = (d) => `${d.service}: ${millions(d.users)} monthly active users (${d.qualifier}), ${formatPeriod(d.as_of)}\n${d.confidence} · ${d.id}`;
  const maxUsers = Math.max(1.5e9, ...points.map((p) => p.users), ...own.map((o) => o.users * 1.05));
  const height = narrow ? 420 : 460;
  const margin = {top: 48, right: narrow ? 70 : 110, bottom: 30, left: 48};
  // The highlighted service's values go above their points, else below, left or right of them,
  // wherever they cover no value already printed (the ringed one first) and no service's name:
  // close points on a phone do not overprint.
  const px = (date) => margin.left + ((+date - +start) / (+end - +start)) * (width - margin.left - margin.right);
  const py = (n) => margin.top + (1 - n / maxUsers) * (height - margin.top - margin.bottom);
  const spots = [
    {dx: 0, dy: -12, textAnchor: "middle"},
    {dx: 0, dy: 15, textAnchor: "middle"},
    {dx: -9, dy: 0, textAnchor: "end"},
    {dx: 9, dy: 0, textAnchor: "start"}
  ];
  const boxAt = (x, y, w, {dx, dy, textAnchor}) => {
    const x1 = textAnchor === "middle" ? x + dx - w / 2 : textAnchor === "end" ? x + dx - w : x + dx;
    return {x1, x2: x1 + w, y1: y + dy - 6, y2: y + dy + 6};
  };
  const names = last.filter((d) => !d.offLeft).map((d) => boxAt(px(d.date), py(d.users), textWidth(d.service, 11, {bold: d.service === service}), {dx: nameDx(d), dy: 0, textAnchor: "start"}));
  const placed = [...names];
  const valueLabels = [...highlighted.filter((d) => !d.offLeft)]
    .sort((a, b) => (b.id === near?.row?.id) - (a.id === near?.row?.id) || a.date - b.date)
    .map((d) => {
      const w = textWidth(millions(d.users), 10, {bold: true}) + 4;
      const free = (b) => placed.every((o) => b.x2 <= o.x1 || o.x2 <= b.x1 || b.y2 <= o.y1 || o.y2 <= b.y1);
      const spot = spots.findIndex((spot) => free(boxAt(px(d.date), py(d.users), w, spot)));
      const chosen = spot < 0 ? 0 : spot;
      placed.push(boxAt(px(d.date), py(d.users), w, spots[chosen]));
      return {...d, spot: chosen};
    });
  // Service names sit on a halo of the page's background, so the selected band's line never runs through them.
  const halo = {fill: "currentColor", stroke: "var(--theme-background, white)", strokeWidth: 3, paintOrder: "stroke", strokeLinejoin: "round"};
  return plot({
    width,
    height,
    marginTop: margin.top,
    marginRight: margin.right,
    marginLeft: margin.left,
    marginBottom: margin.bottom,
    x: {type: "utc", label: null, domain: [start, end], ticks: narrow ? 3 : 6},
    y: {label: "Monthly active users", domain: [0, maxUsers], grid: true, tickFormat: millions, ticks: 6},
    marks: [
      Plot.rectX(releases.filter((d) => !d.selected), {x1: "start", x2: "end", y1: 0, y2: maxUsers, fill: "currentColor", fillOpacity: 0.08}),
      Plot.rectX(releases.filter((d) => d.selected), {x1: "start", x2: "end", y1: 0, y2: maxUsers, fill: "#4269d0", fillOpacity: 0.45}),
      Plot.ruleX(releases.filter((d) => !d.selected), {x: "mid", stroke: "currentColor", strokeOpacity: 0.3, strokeDasharray: "3,3"}),
      Plot.ruleX(releases.filter((d) => d.selected), {x: "mid", stroke: "currentColor", strokeWidth: 2}),
      Plot.text(releases.filter((d) => !d.selected && !(narrow && selected && Math.abs(selected.mid - d.mid) < 150 * 864e5)), {x: "mid", y: maxUsers, text: "short", dy: -4, lineAnchor: "bottom", fontSize: 10}),
      Plot.text(releases.filter((d) => d.selected), {x: "mid", y: maxUsers, text: (d) => `Llama ${d.short}`, dy: -20, lineAnchor: "bottom", fontWeight: "bold", fontSize: 12}),
      Plot.ruleY([THRESHOLD], {stroke: "currentColor", strokeWidth: 2}),
      Plot.text([THRESHOLD], {x: end, y: THRESHOLD, text: () => (narrow ? "700M" : "700M: must ask Meta above"), textAnchor: "end", dy: -8, dx: -2, fontWeight: "bold"}),
      Plot.line(points.filter((d) => !d.offLeft), {x: "date", y: "users", z: "service", stroke: "currentColor", strokeOpacity: 0.35, strokeDasharray: "2,3", sort: "date"}),
      Plot.text(points.filter((d) => d.offLeft && d.users > THRESHOLD), {x: "date", y: "users", text: (d) => `◀ ${d.service} ${d.qualifier === "more than" ? ">" : ""}${millions(d.users)} (${narrow ? d.as_of.slice(0, 4) : formatPeriod(d.as_of).replace(/^\d+ /, "")})`, textAnchor: "start", dx: 8, dy: -10, fontSize: 10, fontWeight: (d) => (d.service === service ? "bold" : "normal")}),
      Plot.text(points.filter((d) => d.offLeft && d.users <= THRESHOLD), {x: "date", y: "users", text: (d) => `◀ ${d.service} ${d.qualifier === "more than" ? ">" : ""}${millions(d.users)} (${narrow ? d.as_of.slice(0, 4) : formatPeriod(d.as_of).replace(/^\d+ /, "")})`, textAnchor: "start", dx: 8, dy: 10, fontSize: 10, fontWeight: (d) => (d.service === service ? "bold" : "normal")}),
      Plot.dot(points.filter((d) => d.service !== service), {x: "date", y: "users", symbol: "service", stroke: "currentColor", r: 3.5, tip: true, title}),
      Plot.dot(highlighted, {x: "date", y: "users", symbol: "service", fill: "currentColor", stroke: "currentColor", r: 5, tip: true, title}),
      Plot.text(last.filter((d) => d.service !== service && !d.offLeft), {x: "date", y: "users", text: "service", textAnchor: "start", dx: 8, fontSize: 11, ...halo}),
      Plot.text(last.filter((d) => d.service === service && !d.offLeft && !ringed(d)), {x: "date", y: "users", text: "service", textAnchor: "start", dx: 8, fontSize: 11, fontWeight: "bold", ...halo}),
      Plot.text(last.filter((d) => d.service === service && !d.offLeft && ringed(d)), {x: "date", y: "users", text: "service", textAnchor: "start", dx: 14, fontSize: 11, fontWeight: "bold", ...halo}),
      ...spots.map((spot, i) => Plot.text(valueLabels.filter((d) => d.spot === i), {x: "date", y: "users", text: (d) => millions(d.users), ...spot, fontSize: 10, fontWeight: "bold", ...halo})),
      near ? Plot.dot([near], {x: nearX, y: "users", r: 10, stroke: "currentColor", strokeWidth: 2}) : null,
      near && selected ? Plot.arrow([near], {x1: nearX, y1: "users", x2: () => selected.mid, y2: "users", stroke: "currentColor", strokeWidth: 1.5, strokeDasharray: near.dated ? null : "4,3", insetStart: 11, insetEnd: 2, headLength: 6}) : null,
      Plot.dot(own, {x: "date", y: "users", symbol: "star", r: 8, fill: "currentColor", stroke: "currentColor"}),
      Plot.text(own, {x: "date", y: "users", text: (d) => `your service: ${millions(d.users)}`, dy: -14, fontWeight: "bold", textAnchor: "end"})
    ],
    ...options
  });
}
