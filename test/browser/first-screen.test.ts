// What a phone does at load, on every page: nothing in the first screen moves (cumulative layout
// shift within the 0.02 budget, measured with the Layout Instability API under a 4× CPU
// slowdown), charts wait until the reader scrolls near them, and Plot is not downloaded until
// then. The full Lighthouse figures are `npm run bench -- --only pages` (docs/performance.md).
import {test} from "node:test";
import assert from "node:assert/strict";
import {useSite} from "./browser.ts";
import {builtPages, pageUrl} from "./pages.ts";

const site = useSite();
const PHONE = {viewport: {width: 412, height: 823}, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true};
const CLS_BUDGET = 0.02;

for (const name of builtPages()) {
  test(`${name}: at phone size the first screen does not move, and charts and Plot wait for the reader`, async () => {
    const context = await site.browser.newContext(PHONE);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", {rate: 4});
    const plotRequests: string[] = [];
    const errors: string[] = [];
    page.on("request", (r) => { if (r.url().includes("/_node/@observablehq/plot@")) plotRequests.push(r.url()); });
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.addInitScript(observeShifts);
    await page.goto(pageUrl(site.server.url, name), {waitUntil: "networkidle"});
    await page.waitForTimeout(1000);
    const shift = await page.evaluate(() => (window as unknown as {__shift: number}).__shift);
    assert.ok(shift <= CLS_BUDGET, `${name}: layout shift ${shift.toFixed(3)} at load (budget ${CLS_BUDGET})`);

    const charts = await page.locator(".deferred").count();
    if (charts) {
      // Half a screen ahead of the reader is the observer's margin; past 1.5 screens nothing is drawn yet.
      const far = await page.evaluate(() => [...document.querySelectorAll(".deferred")].filter((b) => b.getBoundingClientRect().top > innerHeight * 1.5).map((b) => b.hasAttribute("data-drawn")));
      assert.ok(far.every((drawn) => !drawn), `${name}: charts far below the first screen wait (${far.filter(Boolean).length} of ${far.length} drawn at load)`);
      if (far.length === charts) assert.deepEqual(plotRequests, [], `${name}: Plot is not downloaded before a chart is near`);
      // Scrolling through the page draws every chart.
      for (let y = 0; y < (await page.evaluate(() => document.documentElement.scrollHeight)); y += 600) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        await page.waitForTimeout(60);
      }
      await page.waitForFunction(() => !document.querySelector(".deferred:not([data-drawn])"), undefined, {timeout: 20_000});
      assert.ok(plotRequests.length > 0, `${name}: Plot is downloaded once a chart is near`);
      assert.equal(await page.locator(".deferred svg").count() >= charts, true, `${name}: every chart drawn after scrolling`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`${name}: on a desktop screen the first screen does not move either`, async () => {
    const context = await site.browser.newContext({viewport: {width: 1280, height: 900}});
    const page = await context.newPage();
    await page.addInitScript(observeShifts);
    await page.goto(pageUrl(site.server.url, name), {waitUntil: "networkidle"});
    await page.waitForTimeout(1000);
    const shift = await page.evaluate(() => (window as unknown as {__shift: number}).__shift);
    assert.ok(shift <= CLS_BUDGET, `${name}: layout shift ${shift.toFixed(3)} at load on a desktop screen (budget ${CLS_BUDGET})`);
    await context.close();
  });
}

/** Sums the page's layout shifts (Layout Instability API) into window.__shift, as Lighthouse does for a load without input. */
function observeShifts() {
  const w = window as unknown as {__shift: number};
  w.__shift = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as unknown as Array<{value: number; hadRecentInput: boolean}>) if (!e.hadRecentInput) w.__shift += e.value;
  }).observe({type: "layout-shift", buffered: true});
}
