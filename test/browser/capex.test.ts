import {test} from "node:test";
import assert from "node:assert/strict";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import type {Page} from "playwright-core";
import {open, useSite} from "./browser.ts";

const site = useSite();

const reference = (name: string) => csvParse(readFileSync(new URL(`../../data/reference/${name}.csv`, import.meta.url), "utf8"));
/** A table as built into the site (dist/_file/data/<name>.<hash>.csv), so the test checks what the page read. */
function built(name: string) {
  const dir = join(process.env.LEDGER_DIST ?? "dist", "_file/data");
  const file = readdirSync(dir).find((f) => f.startsWith(`${name}.`) && f.endsWith(".csv"));
  assert.ok(file, `${name}.csv in the build`);
  return csvParse(readFileSync(join(dir, file), "utf8"));
}
const svgOf = (page: Page, id: string) => page.locator(`#${id} svg`).last().innerHTML();
const ready = (page: Page) => Promise.all(["capex-chart", "claims-chart"].map((id) => page.waitForSelector(`#${id} svg`)));
async function changed(page: Page, id: string, before: string) {
  await page.waitForFunction(([id, before]) => [...document.querySelectorAll(`#${id} svg`)].at(-1)?.innerHTML !== before, [id, before] as const);
  return svgOf(page, id);
}

test("capex page loads with both charts, no console error and no third-party request", async () => {
  const {page, errors, external, context} = await open(site.browser, `${site.server.url}capex.html`);
  await ready(page);
  assert.deepEqual(errors, []);
  assert.deepEqual(external, []);
  assert.match(await page.locator("h1").first().innerText(), /The bill/);
  assert.match(await page.locator("main").innerText(), /You will be able to/);
  assert.match(await page.locator("main").innerText(), /Hypothesis, not proven/i);
  assert.ok((await page.locator("form.check").count()) >= 3);
  const langs = await page.locator("#capex-quotes .original").evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLElement).lang))].sort());
  assert.deepEqual(langs, ["de", "ms", "nl"]);
  await context.close();
});

test("each main Input changes its chart: years, scale, guidance; the scenario inputs change the claims chart", async () => {
  const {page, errors, context} = await open(site.browser, `${site.server.url}capex.html`);
  await ready(page);
  let capex = await svgOf(page, "capex-chart");
  let claims = await svgOf(page, "claims-chart");
  await page.fill("#input-from-number", "2019");
  capex = await changed(page, "capex-chart", capex);
  assert.doesNotMatch(capex, /ref-capex-2018/);
  await page.fill("#input-to-number", "2025");
  capex = await changed(page, "capex-chart", capex);
  assert.doesNotMatch(capex, /guidance-2026/);
  await page.getByLabel("Show guidance ranges").uncheck();
  capex = await changed(page, "capex-chart", capex);
  assert.doesNotMatch(capex, /guidance-2025/);
  await page.getByLabel("log").check();
  capex = await changed(page, "capex-chart", capex);
  claims = await changed(page, "claims-chart", claims);
  assert.match(capex, /log scale/);
  for (const [selector, value] of [["#input-tokens-number", "100000"], ["#input-price-number", "3"], ["#input-share-low-number", "10"], ["#input-share-high-number", "30"]] as const) {
    await page.fill(selector, value);
    claims = await changed(page, "claims-chart", claims);
  }
  // 100,000 billion = 1e14 tokens/month × $3/M × 10–30% × 12 = $360 million – $1.08 billion a year.
  assert.match(claims, /0\.36–1\.08/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("numbers trace to rows: bars to capex.csv, intervals to capex_guidance.csv, article figures to their passages", async () => {
  const {page, context} = await open(site.browser, `${site.server.url}capex.html`);
  await ready(page);
  const capexLinks = await page.locator("#capex-chart svg a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const capex = reference("capex").filter((r) => r.period === "FY");
  for (const r of capex) assert.ok(capexLinks.includes(`sources.html#ref-${r.id}`), r.id);
  const guidance = reference("capex_guidance").filter((r) => r.stated_on && r.low_usd_billions && !["actual", "qualitative"].includes(r.kind));
  for (const r of guidance) assert.ok(capexLinks.includes(`sources.html#ref-${r.id}`), r.id);
  const capexText = await page.locator("#capex-chart svg").last().textContent();
  assert.match(capexText ?? "", /72\.2/);
  // Every USD figure in a capex passage is a row of the claims chart, linked to its passage.
  const passages = built("passages");
  const capexPassages = new Set(passages.filter((p) => p.topics.split(";").includes("capex")).map((p) => `${p.article_id}/${p.passage}`));
  const figures = built("figures").filter((f) => f.kind === "money" && f.unit === "USD" && capexPassages.has(`${f.article_id}/${f.passage}`));
  assert.ok(figures.length >= 4);
  const claimLinks = await page.locator("#claims-chart svg a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  for (const f of figures) assert.ok(claimLinks.includes(`sources.html#p-${f.article_id}-${f.passage}`), `${f.article_id} ${f.passage}`);
  const claimsText = (await page.locator("#claims-chart svg").last().textContent()) ?? "";
  assert.match(claimsText, /up to 65/);
  assert.match(claimsText, /60–80/);
  assert.match(claimsText, /60–65/);
  assert.match(claimsText, /72\.22/);
  // The claims table's stances appear next to the figures they belong to.
  const stances = built("claims").filter((c) => c.claim_id === "capex-2025" && c.stance !== "silent");
  for (const c of stances) assert.match(claimsText, new RegExp(`claims table: ${c.stance}`));
  await context.close();
});

test("URL state round-trips, including the revenue-sharing chapter's scenario keys", async () => {
  const {page, errors, context} = await open(site.browser, `${site.server.url}capex.html?from=2020&to=2025&scale=log&guidance=false&tokens=1e14&price=2&shareLow=0.1&shareHigh=0.3`);
  await ready(page);
  assert.equal(await page.inputValue("#input-from-number"), "2020");
  assert.equal(await page.inputValue("#input-to-number"), "2025");
  assert.equal(await page.getByLabel("log").isChecked(), true);
  assert.equal(await page.getByLabel("Show guidance ranges").isChecked(), false);
  assert.equal(Number(await page.inputValue("#input-tokens-number")), 100000, "the volume input is in billions a month, as in the revenue-sharing chapter; tokens=1e14 (a count) is read as 100,000 billion");
  assert.equal(await page.inputValue("#input-price-number"), "2");
  assert.equal(await page.inputValue("#input-share-low-number"), "10");
  assert.equal(await page.inputValue("#input-share-high-number"), "30");
  // 1e14 × $2/M × 10–30% × 12 = $240–720 million.
  assert.match((await page.locator("#claims-chart svg").last().textContent()) ?? "", /240–720 million/);
  const svg = await svgOf(page, "claims-chart");
  await page.fill("#input-share-high-number", "40");
  await page.fill("#input-tokens-number", "100000");
  await changed(page, "claims-chart", svg);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get("shareHigh"), "0.4", "shares go to the URL as fractions, like DEFAULT_SCENARIO");
  assert.equal(url.searchParams.get("tokens"), "100000", "tokens go to the URL in billions a month, as the revenue-sharing chapter writes them");
  assert.equal(url.searchParams.get("from"), "2020");
  const shared = await open(site.browser, url.toString());
  await ready(shared.page);
  assert.equal(await svgOf(shared.page, "claims-chart"), await svgOf(page, "claims-chart"));
  assert.equal(await svgOf(shared.page, "capex-chart"), await svgOf(page, "capex-chart"));
  await shared.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test("a link from the revenue-sharing chapter (tokens in billions, share_low/share_high in percent) opens the same scenario", async () => {
  const {page, errors, context} = await open(site.browser, `${site.server.url}capex.html?tokens=100000&share_low=10&share_high=30&price=2`);
  await ready(page);
  assert.equal(Number(await page.inputValue("#input-tokens-number")), 100000);
  assert.equal(await page.inputValue("#input-share-low-number"), "10");
  assert.equal(await page.inputValue("#input-share-high-number"), "30");
  assert.match((await page.locator("#claims-chart svg").last().textContent()) ?? "", /240–720 million/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the revenue-share row opens on the revenue chapter's own default scenario: same price, same amounts", async () => {
  // @ts-expect-error: plain JavaScript modules
  const {defaultScenario} = await import("../../src/components/scenarioPrices.js");
  // @ts-expect-error: plain JavaScript modules
  const {revenueBand} = await import("../../src/components/revenueScenario.js");
  // @ts-expect-error: plain JavaScript modules
  const {fmt} = await import("../../src/components/claimsVsMeta.js");
  const start = defaultScenario(reference("prices"));
  const band = revenueBand(start);
  const expected = `${fmt(band.low)}–${fmt(band.high)}`;
  const capex = await open(site.browser, `${site.server.url}capex.html`);
  await ready(capex.page);
  assert.equal(+(await capex.page.inputValue("#input-price-number")), start.pricePerMillion);
  assert.ok((await capex.page.locator("main").innerText()).includes(expected), `capex page says ${expected}`);
  await capex.context.close();
  const rev = await open(site.browser, `${site.server.url}revenue-sharing.html`);
  await rev.page.waitForSelector(".scenario-band");
  const said = await rev.page.locator(".scenario-band").first().innerText();
  // @ts-expect-error: plain JavaScript modules
  const {formatUsd} = await import("../../src/components/scenarioPrices.js");
  assert.equal(said, `${formatUsd(band.low)} to ${formatUsd(band.high)} a year`);
  await rev.context.close();
});

test("a reversed year range is said, not swapped silently; the log scale has no bars", async () => {
  const {page, errors, context} = await open(site.browser, `${site.server.url}capex.html?from=2024&to=2018&scale=log`);
  await ready(page);
  const caption = await page.locator("#capex-chart figcaption").innerText();
  assert.match(caption, /You chose “From 2024” and “To 2018”: the chart shows the years in order, 2018 to 2024/);
  assert.equal(await page.locator("#capex-chart svg [aria-label='rect'] rect").count(), 0, "no bars on the log scale");
  assert.deepEqual(errors, []);
  await context.close();
});
