import {test} from "node:test";
import assert from "node:assert/strict";
import {open, useSite} from "./browser.ts";

const site = useSite();

test("the method page runs its Arquero cells with no console error and no third-party request", async () => {
  const {page, errors, external, context} = await open(site.browser, `${site.server.url}method.html`);
  await page.waitForSelector("#big-money-summary");
  assert.match(await page.locator("h1").first().innerText(), /How it's made/);
  assert.ok((await page.locator("pre code").count()) >= 6, "the code is shown (js echo)");
  assert.ok((await page.locator("form table, table").count()) >= 2, "Arquero results are shown as tables");
  assert.deepEqual(errors, []);
  assert.deepEqual(external, []);
  await context.close();
});

test("the threshold Input changes the list of money figures, each linked to its passage", async () => {
  const {page, errors, context} = await open(site.browser, `${site.server.url}method.html`);
  await page.waitForSelector("#big-money-summary");
  const input = page.getByRole("spinbutton", {name: /At least/});
  await input.fill("0");
  await page.waitForFunction(() => /of at least \$0 billion/.test(document.querySelector("#big-money-summary")?.textContent ?? ""));
  const all = await page.locator("#big-money li").count();
  assert.ok(all > 0);
  const hrefs = await page.locator("#big-money a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.ok(hrefs.every((h) => /^sources\.html#p-[a-z0-9-]+-\d+$/.test(h ?? "")), "each figure links to its passage");
  await input.fill("75");
  await page.waitForFunction(() => /of at least \$75 billion/.test(document.querySelector("#big-money-summary")?.textContent ?? ""));
  const fewer = await page.locator("#big-money li").count();
  assert.ok(fewer < all, `fewer figures at $75 bn (${fewer}) than at $0 (${all})`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the sentence demo splits the text the reader types", async () => {
  const {page, errors, context} = await open(site.browser, `${site.server.url}method.html`);
  await page.waitForSelector("#big-money-summary");
  const box = page.getByRole("textbox", {name: "Text"});
  const before = await page.locator("#sentence-pieces li").allInnerTexts();
  assert.equal(before[0].trim(), "Am 19.", "the default text shows the ordinal-date split");
  await box.fill("Eins. Zwei. Drei.");
  await page.waitForFunction(() => document.querySelectorAll("#sentence-pieces li").length === 3);
  assert.deepEqual((await page.locator("#sentence-pieces li").allInnerTexts()).map((t) => t.trim()), ["Eins.", "Zwei.", "Drei."]);
  assert.deepEqual(errors, []);
  await context.close();
});
