import {Plot, plot} from "./plot.js";
import {textWidth} from "./textFit.js";
import {seedingSpan} from "./swarm.js";

/**
 * The downloader's pieces over rounds: two cumulative lines, "downloaded" (solid) and
 * "uploaded to others" (dashed), each labelled at its end so colour is not needed to tell them
 * apart. A rule marks the round the download completed, a shade the rounds it then seeded (none
 * when it left the swarm); `round` draws a marker for the replay.
 * `sim` is the result of simulateSwarm.
 */
export function swarmChart(sim, {width = 640, height = 320, round, ...options} = {}) {
  const rows = sim.rounds.flatMap((r) => [
    {round: r.round, series: "Downloaded (pieces it holds)", pieces: r.downloaded},
    {round: r.round, series: "Uploaded to others (cumulative)", pieces: r.uploaded}
  ]);
  const last = sim.rounds[sim.rounds.length - 1];
  const ends = [
    {round: last.round, pieces: last.downloaded, label: `downloaded ${last.downloaded}`},
    {round: last.round, pieces: last.uploaded, label: `uploaded ${last.uploaded}`}
  ];
  const done = sim.completedRound;
  const span = seedingSpan(sim);
  const yMax = Math.max(sim.options.pieces, last.uploaded);
  const totalRounds = Math.max(1, sim.totalRounds);
  // Room on the right for the lines' end labels, and no more.
  const marginLeft = 40;
  const marginRight = Math.ceil(Math.max(...ends.map((d) => textWidth(d.label))) + 16);
  const px = (r) => marginLeft + (r / totalRounds) * (width - marginLeft - marginRight);
  // The completion label sits beside its rule, on the side where it fits inside the chart and
  // does not cross the replayed round's rule (left of the rule first); it is drawn last, on a
  // halo of the page's background, so a line passing behind it never makes it unreadable.
  const doneSide = done === null ? null : completionSide(done, px, round, width - marginRight, marginLeft);
  const halo = {stroke: "var(--theme-background, white)", strokeWidth: 4, paintOrder: "stroke", strokeLinejoin: "round"};
  return plot({
    width,
    height,
    marginLeft,
    marginRight,
    x: {label: "Round →", domain: [0, totalRounds], grid: true},
    y: {label: "↑ Pieces", domain: [0, yMax], grid: true},
    color: {domain: ["Downloaded (pieces it holds)", "Uploaded to others (cumulative)"], range: ["#4269d0", "#d95f02"]},
    marks: [
      // Shaded only over the rounds it actually seeded: with "Keep seeding" off it has left the swarm.
      span ? Plot.rectX([span], {x1: "from", x2: "to", fill: "currentColor", fillOpacity: 0.06}) : null,
      Plot.ruleY([sim.options.pieces], {stroke: "currentColor", strokeOpacity: 0.4, strokeDasharray: "2,3"}),
      Plot.text([sim.options.pieces], {x: 0, y: (d) => d, text: () => `whole file: ${sim.options.pieces} pieces`, textAnchor: "start", dx: 4, dy: 10, fill: "currentColor", fillOpacity: 0.7}),
      done !== null ? Plot.ruleX([done], {stroke: "currentColor", strokeDasharray: "4,3"}) : null,
      ...[false, true].map((up) => Plot.line(rows.filter((d) => d.series.startsWith("Uploaded") === up), {x: "round", y: "pieces", stroke: "series", strokeWidth: 2.5, strokeDasharray: up ? "6,3" : null, curve: "step-after"})),
      Plot.text(ends, {x: "round", y: "pieces", text: "label", textAnchor: "start", dx: 6, fill: "currentColor"}),
      round !== undefined ? Plot.ruleX([round], {stroke: "currentColor", strokeWidth: 1.5}) : null,
      round !== undefined ? Plot.dot(sim.rounds.filter((r) => r.round === round).flatMap((r) => [{round: r.round, pieces: r.downloaded}, {round: r.round, pieces: r.uploaded}]), {x: "round", y: "pieces", r: 4, fill: "currentColor"}) : null,
      done !== null ? Plot.text([done], {x: (d) => d, y: 0, text: (d) => (doneSide === "left" ? `complete after round ${d} →` : `← complete after round ${d}`), textAnchor: doneSide === "left" ? "end" : "start", dx: doneSide === "left" ? -4 : 4, dy: -8, fill: "currentColor", ...halo}) : null,
      Plot.tip(sim.rounds, Plot.pointerX({x: "round", y: "downloaded", title: (r) => `Round ${r.round}\nholds ${r.downloaded} of ${sim.options.pieces} pieces\nuploaded ${r.uploaded} so far (${r.uploadedThisRound} this round)${r.seeding ? "\nseeding (file complete)" : ""}`}))
    ],
    ...options
  });
}

/**
 * What the chart's shading shows, in a sentence for its caption, from the same state the shading
 * is drawn from (seedingSpan), so the two cannot disagree.
 */
export function seedingNote(sim) {
  const span = seedingSpan(sim);
  if (sim.completedRound === null) return "Your client never held the whole file, so there is no completion line and no seeding to shade.";
  if (span) return `The shaded part after it, ${span.from + 1 === span.to ? `round ${span.to}` : `rounds ${span.from + 1}–${span.to}`}, is seeding: with the whole file, your client stays in the swarm and uploads to peers who still need pieces.`;
  if (!sim.options.keepSeeding) return "“Keep seeding” is off, so after it your client leaves the swarm: nothing after it is shaded, and the uploaded (dashed) line stays flat.";
  return "Nobody needed a piece from your client after it completed, so there is no seeding to shade.";
}

const COMPLETE_LABEL = (done) => `complete after round ${done} →`;

/** "left" or "right" of the completion rule at round `done`, whichever fits and misses the replay rule. */
function completionSide(done, px, round, right, left) {
  const w = textWidth(COMPLETE_LABEL(done)) + 6;
  const x = px(done);
  const spans = {left: [x - 4 - w, x - 4], right: [x + 4, x + 4 + w]};
  const fits = (side) => spans[side][0] >= left && spans[side][1] <= right + 4;
  const clear = (side) => round === undefined || round === done || px(round) < spans[side][0] - 2 || px(round) > spans[side][1] + 2;
  return ["left", "right"].find((side) => fits(side) && clear(side)) ?? ["left", "right"].find(fits) ?? "left";
}

/**
 * The swarm at one round: a row per peer, a cell per piece, filled when the peer holds it.
 * Pieces a peer received from the downloader carry a dot, so the downloader's uploads are
 * visible without relying on colour. Peers that have not arrived yet are drawn empty and labelled.
 */
export function swarmGrid(sim, {width, round = sim.totalRounds, ...options} = {}) {
  const label = (p) => (p.role === "downloader" ? "You (downloader)" : p.role === "seeder" ? "Seeder" : `Peer ${p.id}${p.joins >= round ? " (not here yet)" : ""}`);
  const fromDownloader = new Set(sim.transfers.filter((t) => t.from === 0 && t.round <= round).map((t) => `${t.to}:${t.piece}`));
  const cells = sim.peers.flatMap((p) => p.acquired.map((r, piece) => ({peer: label(p), piece: piece + 1, state: r === null || r > round ? "missing" : r === 0 ? "had at start" : "downloaded", mine: fromDownloader.has(`${p.id}:${piece}`)})));
  const rows = sim.peers.map(label);
  const node = plot({
    width,
    height: 24 + 16 * rows.length + 30,
    marginLeft: 150,
    x: {axis: "top", label: "Piece", ticks: [1, Math.ceil(sim.options.pieces / 2), sim.options.pieces], tickSize: 0},
    y: {domain: rows, label: null, tickSize: 0},
    color: {domain: ["missing", "had at start", "downloaded"], range: ["transparent", "#9aa5b1", "#4269d0"], legend: true},
    marks: [
      Plot.cell(cells, {x: "piece", y: "peer", fill: "state", stroke: "currentColor", strokeOpacity: 0.15, inset: 0.5}),
      Plot.dot(cells.filter((c) => c.mine), {x: "piece", y: "peer", r: 2.5, fill: "#d95f02", stroke: "white", strokeWidth: 0.5, symbol: "diamond"})
    ],
    ...options
  });
  // The key's swatches get the cells' outline, so "missing" (an empty cell) shows as an empty box.
  for (const swatch of node.querySelectorAll?.("[class$='-swatch'] > svg") ?? []) {
    swatch.setAttribute("stroke", "currentColor");
    swatch.setAttribute("stroke-opacity", "0.5");
    const rect = swatch.querySelector("rect");
    for (const [k, v] of Object.entries({x: 0.5, y: 0.5, width: 14, height: 14})) rect?.setAttribute(k, String(v));
  }
  return node;
}
