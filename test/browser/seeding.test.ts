import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {csvParse} from "d3-dsv";
import type {Page} from "playwright-core";
import {open, useSite} from "./browser.ts";

const site = useSite();

const timeline = csvParse(readFileSync(new URL("../../data/reference/kadrey_timeline.csv", import.meta.url), "utf8"));
const bittorrent = csvParse(readFileSync(new URL("../../data/reference/bittorrent.csv", import.meta.url), "utf8"));
const svgOf = (page: Page, id: string) => page.locator(`#${id} svg`).last().innerHTML();
const ready = (page: Page) => Promise.all(["swarm-chart", "swarm-grid", "case-timeline"].map((id) => page.waitForSelector(`#${id} svg`)));
/** Waits until the SVG of a chart differs from `before` (a chart redraws asynchronously). */
async function changed(page: Page, id: string, before: string) {
  await page.waitForFunction(([id, before]) => [...document.querySelectorAll(`#${id} svg`)].at(-1)?.innerHTML !== before, [id, before] as const);
  return svgOf(page, id);
}

test("seeding page loads with its charts, quotes in three languages, no console error and no third-party request", async () => {
  const {page, errors, external, context} = await open(site.browser, `${site.server.url}seeding.html`);
  await ready(page);
  assert.deepEqual(errors, []);
  assert.deepEqual(external, []);
  assert.match(await page.locator("h1").first().innerText(), /^The seeding allegation: downloading is uploading/);
  assert.match(await page.locator("main").innerText(), /You will be able to/);
  const langs = await page.locator("#seeding-quotes blockquote.evidence .original").evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLElement).lang))].sort());
  assert.deepEqual(langs, ["de", "ms", "nl"]);
  assert.ok((await page.locator("form.check").count()) >= 3, "at least three checks");
  assert.ok(await page.locator(".allegation").count() > 0, "allegations are labelled");
  await context.close();
});

test("each swarm Input changes the swarm chart; the round replay and the timeline filter change theirs", async () => {
  const {page, errors, context} = await open(site.browser, `${site.server.url}seeding.html`);
  await ready(page);
  let svg = await svgOf(page, "swarm-chart");
  for (const [selector, value] of [["#input-peers-number", "25"], ["#input-upload-number", "5"], ["#input-seed-number", "17"]] as const) {
    await page.fill(selector, value);
    svg = await changed(page, "swarm-chart", svg);
  }
  await page.getByLabel("Keep seeding after completion").uncheck();
  svg = await changed(page, "swarm-chart", svg);
  const grid = await svgOf(page, "swarm-grid");
  await page.fill("#input-round-number", "3");
  await changed(page, "swarm-grid", grid);
  await changed(page, "swarm-chart", svg);
  const timelineSvg = await svgOf(page, "case-timeline");
  await page.getByLabel("court decisions only").check();
  const filtered = await changed(page, "case-timeline", timelineSvg);
  assert.doesNotMatch(filtered, /Alleged:/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the replay buttons step through rounds", async () => {
  const {page, context} = await open(site.browser, `${site.server.url}seeding.html`);
  await ready(page);
  await page.getByRole("button", {name: "Start"}).click();
  assert.equal(await page.inputValue("#input-round-number"), "0");
  await page.getByRole("button", {name: "Step forward ▶"}).click();
  await page.getByRole("button", {name: "Step forward ▶"}).click();
  assert.equal(await page.inputValue("#input-round-number"), "2");
  await page.waitForFunction(() => /round 2,/.test(document.querySelector("#swarm-chart figcaption")?.textContent ?? ""));
  await context.close();
});

test("numbers trace to rows: the live counts to the per-round table, the timeline and rule links to reference rows", async () => {
  const {page, context} = await open(site.browser, `${site.server.url}seeding.html?upload=3&seed=4`);
  await ready(page);
  // The per-round table behind the swarm chart (text alternative).
  const table = page.locator("table.data-table", {has: page.locator("th", {hasText: "pieces_held"})});
  const header = await table.locator("thead th").evaluateAll((ths) => ths.map((th) => th.textContent ?? "")); // hidden in a closed <details>: innerText is empty
  const rows = (await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")))).map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
  const complete = Number(await page.locator("#swarm-complete").innerText());
  const before = Number(await page.locator("#swarm-before").innerText());
  const after = Number(await page.locator("#swarm-after").innerText());
  assert.equal(rows.find((r) => Number(r.pieces_held) === 40)?.round, String(complete), "completion round is the first round holding all 40 pieces");
  const sum = (f: (r: Record<string, string>) => boolean) => rows.filter(f).reduce((s, r) => s + Number(r.uploaded_this_round), 0);
  assert.equal(before, sum((r) => Number(r.round) <= complete));
  assert.equal(after, sum((r) => Number(r.round) > complete));
  assert.ok(before > 0, "with an upload limit the client uploads before completing");
  // Every link in the timeline names a row of kadrey_timeline.csv; every dated row is drawn.
  const ids = new Set(timeline.map((r) => r.id));
  const links = await page.locator("#case-timeline svg a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  assert.ok(links.length > 0);
  for (const href of links) assert.ok(ids.has(href.replace("sources.html#ref-", "")), href);
  for (const r of timeline.filter((r) => r.date)) assert.ok(links.includes(`sources.html#ref-${r.id}`), r.id);
  // The rules of the simulation cite BEP 3 rows that exist, with their confidence shown.
  const ruleLinks = await page.locator("#swarm-rules a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  assert.equal(ruleLinks.length, 6);
  for (const href of ruleLinks) assert.ok(bittorrent.some((r) => `sources.html#ref-${r.id}` === href), href);
  assert.match(await page.locator("#swarm-rules").innerText(), /seen-verbatim/);
  await context.close();
});

test("URL state round-trips: a shared link opens the same swarm, and changing an Input updates the link", async () => {
  const {page, errors, context} = await open(site.browser, `${site.server.url}seeding.html?peers=20&upload=0&keep=false&seed=7&show=allegations%20only`);
  await ready(page);
  assert.equal(await page.inputValue("#input-peers-number"), "20");
  assert.equal(await page.inputValue("#input-upload-number"), "0");
  assert.equal(await page.inputValue("#input-seed-number"), "7");
  assert.equal(await page.getByLabel("Keep seeding after completion").isChecked(), false);
  assert.equal(await page.getByLabel("allegations only").isChecked(), true);
  assert.equal(await page.locator("#swarm-before").innerText(), "0", "upload limit 0 uploads nothing");
  const svg = await svgOf(page, "swarm-chart");
  await page.fill("#input-upload-number", "4");
  await changed(page, "swarm-chart", svg);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get("upload"), "4");
  assert.equal(url.searchParams.get("peers"), "20");
  // Reopening the new link gives the same drawing.
  const shared = await open(site.browser, url.toString());
  await ready(shared.page);
  assert.equal(await svgOf(shared.page, "swarm-chart"), await svgOf(page, "swarm-chart"));
  await shared.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test("a number the box cannot use is not dropped silently: the page says what it used and why", async () => {
  const {page, errors, context} = await open(site.browser, `${site.server.url}seeding.html`);
  await page.waitForSelector("#input-peers-number");
  await page.fill("#input-peers-number", "2");
  await page.locator("#input-peers-number").blur();
  const note = page.locator("#input-peers-number").locator("xpath=ancestor::form").locator("output.input-adjusted");
  await note.waitFor({state: "visible"});
  assert.match(await note.innerText(), /You typed 2; the smallest this box takes is 3 \(a swarm here is you, the seeder and at least one other peer/);
  assert.equal(await page.inputValue("#input-peers-number"), "3");
  assert.equal(new URL(page.url()).searchParams.get("peers"), "3");
  assert.deepEqual(errors, []);
  await context.close();
});
