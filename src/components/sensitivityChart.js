import {Plot, plot} from "./plot.js";
import {shortUsd, formatTokens} from "./scenarioPrices.js";
import {textWidth} from "./textFit.js";

/**
 * Share × monthly volume → Meta's yearly revenue at one price, as a grid whose cells print the
 * amount (colour only echoes the order of magnitude). The cell nearest the reader's scenario is
 * outlined and marked "≈ you" ("▲ you" when `here.exact`, the scenario is that cell); cells worth 1% of capex or more are marked with "≥1% capex".
 * All the grid's share columns are drawn, on a phone too.
 *
 * sensitivityChart(grid, {width, here: {tokensPerMonth, share}, capex})
 */
export function sensitivityChart(grid, {width = 640, here, capex, ...options} = {}) {
  const narrow = width < 560;
  const shares = [...new Set(grid.map((d) => d.share))];
  const volumes = [...new Set(grid.map((d) => d.tokensPerMonth))];
  const pct = (s) => `${+(s * 100).toFixed(1)}%`;
  const isHere = (d) => here && d.share === here.share && d.tokensPerMonth === here.tokensPerMonth;
  const big = (d) => capex && d.revenue >= 0.01 * capex;
  const lmin = Math.log10(Math.max(1, Math.min(...grid.map((d) => d.revenue))));
  const lmax = Math.log10(Math.max(...grid.map((d) => d.revenue)));
  const dark = (d) => Math.log10(Math.max(1, d.revenue)) > lmin + 0.62 * (lmax - lmin);
  const volume = (v) => formatTokens(v).replace(" trillion", " tn").replace(" billion", " bn");
  // Every share column is drawn at every width: on a phone the row labels lose their axis title
  // (it moves above them) and the amounts get the font size that fits the narrowest cell.
  const marginLeft = narrow ? Math.ceil(Math.max(...volumes.map((v) => textWidth(volume(v)))) + 12) : 130;
  const marginRight = narrow ? 4 : 20;
  const cellWidth = (width - marginLeft - marginRight) / Math.max(1, shares.length);
  const widest = Math.max(...grid.map((d) => textWidth(shortUsd(d.revenue), 1, {bold: isHere(d)})));
  const fontSize = Math.max(8, Math.min(12, narrow ? 10.5 : 12, (cellWidth - 9) / widest));
  const smallSize = Math.min(9, fontSize);
  return plot({
    width,
    height: 48 * volumes.length + 80,
    marginLeft,
    marginRight,
    marginTop: 44,
    x: {axis: "top", label: narrow ? "Meta's share →" : "Meta's share of hosts' Llama revenue →", domain: shares, tickFormat: pct},
    y: {label: narrow ? "Tokens a month" : "Tokens per month through hosts", labelAnchor: narrow ? "top" : undefined, domain: volumes, tickFormat: volume, reverse: true},
    color: {type: "log", scheme: "blues", domain: [10 ** lmin, 10 ** lmax]},
    marks: [
      Plot.cell(grid, {x: "share", y: "tokensPerMonth", fill: (d) => Math.max(1, d.revenue), inset: 1, title: (d) => `${formatTokens(d.tokensPerMonth)} tokens/month × $${d.pricePerMillion}/M × ${pct(d.share)} × 12 = ${shortUsd(d.revenue)} a year${capex ? ` (${(100 * d.revenue / capex).toPrecision(2)}% of 2025 capex)` : ""}`}),
      Plot.text(grid, {x: "share", y: "tokensPerMonth", text: (d) => shortUsd(d.revenue), fill: (d) => (dark(d) ? "white" : "black"), fontSize, fontWeight: (d) => (isHere(d) ? "bold" : "normal"), pointerEvents: "none"}),
      Plot.text(grid.filter(big), {x: "share", y: "tokensPerMonth", text: () => (narrow ? "≥1%" : "≥1% capex"), dy: 13, fontSize: smallSize, fill: (d) => (dark(d) ? "white" : "black"), pointerEvents: "none"}),
      Plot.cell(grid.filter(isHere), {x: "share", y: "tokensPerMonth", fill: "none", stroke: "currentColor", strokeWidth: 3, inset: 0}),
      Plot.text(grid.filter(isHere), {x: "share", y: "tokensPerMonth", text: (d) => (here.exact ? "▲ you" : "≈ you"), dy: -14, fontSize: smallSize, fontWeight: "bold", fill: (d) => (dark(d) ? "white" : "black"), pointerEvents: "none"})
    ],
    ...options
  });
}
