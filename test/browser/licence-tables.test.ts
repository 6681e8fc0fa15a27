// The licence chapter's reference tables (OSI's verdicts, the clause, the other licence terms) on a
// phone and a desktop: each fits the text column without being scrolled, and the sideways-scrolling
// box that holds it becomes a labelled, focusable region only when the table truly is wider.
import {test} from "node:test";
import assert from "node:assert/strict";
import type {Page} from "playwright-core";
import {open, useSite} from "./browser.ts";

const site = useSite();

const TABLES = [/^OSI \(and the FSF/, /^One clause, six licences/, /^How the other licence terms changed/];

interface Box { caption: string; left: number; right: number; boxScrolls: boolean; focusable: boolean }

async function tables(page: Page): Promise<{column: {left: number; right: number}; viewport: number; page: number; tables: Box[]}> {
  return page.evaluate(() => {
    // The text column: the widest paragraph of running text in the page.
    const ps = [...document.querySelectorAll("#observablehq-main > p")].map((p) => p.getBoundingClientRect()).filter((r) => r.width > 0);
    const column = {left: Math.min(...ps.map((r) => r.left)), right: Math.max(...ps.map((r) => r.right))};
    return {
      column,
      viewport: document.documentElement.clientWidth,
      page: document.documentElement.scrollWidth,
      tables: [...document.querySelectorAll<HTMLTableElement>("#observablehq-main table")].filter((t) => t.checkVisibility()).map((t) => {
        const r = t.getBoundingClientRect();
        const box = t.closest<HTMLElement>(".table-scroll");
        return {caption: t.caption?.textContent ?? "", left: r.left, right: r.right, boxScrolls: box ? box.scrollWidth > box.clientWidth + 1 : false, focusable: box?.tabIndex === 0};
      })
    };
  });
}

for (const [name, viewport] of [["phone", {width: 390, height: 844}], ["desktop", {width: 1280, height: 800}]] as const) {
  test(`licence tables fit the text column on a ${name} (${viewport.width} px)`, async () => {
    const w = await open(site.browser, `${site.server.url}licensing.html`, {viewport});
    await w.page.waitForFunction(() => document.querySelectorAll("#observablehq-main table caption").length >= 3);
    const m = await tables(w.page);
    assert.ok(m.page <= m.viewport, `the page scrolls sideways: ${m.page} px wide in ${m.viewport}`);
    for (const pattern of TABLES) {
      const t = m.tables.find((x) => pattern.test(x.caption));
      assert.ok(t, `a visible table captioned ${pattern}`);
      assert.ok(t.right <= Math.min(m.viewport, m.column.right) + 0.5, `${t.caption.slice(0, 40)}: right edge ${Math.round(t.right)} px, column ends at ${Math.round(m.column.right)}, viewport ${m.viewport}`);
      assert.ok(t.left >= m.column.left - 0.5, `${t.caption.slice(0, 40)} starts left of the column`);
      assert.equal(t.boxScrolls, false, `${t.caption.slice(0, 40)} must be scrolled sideways to be read`);
      assert.equal(t.focusable, false, `${t.caption.slice(0, 40)}: a box that does not scroll is no tab stop`);
    }
    assert.deepEqual(w.errors, []);
    await w.context.close();
  });
}

test("a licence table squeezed narrower than itself scrolls in a focusable region named by its caption, and stops being one when it fits again", async () => {
  const w = await open(site.browser, `${site.server.url}licensing.html`, {viewport: {width: 1280, height: 800}});
  const box = w.page.locator(".table-scroll", {has: w.page.locator("caption", {hasText: "How the other licence terms changed"})});
  await box.waitFor();
  assert.equal(await box.getAttribute("role"), null);
  // A tablet-sized column: the cells' readable minimum no longer fits, so the box must scroll.
  await box.evaluate((el) => { el.style.width = "420px"; });
  await w.page.waitForFunction(() => document.querySelector(".table-scroll[data-scrolls]") !== null);
  const region = w.page.getByRole("region", {name: /How the other licence terms changed/});
  assert.equal(await region.count(), 1);
  await region.focus();
  await w.page.keyboard.press("ArrowRight");
  await w.page.waitForFunction(() => (document.querySelector(".table-scroll[data-scrolls]")?.scrollLeft ?? 0) > 0);
  await box.evaluate((el) => { el.style.width = ""; });
  await w.page.waitForFunction(() => document.querySelector(".table-scroll[data-scrolls]") === null);
  assert.equal(await box.getAttribute("tabindex"), null);
  assert.equal(await box.getAttribute("role"), null);
  await w.context.close();
});
