import {test} from "node:test";
import assert from "node:assert/strict";
import {open, useSite} from "./browser.ts";

const site = useSite();

test("start page renders its chart with no console error and no third-party request", async () => {
  const {page, errors, external, context} = await open(site.browser, site.server.url);
  await page.waitForSelector("#corpus-grid svg");
  assert.deepEqual(errors, []);
  assert.deepEqual(external, []);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.match(await page.locator("h1").first().innerText(), /Llama Ledger/);
  const rows = await page.locator("#corpus-grid svg [aria-label='cell'] rect").count();
  assert.equal(rows, 5 * 4, "one cell per article and topic");
  await context.close();
});

test("unticking a language redraws the chart without that language's articles", async () => {
  const {page, errors, context} = await open(site.browser, site.server.url);
  await page.waitForSelector("#corpus-grid svg");
  const before = await page.locator("#corpus-grid svg").innerHTML();
  await page.getByLabel(/German/).uncheck();
  await page.waitForFunction(() => document.querySelectorAll("#corpus-grid svg [aria-label='cell'] rect").length === 2 * 4);
  const afterHtml = await page.locator("#corpus-grid svg").innerHTML();
  assert.notEqual(afterHtml, before);
  assert.doesNotMatch(afterHtml, /\(de\)/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the language selection lives in the URL, and a shared link restores it", async () => {
  const {page, errors, context} = await open(site.browser, site.server.url);
  await page.waitForSelector("#corpus-grid svg");
  await page.getByLabel(/German/).uncheck();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("languages") === "ms,nl");
  const shared = page.url();
  await context.close();
  const again = await open(site.browser, shared);
  await again.page.waitForSelector("#corpus-grid svg");
  assert.equal(await again.page.getByLabel(/German/).isChecked(), false);
  assert.equal(await again.page.locator("#corpus-grid svg [aria-label='cell'] rect").count(), 2 * 4);
  assert.deepEqual([...errors, ...again.errors], []);
  await again.context.close();
});
