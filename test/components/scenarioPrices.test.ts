import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {csvParse} from "d3-dsv";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {scenarioPrice, formatUsd, shortUsd, formatTokens, sensitivityGrid, nearestCell} from "../../src/components/scenarioPrices.js";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {revenueBand} from "../../src/components/revenueScenario.js";

const prices = csvParse(readFileSync(new URL("../../data/reference/prices.csv", import.meta.url), "utf8"));
const row = (id: string) => prices.find((r) => r.id === id)!;

test("one price per row: blended as listed, else a 3:1 blend, else input only; none for not-found rows", () => {
  assert.equal(scenarioPrice(row("price-azure-3-1-405b-blended")).price, 8);
  assert.equal(scenarioPrice(row("price-aws-bedrock-3-1-405b-launch")).price, 7.99); // (3 × 5.32 + 16) / 4
  assert.equal(scenarioPrice(row("price-together-3-1-70b-instruct-turbo")).price, 0.88);
  assert.match(scenarioPrice(row("price-together-3-1-70b-instruct-turbo")).how, /input price only/);
  assert.equal(scenarioPrice(row("price-google-vertex-3-1")), undefined);
});

test("money and tokens in words", () => {
  assert.equal(formatUsd(72.22e9), "$72.2 billion");
  assert.equal(formatUsd(594000), "$594 thousand");
  assert.equal(shortUsd(1.2e6), "$1.2M");
  assert.equal(formatTokens(1e12), "1 trillion");
  assert.equal(formatTokens(3.04e16), "30,400 trillion");
});

test("the grid agrees with revenueBand and finds the reader's cell", () => {
  const grid = sensitivityGrid({pricePerMillion: 1, capex: 72.22e9});
  assert.equal(grid.length, 6 * 7);
  const cell = grid.find((d: {share: number; tokensPerMonth: number}) => d.share === 0.1 && d.tokensPerMonth === 1e12);
  assert.equal(cell.revenue, revenueBand({tokensPerMonth: 1e12, pricePerMillion: 1, shareLow: 0.1, shareHigh: 0.1}).low);
  assert.equal(Math.round(cell.revenue), 1_200_000);
  assert.deepEqual(nearestCell({tokensPerMonth: 3e12, share: 0.125}), {tokensPerMonth: 1e12, share: 0.1});
});
