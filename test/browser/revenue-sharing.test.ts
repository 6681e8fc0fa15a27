// The revenue-sharing chapter in a real browser: it loads cleanly, the host matrix is complete,
// each scenario Input redraws its chart, every number links to a row that exists, and the URL
// carries the scenario so a teacher's link reopens it.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readdirSync, readFileSync} from "node:fs";
import {csvParse} from "d3-dsv";
import type {Page} from "playwright-core";
import {open, useSite} from "./browser.ts";
import {knownAnchors} from "./pages.ts";
import {compileProject} from "../../loaders/project.ts";

const site = useSite();


const html = (page: Page, id: string) => page.locator(`#${id} svg`).first().innerHTML();
const summary = (page: Page) => page.locator("#scenario-summary").innerText();

test("revenue chapter loads with all three charts, no console error and no third-party request", async () => {
  const {page, errors, external, context} = await open(site.browser, `${site.server.url}revenue-sharing.html`);
  for (const id of ["host-matrix", "revenue-chart", "sensitivity-chart"]) await page.waitForSelector(`#${id} svg`);
  assert.match(await page.locator("h1").first().innerText(), /^Revenue sharing: who pays for a free model/);
  assert.equal(await page.locator("#host-matrix svg [aria-label='cell'] rect").count(), 5 * 8, "one cell per article and host");
  assert.ok((await page.locator("form.check").count()) >= 3);
  assert.equal(await page.locator(".text-alternative").count(), 3, "a text alternative per chart");
  assert.ok((await page.locator("a.download-csv").count()) >= 3, "a download per chart");
  for (const lang of ["de", "ms", "nl"]) assert.ok((await page.locator(`blockquote.evidence .original[lang='${lang}']`).count()) > 0, `quotes in ${lang}`);
  assert.ok((await page.locator(".allegation").count()) > 0, "allegations labelled");
  assert.match(await summary(page), /\$594 thousand to \$2\.38 million a year/);
  assert.deepEqual(errors, []);
  assert.deepEqual(external, []);
  await context.close();
});

test("every number links to a passage or reference row that exists", async () => {
  const {page, context} = await open(site.browser, `${site.server.url}revenue-sharing.html`);
  await page.waitForSelector("#scenario-summary");
  const anchors = await page.$$eval("a[href*='sources.html#']", (as) => as.map((a) => (a.getAttribute("href") ?? "").split("#")[1]));
  const known = knownAnchors();
  assert.ok(anchors.length > 30, `found ${anchors.length} source links`);
  assert.deepEqual(anchors.filter((a) => !known.has(a)), []);
  for (const id of ["ref-capex-2025", "ref-date-q1-2024-earnings-call", "ref-date-zuckerberg-letter", "ref-date-march-2025-filing", "ref-price-aws-bedrock-3-1-70b-launch", "p-ms-techcrunch-translation-3"]) assert.ok(anchors.includes(id), id);
  await context.close();
});

test("volume, price, share and axis each change their chart; the URL keeps the scenario and reopening restores it", async () => {
  const {page, errors, context} = await open(site.browser, `${site.server.url}revenue-sharing.html`);
  await page.waitForSelector("#revenue-chart svg");
  let revenue = await html(page, "revenue-chart");
  let grid = await html(page, "sensitivity-chart");

  await page.locator("#tokens-number").fill("100000");
  await page.waitForFunction(() => /100 trillion tokens a month/.test(document.querySelector("#scenario-summary")?.textContent ?? ""));
  assert.notEqual(await html(page, "revenue-chart"), revenue, "volume redraws the revenue chart");
  assert.notEqual(await html(page, "sensitivity-chart"), grid, "volume moves the marked cell");
  revenue = await html(page, "revenue-chart");
  grid = await html(page, "sensitivity-chart");

  await page.getByLabel("Price per million tokens").selectOption({label: "Azure · Llama 3.1 405B Instruct · $8 per million tokens (crawl date unknown (2025–26))"});
  await page.waitForFunction(() => /\$8 per million tokens/.test(document.querySelector("#scenario-summary")?.textContent ?? ""));
  assert.notEqual(await html(page, "revenue-chart"), revenue, "price redraws the revenue chart");
  assert.notEqual(await html(page, "sensitivity-chart"), grid, "price redraws the grid");
  revenue = await html(page, "revenue-chart");

  await page.locator("#share-high-number").fill("40");
  await page.waitForFunction(() => /5% to 40%/.test(document.querySelector("#scenario-summary")?.textContent ?? ""));
  assert.notEqual(await html(page, "revenue-chart"), revenue, "share redraws the revenue chart");
  revenue = await html(page, "revenue-chart");

  await page.getByLabel(/linear/).check();
  await page.waitForFunction(() => /linear scale/.test(document.querySelector("#revenue-chart svg")?.textContent ?? ""));
  assert.notEqual(await html(page, "revenue-chart"), revenue, "axis redraws the revenue chart");

  const url = new URL(page.url());
  assert.equal(url.searchParams.get("tokens"), "100000");
  assert.equal(url.searchParams.get("price"), "price-azure-3-1-405b-blended");
  assert.equal(url.searchParams.get("share_high"), "40");
  assert.equal(url.searchParams.get("scale"), "linear");
  const text = await summary(page);
  assert.deepEqual(errors, []);
  await context.close();

  const reopened = await open(site.browser, url.toString());
  await reopened.page.waitForSelector("#scenario-summary");
  await reopened.page.waitForFunction(() => /100 trillion tokens a month/.test(document.querySelector("#scenario-summary")?.textContent ?? ""));
  assert.equal(await summary(reopened.page), text, "the same scenario");
  assert.equal(await reopened.page.locator("#tokens-number").inputValue(), "100000");
  assert.equal(await reopened.page.locator("#share-high-number").inputValue(), "40");
  assert.match(await html(reopened.page, "revenue-chart"), /linear scale/);
  assert.deepEqual(reopened.errors, []);
  await reopened.context.close();
});
