// The swarm chart, its caption and its table follow "Keep seeding": with it on, the rounds after
// completion are shaded and called seeding; with it off, the client has left, and nothing is.
import {test} from "node:test";
import assert from "node:assert/strict";
import type {Page} from "playwright-core";
import {open, useSite} from "./browser.ts";

const site = useSite();

/** What the page shows about seeding, read from the chart, its caption and the per-round table. */
const state = (page: Page) =>
  page.evaluate(() => {
    const figure = document.querySelector("#swarm-chart")!;
    const svg = [...figure.querySelectorAll("svg")].at(-1)!;
    const table = [...document.querySelectorAll("details.text-alternative table")].find((t) => [...t.querySelectorAll("th")].some((th) => th.textContent === "seeding"))!;
    const column = [...table.querySelectorAll("thead th")].findIndex((th) => th.textContent === "seeding");
    return {
      caption: figure.querySelector("figcaption")!.textContent!.replace(/\s+/g, " "),
      shaded: svg.querySelectorAll("[aria-label='rect'] rect").length,
      complete: document.querySelector("#swarm-complete")!.textContent!,
      after: document.querySelector("#swarm-after")!.textContent!,
      seedingRows: [...table.querySelectorAll("tbody tr")].filter((tr) => tr.children[column]?.textContent === "true").length
    };
  });

test("keep seeding on, then off: the shading, the caption and the table say the same thing", async () => {
  const {page, errors, context} = await open(site.browser, `${site.server.url}seeding.html?peers=12&upload=2&seed=1`);
  await page.waitForSelector("#swarm-chart svg [aria-label='line']");
  const on = await state(page);
  assert.equal(on.shaded, 1, "the seeding rounds are shaded");
  assert.match(on.caption, /The shaded part after it, rounds \d+–\d+, is seeding/);
  const [, from, to] = /rounds (\d+)–(\d+)/.exec(on.caption)!.map(Number);
  assert.equal(from, Number(on.complete) + 1, "the shade starts after the completion round");
  assert.equal(on.seedingRows, to - from + 1, "the table's seeding rows are the shaded rounds");
  assert.ok(Number(on.after) > 0, "it uploads while seeding");

  await page.getByLabel("Keep seeding after completion").uncheck();
  await page.waitForFunction(() => /Keep seeding” is off/.test(document.querySelector("#swarm-chart figcaption")?.textContent ?? ""));
  await page.waitForFunction(() => ![...document.querySelectorAll("#swarm-chart svg")].at(-1)?.querySelector("[aria-label='rect'] rect"));
  const off = await state(page);
  assert.equal(off.shaded, 0, "nothing is shaded once the client leaves");
  assert.doesNotMatch(off.caption, /is seeding/);
  assert.match(off.caption, /leaves the swarm: nothing after it is shaded, and the uploaded \(dashed\) line stays flat/);
  assert.equal(off.seedingRows, 0, "no round of the table is marked seeding");
  assert.equal(off.after, "0");
  assert.equal(off.complete, on.complete, "leaving changes nothing before completion");
  assert.match(page.url(), /[?&]keep=false\b/);

  await page.getByLabel("Keep seeding after completion").check();
  await page.waitForFunction(() => /is seeding/.test(document.querySelector("#swarm-chart figcaption")?.textContent ?? ""));
  assert.deepEqual(await state(page), on, "switching back restores the same swarm");
  assert.deepEqual(errors, []);
  await context.close();
});
