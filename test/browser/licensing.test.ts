// The licence chapter in a real browser: it loads cleanly, each Input redraws the chart and the
// verdict, every number links to a row that exists, and the URL carries the checker's state.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readdirSync, readFileSync} from "node:fs";
import {csvParse} from "d3-dsv";
import type {Page} from "playwright-core";
import {open, useSite} from "./browser.ts";
import {knownAnchors} from "./pages.ts";
import {compileProject} from "../../loaders/project.ts";

const site = useSite();


async function sourceAnchors(page: Page): Promise<string[]> {
  return page.$$eval("a[href*='sources.html#']", (as) => as.map((a) => (a.getAttribute("href") ?? "").split("#")[1]));
}

const chart = (page: Page) => page.locator("#mau-chart svg").first().innerHTML();
const verdict = (page: Page) => page.locator("#licence-verdict").innerText();

test("licence chapter loads with its chart, no console error and no third-party request", async () => {
  const {page, errors, external, context} = await open(site.browser, `${site.server.url}licensing.html`);
  await page.waitForSelector("#mau-chart svg");
  await page.waitForSelector("#licence-verdict");
  assert.match(await page.locator("h1").first().innerText(), /^The licence: open weights, closed clause/);
  assert.match(await page.locator("main").innerText(), /You will be able to/);
  assert.ok((await page.locator("form.check").count()) >= 3, "at least three checks");
  assert.ok((await page.locator(".text-alternative").count()) >= 1, "a text alternative");
  assert.ok((await page.locator("a.download-csv").count()) >= 1, "a CSV download");
  assert.match(await page.locator("blockquote.clause").innerText(), /greater than 700 million monthly active users in the preceding calendar month/);
  assert.equal(await page.locator("blockquote.evidence .original[lang='de']").count() > 0, true, "the German original is marked as German");
  assert.match(await verdict(page), /Yes: it must ask Meta/);
  assert.match(await verdict(page), /June 2024/);
  assert.match(await verdict(page), /estimate|Not dated/i);
  assert.deepEqual(errors, []);
  assert.deepEqual(external, []);
  await context.close();
});

test("every number links to a passage or reference row that exists", async () => {
  const {page, context} = await open(site.browser, `${site.server.url}licensing.html`);
  await page.waitForSelector("#licence-verdict");
  const anchors = await sourceAnchors(page);
  assert.ok(anchors.length > 20, `found ${anchors.length} source links`);
  const known = knownAnchors();
  assert.deepEqual(anchors.filter((a) => !known.has(a)), [], "links to ids that exist");
  for (const id of ["ref-clause-llama-3-1", "ref-mau-telegram-2024-07", "p-de-llama-3-1-launch-3"]) assert.ok(anchors.includes(id), id);
  await context.close();
});

test("the version, the service and a typed number each change the chart and the verdict, and the URL keeps them", async () => {
  const {page, errors, context} = await open(site.browser, `${site.server.url}licensing.html`);
  await page.waitForSelector("#mau-chart svg");
  const first = await chart(page);

  await page.getByLabel("Llama version", {exact: true}).selectOption({index: 3}); // Llama 3.2
  await page.waitForFunction(() => /August 2024/.test(document.querySelector("#licence-verdict")?.textContent ?? ""));
  const afterVersion = await chart(page);
  assert.notEqual(afterVersion, first, "version redraws the chart");
  assert.match(afterVersion, /Llama 3\.2/);

  await page.getByLabel("Service", {exact: true}).selectOption({label: "Pinterest"});
  await page.waitForFunction(() => /No: it need not ask/.test(document.querySelector("#licence-verdict")?.textContent ?? ""));
  const afterService = await chart(page);
  assert.notEqual(afterService, afterVersion, "service redraws the chart");
  assert.match(await verdict(page), /522 million/);

  await page.getByLabel("Service", {exact: true}).selectOption({index: 6}); // a service of my own
  await page.locator("#own-users-number").fill("750");
  await page.waitForFunction(() => /You typed 750 million/.test(document.querySelector("#licence-verdict")?.textContent ?? ""));
  assert.match(await verdict(page), /Yes: it must ask Meta/);
  assert.match(await chart(page), /your service: 750M/);

  const url = new URL(page.url());
  assert.equal(url.searchParams.get("version"), "Llama 3.2");
  assert.match(url.searchParams.get("service") ?? "", /my own/);
  assert.equal(url.searchParams.get("users"), "750");
  assert.deepEqual(errors, []);
  await context.close();

  const reopened = await open(site.browser, url.toString());
  await reopened.page.waitForSelector("#licence-verdict");
  assert.match(await verdict(reopened.page), /August 2024/);
  assert.match(await verdict(reopened.page), /You typed 750 million/);
  assert.equal(await reopened.page.locator("#own-users-number").inputValue(), "750");
  assert.match(await chart(reopened.page), /your service: 750M/);
  assert.deepEqual(reopened.errors, []);
  await reopened.context.close();
});

test("the own-users box counts only for a service of one's own: typing in it chooses that service", async () => {
  const {page, errors, context} = await open(site.browser, `${site.server.url}licensing.html?service=Telegram`);
  await page.waitForSelector("#licence-verdict");
  assert.match(await verdict(page), /Telegram/);
  await page.locator("#own-users-number").fill("420");
  await page.waitForFunction(() => /You typed 420 million/.test(document.querySelector("#licence-verdict")?.textContent ?? ""));
  assert.match(await page.getByLabel("Service", {exact: true}).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? ""), /my own/);
  assert.match(new URL(page.url()).searchParams.get("service") ?? "", /my own/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("typed values are kept as typed (5000 is 5 billion, 700.5 is 700.5 million), never clamped without a word", async () => {
  const {page, errors, context} = await open(site.browser, `${site.server.url}licensing.html`);
  await page.waitForSelector("#licence-verdict");
  for (const [typed, said] of [["5000", "5 billion"], ["700.5", "700.5 million"], ["700", "700 million"]]) {
    await page.locator("#own-users-number").fill(typed);
    await page.locator("#own-users-number").blur();
    await page.waitForFunction((s) => (document.querySelector("#licence-verdict")?.textContent ?? "").includes(`You typed ${s},`), said);
    assert.equal(await page.locator("#own-users-number").inputValue(), typed);
  }
  assert.match(await verdict(page), /not greater than/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the chart's caption and the prose name, from the data, the counts dated in a test month", async () => {
  const {page, errors, context} = await open(site.browser, `${site.server.url}licensing.html`);
  await page.waitForSelector("#licence-verdict");
  const main = await page.locator("main").innerText();
  assert.match(main, /X \(Twitter\)'s \(March 2024, Meta Llama 3\)/, "X's March 2024 count is inside Llama 3's test month");
  for (const index of [0, 1, 2, 3, 4, 5]) {
    await page.getByLabel("Llama version", {exact: true}).selectOption({index});
    await page.waitForTimeout(150);
    const caption = await page.locator("p.chart-summary").first().innerText();
    assert.doesNotMatch(caption, /only none|undefined|NaN/, caption);
  }
  await page.getByLabel("Llama version", {exact: true}).selectOption({label: "Meta Llama 3 (released 18 April 2024)"});
  await page.waitForFunction(() => /only X \(Twitter\) has a count dated/.test(document.querySelector("main")?.textContent ?? ""));
  assert.doesNotMatch(await page.locator("main").innerText(), /only two counts/i);
  assert.deepEqual(errors, []);
  await context.close();
});
