import {test} from "node:test";
import assert from "node:assert/strict";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {open, useSite} from "./browser.ts";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {parseCsv} from "../../src/components/ledgerTables.js";

const DIST = process.env.LEDGER_DIST ?? "dist";

/** A table as the built site serves it (dist/_file/data/<name>.<hash>.csv). */
function built(name: string, dir = "data"): Record<string, string>[] {
  const folder = join(DIST, "_file", dir);
  const file = readdirSync(folder).find((f) => new RegExp(`^${name}\\.[0-9a-f]+\\.csv$`).test(f));
  if (!file) throw new Error(`no ${dir}/${name}.csv in ${DIST}`);
  return parseCsv(readFileSync(join(folder, file), "utf8"));
}

const site = useSite();

const articles = () => built("articles");

test("the sources page renders the corpus, a reader, every reference row and nine downloads, with no console error or third-party request", async () => {
  const {page, errors, external, context} = await open(site.browser, `${site.server.url}sources.html`);
  await page.waitForSelector(".reader .passage");
  await page.waitForSelector(".reference-rows li", {state: "attached"});
  const ids = articles().map((a) => a.article_id);
  const links = await page.locator("table.data-table a[href^='#article-']").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual(links, ids.map((id) => `#article-${id}`), "each article links to its reader");
  const first = ids[0];
  const passages = built("passages").filter((p) => p.article_id === first).length;
  assert.equal(await page.locator(`.reader .passage[id^='p-${first}-']`).count(), passages);
  assert.equal(await page.locator(`.reader .removed[id^='cut-${first}-']`).count(), built("removed").filter((r) => r.article_id === first).length);
  // Every reference row of every file, addressable as #ref-<id>.
  const files = readdirSync(join(DIST, "_file/data/reference")).map((f) => f.replace(/\..*$/, ""));
  assert.equal(files.length, 12);
  const refIds = files.flatMap((f) => built(f, "data/reference").map((r) => `ref-${r.id}`));
  const shown = await page.locator(".reference-rows li[id^='ref-']").evaluateAll((lis) => lis.map((li) => li.id));
  assert.deepEqual(shown.sort(), refIds.sort());
  assert.equal(await page.locator(".reference-rows a[href^='http']:not([rel='noreferrer'])").count(), 0, "source links carry rel=noreferrer");
  const downloads = await page.locator("#table-downloads a.download-csv").evaluateAll((as) => as.map((a) => a.getAttribute("download")));
  assert.deepEqual(downloads.slice(0, 9), ["articles", "passages", "removed", "sentences", "figures", "dates", "mentions", "quotes", "claims"].map((n) => `${n}.csv`));
  assert.ok((await page.locator(".reader mark.hl").count()) > 0, "the reader highlights what was extracted");
  assert.deepEqual(errors, []);
  assert.deepEqual(external, []);
  await context.close();
});

test("choosing another article changes the reader and the URL", async () => {
  const {page, errors, context} = await open(site.browser, `${site.server.url}sources.html`);
  await page.waitForSelector(".reader .passage");
  const ids = articles().map((a) => a.article_id);
  const other = ids[ids.length - 1];
  const before = await page.locator(".reader").innerText();
  const select = page.getByRole("combobox", {name: "Article"});
  await select.selectOption({index: ids.length - 1});
  await page.waitForSelector(`#p-${other}-1`);
  assert.notEqual(await page.locator(".reader").innerText(), before);
  assert.equal(await page.locator(`.reader [id^='p-${ids[0]}-']`).count(), 0);
  assert.match(page.url(), new RegExp(`[?&]article=${other}`));
  // The corpus table's link switches the reader back.
  await page.locator(`a[href='#article-${ids[0]}']`).click();
  await page.waitForSelector(`#p-${ids[0]}-1`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a passage anchor of a non-default article opens that article at that passage", async () => {
  const ids = articles().map((a) => a.article_id);
  const other = ids[ids.length - 1];
  const target = built("passages").filter((p) => p.article_id === other).at(-1)!;
  const id = `p-${other}-${target.passage}`;
  const {page, errors, context} = await open(site.browser, `${site.server.url}sources.html#${id}`);
  await page.waitForSelector(`#${id}`);
  assert.equal(await page.locator(".reader").getAttribute("id"), `article-${other}`);
  await page.waitForTimeout(600);
  const box = await page.locator(`#${id}`).boundingBox();
  assert.ok(box && box.y >= -2 && box.y < 900, `passage ${id} is scrolled into view (y = ${box?.y})`);
  assert.equal(await page.locator(`#${id} .passage-text`).innerText().then((t) => t.startsWith(target.text.slice(0, 20))), true);
  // A link to a passage of a third article, followed on the page, switches again.
  await page.evaluate((h) => (location.hash = h), `p-${ids[0]}-1`);
  await page.waitForSelector(`#p-${ids[0]}-1`);
  assert.equal(await page.locator(".reader").getAttribute("id"), `article-${ids[0]}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a reference anchor opens its file's details and shows the row", async () => {
  const row = built("capex", "data/reference").at(-1)!;
  const {page, errors, context} = await open(site.browser, `${site.server.url}sources.html#ref-${row.id}`);
  await page.waitForSelector(`#ref-${row.id}`);
  await page.waitForTimeout(600);
  assert.equal(await page.locator(`#ref-${row.id}`).isVisible(), true);
  assert.equal(await page.locator("#ref-file-capex").evaluate((d) => (d as HTMLDetailsElement).open), true);
  assert.match(await page.locator(`#ref-${row.id}`).innerText(), new RegExp(row.confidence.replace(/[()]/g, "\\$&")));
  assert.deepEqual(errors, []);
  await context.close();
});

test("the claims matrix has one cell per claim × article, and clicking one shows its passage", async () => {
  const claims = built("claims");
  const n = new Set(claims.map((c) => c.claim_id)).size * articles().length;
  const {page, errors, context} = await open(site.browser, `${site.server.url}sources.html`);
  await page.waitForSelector("#claims-matrix svg, #claims-matrix .claims-empty");
  assert.equal(await page.locator("#claims-matrix svg [aria-label='cell'] rect").count(), n);
  if (n > 0) {
    const stated = claims.findIndex((c) => c.stance !== "silent" && c.text);
    assert.ok(stated >= 0, "some claim is stated somewhere");
    // Cells are drawn claim by claim, article by article (the claims table's order).
    await page.locator("#claims-matrix svg [aria-label='cell'] rect").nth(stated).click({position: {x: 4, y: 4}});
    const detail = await page.locator("#claim-detail").innerText();
    assert.match(detail, new RegExp(claims[stated].claim_id));
    assert.ok(detail.includes(claims[stated].text.slice(0, 30)), "the passage text is shown below the chart");
    assert.equal(await page.locator("#claim-detail a").getAttribute("href"), `#p-${claims[stated].article_id}-${claims[stated].passage}`);
    // The table alternative has a link per stated/differing cell.
    assert.equal(await page.locator(".claims-table a").count(), claims.filter((c) => c.passage).length);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("no two different tables download under the same file name (the corpus's dates and the reference dates differ)", async () => {
  const {page, context} = await open(site.browser, `${site.server.url}sources.html`);
  await page.waitForSelector("a[download]");
  const links = await page.$$eval("a[download]", (as) => as.map((a) => ({file: a.getAttribute("download") ?? "", label: (a.textContent ?? "").trim()})));
  // The same table may be offered twice (beside the reader and in the list of every table); a reference file must never share a corpus table's name.
  const reference = new Set(links.filter((l) => l.label.startsWith("reference/")).map((l) => l.file));
  const corpus = new Set(links.filter((l) => !l.label.startsWith("reference/")).map((l) => l.file));
  assert.deepEqual([...reference].filter((f) => corpus.has(f)), [], "a reference file and a corpus table share a name");
  assert.ok(corpus.has("dates.csv") && reference.has("reference-dates.csv"), links.map((l) => l.file).join(" "));
  await context.close();
});
