// Every page, every Input: each select through its options, each slider and number box to both
// ends (and one past them), each checkbox and radio; after each move the page must not show broken
// text ("NaN", "undefined", "Infinity", "only none", "within 0") nor throw.
import {test} from "node:test";
import assert from "node:assert/strict";
import type {Page} from "playwright-core";
import {open, useSite} from "./browser.ts";
import {builtPages, pageUrl} from "./pages.ts";

const site = useSite();
const BROKEN = /\bNaN\b|\bundefined\b|-?Infinity\b|\bonly none\b|\bwithin 0(?![.,]?\d)/;

// Written as a string: tsx names the functions of a test file (__name), which a page does not define.
const FIND_BROKEN = `(() => {
  const re = new RegExp(${JSON.stringify(BROKEN.source)});
  const main = document.querySelector("main");
  if (!main) return undefined;
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement && n.parentElement.closest("pre, code, script, style, textarea")) continue; // code shown as code may say "undefined" on purpose
    const m = re.exec(n.textContent || "");
    if (m) return m[0] + " in “" + (n.textContent || "").trim().slice(0, 160) + "”";
  }
  return undefined;
})()`;

async function brokenText(page: Page): Promise<string | undefined> {
  return page.evaluate(FIND_BROKEN);
}

const settle = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 60)))));

for (const name of builtPages().filter((p) => p !== "try")) {
  test(`${name}: every select, slider, number box, checkbox and radio, moved through its values, leaves no broken text`, async () => {
    const {page, errors, context} = await open(site.browser, pageUrl(site.server.url, name));
    await settle(page);
    const problems: string[] = [];
    const look = async (what: string) => {
      await settle(page);
      const b = await brokenText(page);
      if (b) problems.push(`${what}: ${b}`);
    };
    await look("on load");
    const selects = page.locator("main select");
    for (let i = 0; i < (await selects.count()); i++) {
      const select = selects.nth(i);
      const options = await select.locator("option").count();
      for (let o = 0; o < options; o++) {
        await select.selectOption({index: o});
        await look(`select ${i} option ${o}`);
      }
      await select.selectOption({index: 0});
    }
    const ranges = page.locator("main input[type=range]");
    for (let i = 0; i < (await ranges.count()); i++) {
      const r = ranges.nth(i);
      for (const end of ["min", "max"] as const) {
        await r.evaluate(`(el) => { el.value = el.${end}; el.dispatchEvent(new Event("input", {bubbles: true})); el.dispatchEvent(new Event("change", {bubbles: true})); }` as never);
        await look(`slider ${i} at ${end}`);
      }
    }
    const numbers = page.locator("main input[type=number]");
    for (let i = 0; i < (await numbers.count()); i++) {
      const n = numbers.nth(i);
      if (!(await n.isVisible()) || (await n.isDisabled())) continue;
      const [min, max] = [(await n.getAttribute("min")) ?? "", (await n.getAttribute("max")) ?? ""];
      const values = [min, max, min !== "" ? String(Number(min) - 1) : "-1", max !== "" ? String(Number(max) + 1) : "1e12"].filter((v) => v !== "");
      for (const v of values) {
        await n.fill(v);
        await n.blur();
        await look(`number box ${i} = ${v}`);
      }
    }
    const toggles = page.locator("main input[type=checkbox]:visible, main input[type=radio]:visible");
    for (let i = 0; i < Math.min(await toggles.count(), 60); i++) {
      const t = toggles.nth(i);
      if (await t.isDisabled()) continue;
      await t.click({force: true});
      await look(`toggle ${i}`);
    }
    // Every check answers back (after the wrong answers above): its feedback must read right too.
    const buttons = page.locator("main form.check button[type=submit]");
    for (let i = 0; i < (await buttons.count()); i++) {
      await buttons.nth(i).click();
      await look(`check ${i} answered`);
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(errors, [], `page errors on ${name}`);
    await context.close();
  });
}
