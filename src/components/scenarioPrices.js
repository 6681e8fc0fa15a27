/**
 * Helpers for the revenue-sharing scenario (no DOM): a single per-million-token price from a
 * prices.csv row, money formatting, and the share × volume grid behind the sensitivity view.
 * The arithmetic itself is `impliedRevenue` from revenueScenario.js, so every chapter agrees.
 */
import {impliedRevenue, DEFAULT_SCENARIO, DEFAULT_PRICE_ID} from "./revenueScenario.js";

const num = (v) => (v === "" || v == null || !Number.isFinite(+v) ? undefined : +v);

/**
 * One price per million tokens for a prices.csv row, and how it was obtained: the blended price
 * when the source gives one; else a 3:1 input:output blend (the convention of the blended rows);
 * else the input price alone. Rows with no price (not-found) give undefined.
 */
export function scenarioPrice(row) {
  const blended = num(row.blended_usd_per_million_tokens);
  const input = num(row.input_usd_per_million_tokens);
  const output = num(row.output_usd_per_million_tokens);
  if (blended !== undefined) return {price: blended, how: "blended price as listed (3 input : 1 output)"};
  if (input !== undefined && output !== undefined) return {price: Math.round(((3 * input + output) / 4) * 100) / 100, how: `3:1 blend of input $${input} and output $${output}, computed here`};
  if (input !== undefined) return {price: input, how: "input price only (the output price was not found)"};
  return undefined;
}

/** "$1.2 million", "$72.2 billion", "$850,000": money in words a class can read aloud. */
export function formatUsd(value, {digits = 2} = {}) {
  if (!Number.isFinite(value)) return "–";
  const abs = Math.abs(value);
  const round = (v) => String(+v.toPrecision(digits + 1 > 3 ? 3 : digits + 1));
  if (abs >= 1e12) return `$${round(value / 1e12)} trillion`;
  if (abs >= 1e9) return `$${round(value / 1e9)} billion`;
  if (abs >= 1e6) return `$${round(value / 1e6)} million`;
  if (abs >= 1e3) return `$${round(value / 1e3)} thousand`;
  return `$${round(value)}`;
}

/** Short money labels for chart cells: $1.2M, $72B, $850K, $12. */
export function shortUsd(value) {
  if (!Number.isFinite(value)) return "–";
  const abs = Math.abs(value);
  const r = (v) => (v >= 100 ? Math.round(v) : +v.toPrecision(2));
  if (abs >= 1e12) return `$${r(value / 1e12)}T`;
  if (abs >= 1e9) return `$${r(value / 1e9)}B`;
  if (abs >= 1e6) return `$${r(value / 1e6)}M`;
  if (abs >= 1e3) return `$${r(value / 1e3)}K`;
  return `$${r(value)}`;
}

/** Tokens in words: 1e12 → "1 trillion". */
export function formatTokens(n) {
  if (!Number.isFinite(n)) return "–";
  const r = (v) => (+v.toPrecision(3)).toLocaleString("en-US");
  if (n >= 1e12) return `${r(n / 1e12)} trillion`;
  if (n >= 1e9) return `${r(n / 1e9)} billion`;
  if (n >= 1e6) return `${r(n / 1e6)} million`;
  return r(n);
}

export const SENSITIVITY_SHARES = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5];
export const SENSITIVITY_VOLUMES = [1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Yearly revenue for every share × monthly volume at one price, with its fraction of `capex`. */
export function sensitivityGrid({pricePerMillion, shares = SENSITIVITY_SHARES, volumes = SENSITIVITY_VOLUMES, capex}) {
  return volumes.flatMap((tokensPerMonth) =>
    shares.map((share) => {
      const revenue = impliedRevenue({tokensPerMonth, pricePerMillion, share});
      return {share, tokensPerMonth, pricePerMillion, revenue, ofCapex: capex ? revenue / capex : undefined};
    })
  );
}

/** The grid cell closest (in log volume, then share) to a scenario, to mark "you are here". */
export function nearestCell({tokensPerMonth, share}, {shares = SENSITIVITY_SHARES, volumes = SENSITIVITY_VOLUMES} = {}) {
  const v = volumes.reduce((best, x) => (Math.abs(Math.log10(x) - Math.log10(tokensPerMonth)) < Math.abs(Math.log10(best) - Math.log10(tokensPerMonth)) ? x : best));
  const s = shares.reduce((best, x) => (Math.abs(x - share) < Math.abs(best - share) ? x : best));
  return {tokensPerMonth: v, share: s};
}

/** The default scenario with its price read from prices.csv (row DEFAULT_PRICE_ID): what both chapters open on. */
export function defaultScenario(prices) {
  const row = prices.find((r) => r.id === DEFAULT_PRICE_ID);
  const priced = row && scenarioPrice(row);
  return {...DEFAULT_SCENARIO, pricePerMillion: priced ? priced.price : DEFAULT_SCENARIO.pricePerMillion, priceRow: priced ? row : undefined};
}
