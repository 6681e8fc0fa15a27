import {Plot, plot} from "./plot.js";
import {shortUsd} from "./scenarioPrices.js";

/**
 * The reader's implied yearly revenue for Meta (a low–high band from the share range, with its
 * midpoint) set against Meta's capex on the same axis. Each row prints its numbers, so the
 * comparison does not rest on colour or length alone. On a linear axis the revenue band is often
 * too thin to see, which is the point; the log axis shows both.
 *
 * revenueChart([{label, low, mid, high, kind: "scenario" | "capex"}], {width, scale: "log" | "linear"})
 */
export function revenueChart(rows, {width = 640, scale = "log", ...options} = {}) {
  const narrow = width < 560;
  const values = rows.flatMap((r) => [r.low, r.high, r.mid]).filter((v) => Number.isFinite(v) && v > 0);
  const max = Math.max(...values);
  const min = Math.min(...values);
  const log = scale === "log";
  const domain = log ? [10 ** Math.floor(Math.log10(min) - 0.5), 10 ** Math.ceil(Math.log10(max) + 0.3)] : [0, max * 1.15];
  const label = (d) => (d.low === d.high ? shortUsd(d.mid) : `${shortUsd(d.low)} – ${shortUsd(d.high)} (mid ${shortUsd(d.mid)})`);
  return plot({
    width,
    height: 190,
    marginLeft: narrow ? 10 : 190,
    marginRight: 20,
    marginTop: narrow ? 30 : 20,
    x: {type: log ? "log" : "linear", domain, label: `US dollars per year (${log ? "log scale: each gridline is ×10" : "linear scale"}) →`, grid: true, tickFormat: shortUsd, ticks: log ? undefined : 5},
    y: {domain: rows.map((r) => r.label), label: null, axis: narrow ? null : "left", padding: 0.5},
    marks: [
      Plot.ruleX(log ? [] : [0]),
      Plot.barX(rows, {x1: (d) => (!log ? 0 : d.kind === "capex" ? domain[0] : d.low), x2: "high", y: "label", fill: (d) => (d.kind === "capex" ? "currentColor" : "#6baed6"), fillOpacity: (d) => (d.kind === "capex" ? 0.25 : 0.6), stroke: "currentColor", strokeWidth: 1, insetTop: 8, insetBottom: 8}),
      Plot.tickX(rows, {x: "mid", y: "label", strokeWidth: 3, stroke: "currentColor", filter: (d) => d.low !== d.high}),
      Plot.text(rows, {x: (d) => d.high, y: "label", text: label, dy: -22, textAnchor: "end", fontWeight: "bold", frameAnchor: "middle", filter: (d) => d.kind === "capex" || !log}),
      Plot.text(rows, {x: (d) => d.low, y: "label", text: label, dy: -22, textAnchor: "start", fontWeight: "bold", filter: (d) => d.kind !== "capex" && log}),
      narrow ? Plot.text(rows, {x: () => domain[0], y: "label", text: "label", dy: 22, textAnchor: "start", fontSize: 11}) : null
    ],
    ...options
  });
}
