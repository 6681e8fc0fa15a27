// Every check on every built page, as a reader meets it: where the right option sits, whether it
// gives itself away by its length, whether each wrong option explains itself differently, whether
// the checks that need an interactive really need it, and whether progress counts right.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {open, useSite} from "./browser.ts";
import {builtPages, pageUrl} from "./pages.ts";

const dist = process.env.LEDGER_DIST ?? "dist";
const CHAPTERS = ["licensing", "revenue-sharing", "seeding", "capex"];

// One browser and the built site on a loopback server for this file's tests (browser.ts useSite).
const site = useSite();

const url = (page: string, query = "") => `${pageUrl(site.server.url, page)}${query}`;

// The build's list of each page's checks (src/data/checks.json.ts), which the start page counts.
const listFile = readdirSync(join(dist, "_file/data")).find((f) => /^checks\.[0-9a-f]+\.json$/.test(f));
const checkList: {name: string; path: string; ids: string[]}[] = listFile ? JSON.parse(readFileSync(join(dist, "_file/data", listFile), "utf8")) : [];
const listed = (page: string) => checkList.find((c) => c.path === `/${page}`)?.ids ?? [];

/** Waits until every check the build lists for the page is drawn (cells draw them one by one). */
const drawn = (page: Page, name: string) => page.waitForFunction((ids) => ids.every((id) => document.querySelector(`form.check[data-check="${id}"]`)), listed(name));

interface Option {value: string; text: string; right: boolean; feedback: string}
interface Found {page: string; id: string; requires: string | null; kind: "choice" | "number"; options: Option[]; answerText: string}

/** The checks of a page in display order: options with their values (source indices) and texts. */
const layout = (page: Page) =>
  page.$$eval("form.check", (forms) =>
    forms.map((f) => ({
      id: (f as HTMLElement).dataset.check!,
      requires: (f as HTMLElement).dataset.requires ?? null,
      radios: [...f.querySelectorAll("label")].filter((l) => l.querySelector("input[type=radio]")).map((l) => ({value: (l.querySelector("input") as HTMLInputElement).value, text: l.textContent!.trim()})),
      answerText: f.querySelector(".check-answer")?.textContent ?? ""
    }))
  );

const form = (page: Page, id: string) => page.locator(`form.check[data-check="${id}"]`);

/** Answers a check (a radio's value or a number) and returns its state and feedback. */
async function answer(page: Page, id: string, value: string): Promise<{state: string | null; feedback: string}> {
  const f = form(page, id);
  if (await f.locator("input[type=radio]").count()) await f.locator(`input[type=radio][value="${value}"]`).check();
  else await f.locator("input[type=number]").fill(value);
  await f.getByRole("button", {name: "Check"}).click();
  await page.waitForFunction((id) => document.querySelector(`form.check[data-check="${id}"]`)?.hasAttribute("data-state"), id);
  // The feedback without its source link (the same link under every option).
  const feedback = await f.locator(".check-feedback").evaluate((p) => { const c = p.cloneNode(true) as HTMLElement; c.querySelectorAll("a").forEach((a) => a.remove()); return c.textContent!.trim(); });
  return {state: await f.getAttribute("data-state"), feedback};
}

/** Every check on the built site, each option tried once (in a fresh site.browser, so nothing is remembered). */
let collected: Promise<Found[]> | undefined;
function allChecks(): Promise<Found[]> {
  return (collected ??= (async () => {
    const found: Found[] = [];
    for (const name of builtPages(dist)) {
      const w = await open(site.browser, url(name));
      await drawn(w.page, name);
      for (const c of await layout(w.page)) {
        const options: Option[] = [];
        for (const r of c.radios) {
          const {state, feedback} = await answer(w.page, c.id, r.value);
          options.push({...r, feedback, right: state === "right"});
        }
        found.push({page: name, id: c.id, requires: c.requires, kind: c.radios.length ? "choice" : "number", options, answerText: c.answerText});
      }
      assert.deepEqual(w.errors, [], name);
      await w.context.close();
    }
    return found;
  })());
}

test("every multiple-choice check has exactly one right option, and its place varies: no place holds more than 40%", async (t) => {
  const choices = (await allChecks()).filter((c) => c.kind === "choice");
  assert.ok(choices.length >= 20, `found ${choices.length} multiple-choice checks`);
  const places = new Map<number, string[]>();
  for (const c of choices) {
    const rights = c.options.filter((o) => o.right);
    assert.equal(rights.length, 1, `${c.id}: one right option (${c.options.map((o) => o.feedback.slice(0, 12)).join(" | ")})`);
    const place = c.options.findIndex((o) => o.right);
    places.set(place, [...(places.get(place) ?? []), c.id]);
  }
  t.diagnostic(`right answers by place: ${[...places].sort(([a], [b]) => a - b).map(([place, ids]) => `${place + 1}: ${ids.length}`).join(", ")} of ${choices.length}`);
  for (const [place, ids] of places) {
    assert.ok(ids.length <= 0.4 * choices.length, `place ${place + 1} holds ${ids.length} of ${choices.length} right answers: ${ids.join(", ")}`);
  }
  assert.ok(places.size >= 3, `right answers sit in ${places.size} different places`);
});

test("the right option is the longest in at most half of the checks", async (t) => {
  const choices = (await allChecks()).filter((c) => c.kind === "choice");
  const longest = choices.filter((c) => {
    const right = c.options.find((o) => o.right)!;
    return c.options.every((o) => o === right || o.text.length < right.text.length);
  });
  t.diagnostic(`the right option is the longest in ${longest.length} of ${choices.length}`);
  assert.ok(longest.length <= choices.length / 2, `the right option is the longest in ${longest.length} of ${choices.length}: ${longest.map((c) => c.id).join(", ")}`);
});

test("every wrong option answers with its own explanation, different from the others' and from the right one's", async () => {
  for (const c of (await allChecks()).filter((c) => c.kind === "choice")) {
    const feedback = c.options.map((o) => o.feedback.replace(/^(Right|Not quite)\.\s*/, ""));
    assert.equal(new Set(feedback).size, feedback.length, `${c.id}: ${JSON.stringify(feedback)}`);
    for (const o of c.options.filter((o) => !o.right)) {
      assert.match(o.feedback, /^Not quite\. \S/, `${c.id}: "${o.text}" explains itself`);
      assert.doesNotMatch(o.feedback, /Try again, or read the source/, c.id);
    }
  }
});

test("numeric checks: a wrong number gets a hint or nothing, never the tolerance; the teacher's answer puts the unit where a reader says it", async () => {
  const numbers = (await allChecks()).filter((c) => c.kind === "number");
  assert.ok(numbers.length >= 5, `found ${numbers.length} numeric checks`);
  const w = await open(site.browser, url("index"));
  for (const c of numbers) {
    // The teacher's line: "Answer: US$7.22 billion. …", never "7.22 US$ billion".
    const m = /^Answer: (?:US\$|[a-z]+ )?(-?\d[\d,.]*)/.exec(c.answerText);
    assert.ok(m, `${c.id}: ${c.answerText}`);
    assert.doesNotMatch(c.answerText, /\d\s*US\$/, c.id);
    const right = Number(m![1].replace(/,/g, ""));
    await w.page.goto(url(c.page), {waitUntil: "networkidle"});
    await drawn(w.page, c.page);
    const wrong = await answer(w.page, c.id, String(right + 1000));
    assert.equal(wrong.state, "wrong", c.id);
    assert.doesNotMatch(wrong.feedback, /within|Only the exact number/i, `${c.id}: ${wrong.feedback}`);
    assert.match(wrong.feedback, /^Not quite\. (Hint: \S|Try again\.)/, `${c.id}: ${wrong.feedback}`);
    // A hint says how to get there, not what the number is.
    assert.ok(!new RegExp(`(^|[^\\d.,])${String(right).replace(".", "\\.")}([^\\d]|$)`).test(wrong.feedback) || right === 0, `${c.id}: the hint gives the answer away: ${wrong.feedback}`);
    assert.equal((await answer(w.page, c.id, String(right))).state, "right", c.id);
  }
  await w.context.close();
});

test("the build lists every page's checks, and the display order is the same on every load and in another site.browser", async () => {
  assert.ok(listFile, "checks.json is built");
  const found = await allChecks();
  for (const {path, ids} of checkList) assert.deepEqual(found.filter((c) => `/${c.page}` === path).map((c) => c.id).sort(), [...ids].sort(), path);
  const first = await open(site.browser, url("capex"));
  const again = await open(site.browser, url("capex"), {viewport: {width: 390, height: 844}, colorScheme: "dark"});
  await drawn(first.page, "capex");
  await drawn(again.page, "capex");
  const a = await layout(first.page);
  const b = await layout(again.page);
  assert.ok(a.some((c) => c.radios.length), "capex has multiple-choice checks");
  assert.deepEqual(a.map((c) => c.radios), b.map((c) => c.radios));
  await first.context.close();
  await again.context.close();
});

// How to use each chapter's interactive for the checks that need it: `set` does what the question
// says; `read` runs in the page and returns the number the interactive shows once it differs from
// `before` (null until then), so the test waits for the page's state, not for a duration. At the
// page's defaults that number must not be the answer: the check cannot be answered without the
// interactive.
type Read = (before: string | null) => string | null;
const DRIVERS: Record<string, {set: (page: Page) => Promise<void>; read: Read}> = {
  "lic-checker-estimate": {
    set: async (page) => {
      const version = page.getByLabel("Llama version");
      await version.selectOption({label: (await version.locator("option", {hasText: /^Llama 4 /}).innerText()).trim()});
      await page.getByLabel("Service", {exact: true}).selectOption("X (Twitter)");
    },
    read: (before) => {
      const text = document.querySelector("#licence-verdict")?.textContent ?? "";
      // After the inputs are set, only the verdict for both of them counts: the one drawn
      // between the two selections (new version, old service) is not the answer.
      if (before !== null && !(text.includes("Llama 4") && text.includes("for X (Twitter)"))) return null;
      const v = /(\d+) months? (?:before|after) the test month/.exec(text)?.[1] ?? (/Dated in the test month itself|includes the test month/.test(text) ? "0" : null);
      return v !== before ? v : null;
    }
  },
  "rev-grid-price": {
    set: async (page) => {
      const select = page.getByLabel("Price per million tokens");
      await select.selectOption({label: (await select.locator("option", {hasText: /^AWS Bedrock · Llama 3\.1 405B Instruct · /}).innerText()).trim()});
    },
    read: (before) => {
      const summary = [...document.querySelectorAll("p.chart-summary")].map((p) => p.textContent ?? "").find((t) => /cells reach 1% of 2025 capex/.test(t)) ?? "";
      const v = /(\d+) of \d+ cells reach 1%/.exec(summary)?.[1] ?? null;
      return v !== before ? v : null;
    }
  },
  "seeding-upload-zero-rounds": {
    set: async (page) => {
      await page.fill("#input-peers-number", "12");
      await page.fill("#input-seed-number", "1");
      await page.fill("#input-upload-number", "0");
    },
    read: (before) => {
      const v = document.querySelector("#swarm-complete")?.textContent?.trim() ?? null;
      return v !== before ? v : null;
    }
  },
  "capex-scenario-cover": {
    set: async (page) => {
      await page.fill("#input-tokens-number", "1000000");
    },
    read: (before) => {
      const v = /a year: [\d.]+–([\d.]+)% of what it spent/.exec(document.querySelector("#observablehq-main")?.textContent ?? "")?.[1] ?? null;
      return v !== before ? v : null;
    }
  }
};

test("each chapter has a check that only its interactive answers: the answer is not on the page at its defaults, and appears once the inputs are set", async () => {
  const found = await allChecks();
  for (const chapter of CHAPTERS) {
    assert.ok(found.some((c) => c.page === chapter && c.requires), `${chapter} has a check marked data-requires`);
  }
  for (const c of found.filter((c) => c.requires)) {
    const driver = DRIVERS[c.id];
    assert.ok(driver, `${c.id} (requires ${c.requires}) has a driver in this test`);
    const w = await open(site.browser, url(c.page));
    const p = w.page;
    await drawn(p, c.page);
    const before = (await (await p.waitForFunction(driver.read, null)).jsonValue()) as string;
    assert.equal((await answer(p, c.id, before)).state, "wrong", `${c.id}: the page at its defaults shows ${before}, which must not be the answer`);
    await driver.set(p);
    const after = (await (await p.waitForFunction(driver.read, before)).jsonValue()) as string;
    const result = await answer(p, c.id, after);
    assert.equal(result.state, "right", `${c.id}: the interactive shows ${after} (it showed ${before}); the check says ${result.feedback}`);
    assert.deepEqual(w.errors, [], c.id);
    await w.context.close();
  }
});

test("progress: a chapter counts its own checks, the start page counts each chapter's, and one button clears them all", async () => {
  const w = await open(site.browser, url("seeding"));
  const p = w.page;
  await drawn(p, "seeding");
  const total = await p.locator("form.check").count();
  const line = p.locator(".check-progress-count");
  await p.waitForFunction((total) => document.querySelector(".check-progress-count")?.textContent === `0 of ${total} checks right`, total);
  const mc = (await layout(p)).find((c) => c.radios.length)!;
  // Find its right option by trying them, as a reader would.
  let right = "";
  for (const r of mc.radios) {
    if ((await answer(p, mc.id, r.value)).state === "right") right = r.value;
    else assert.equal(await line.innerText(), `0 of ${total} checks right`, "a wrong answer does not count");
  }
  await answer(p, mc.id, right);
  assert.equal(await line.innerText(), `1 of ${total} checks right`);

  // The start page knows how many checks each page has without loading it: the build's list.
  await p.goto(url("index"), {waitUntil: "networkidle"});
  const item = p.locator('.check-progress-list li[data-path="/seeding"]');
  assert.match(await item.innerText(), new RegExp(`: 1 of ${total} checks right$`));
  for (const chapter of [...CHAPTERS, "sources", "method", "glossary"].filter((c) => c !== "seeding")) {
    const built = (await allChecks()).filter((c) => c.page === chapter).length;
    assert.match(await p.locator(`.check-progress-list li[data-path="/${chapter}"]`).innerText(), new RegExp(`: 0 of ${built} checks? right$`), chapter);
  }
  await p.getByRole("button", {name: "Clear my answers"}).click();
  assert.match(await item.innerText(), new RegExp(`: 0 of ${total} checks right$`));
  assert.equal(await p.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("ledger:check:")).length), 0);

  // Back on the chapter, nothing is remembered; answering and clearing there resets the form in place.
  await p.goto(url("seeding"), {waitUntil: "networkidle"});
  await drawn(p, "seeding");
  assert.equal(await form(p, mc.id).getAttribute("data-state"), null);
  await answer(p, mc.id, right);
  assert.equal(await line.innerText(), `1 of ${total} checks right`);
  await p.getByRole("button", {name: "Clear my answers"}).click();
  assert.equal(await form(p, mc.id).getAttribute("data-state"), null);
  assert.equal(await form(p, mc.id).locator("input:checked").count(), 0);
  assert.equal(await line.innerText(), `0 of ${total} checks right`);
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test("with storage disabled, progress still counts on the page and the start page says why it cannot", async () => {
  const context = await site.browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {configurable: true, get() { throw new DOMException("The operation is insecure.", "SecurityError"); }});
  });
  await context.route("**/*", (route) => (route.request().url().startsWith(site.server.url.replace(/\/$/, "")) ? route.continue() : route.abort()));
  const errors: string[] = [];
  const p = await context.newPage();
  p.on("pageerror", (e) => errors.push(String(e)));
  p.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await p.goto(url("index"), {waitUntil: "networkidle"});
  assert.match(await p.locator(".check-progress-start").innerText(), /does not let the site store anything/);
  assert.ok(await p.getByRole("button", {name: "Clear my answers"}).isDisabled());
  await p.goto(url("glossary"), {waitUntil: "networkidle"});
  await drawn(p, "glossary");
  assert.match(await p.locator(".check-progress").innerText(), /does not let the page store anything/);
  const id = "glossary-open-weights";
  const values = await form(p, id).locator("input[type=radio]").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  for (const v of values) if ((await answer(p, id, v)).state === "right") break;
  assert.match(await p.locator(".check-progress-count").innerText(), /^1 of \d+ checks right$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("/try's checks about a reader's own article: one right option each, and every option explains itself differently", {timeout: 240_000}, async () => {
  // Two corpus articles with different stances, so the right option and the explanations differ too.
  const seen = new Map<string, string>();
  for (const file of ["data/articles/de-llama-finances.txt", "data/articles/de-llama-3-1-launch.txt"]) {
    const w = await open(site.browser, url("try"));
    const p = w.page;
    await p.setInputFiles("#try-file", file);
    await p.waitForFunction(() => document.querySelectorAll("#try-checks form.check").length === 3, undefined, {timeout: 180_000});
    for (const c of (await layout(p)).filter((c) => /^try-(700m|capex)-/.test(c.id))) {
      const results = [];
      for (const r of c.radios) results.push(await answer(p, c.id, r.value));
      assert.equal(results.filter((r) => r.state === "right").length, 1, `${file} ${c.id}`);
      const feedback = results.map((r) => r.feedback.replace(/^(Right|Not quite)\.\s*/, ""));
      assert.ok(feedback.every((f) => f.length > 20), `${file} ${c.id}: every option explains itself: ${JSON.stringify(feedback)}`);
      assert.equal(new Set(feedback).size, feedback.length, `${file} ${c.id}: ${JSON.stringify(feedback)}`);
      seen.set(`${file} ${c.id.replace(/-[0-9a-f]{12}$/, "")}`, c.radios[results.findIndex((r) => r.state === "right")].text);
    }
    assert.deepEqual(w.errors, [], file);
    await w.context.close();
  }
  assert.equal(seen.size, 4, [...seen.keys()].join(", "));
});

test("/try: the start page's count is the number of checks a reader can answer there once an article is in, and the page's own line says the same before and after", {timeout: 240_000}, async () => {
  const w = await open(site.browser, url("index"));
  const p = w.page;
  const item = p.locator('.check-progress-list li[data-path="/try"]');
  const onStart = Number(/: 0 of (\d+) checks? right$/.exec(await item.innerText())?.[1]);

  await p.goto(url("try"), {waitUntil: "networkidle"});
  const line = p.locator(".check-progress-count");
  await p.waitForFunction(() => /checks? right/.test(document.querySelector(".check-progress-count")?.textContent ?? ""));
  const before = await line.innerText();
  const shownBefore = await p.locator("form.check").count();
  await p.setInputFiles("#try-file", "data/articles/de-llama-finances.txt");
  await p.waitForFunction(() => document.querySelectorAll("#try-checks form.check").length === 3, undefined, {timeout: 180_000});
  const answerable = await p.locator("form.check").count();
  assert.equal(onStart, answerable, `the start page says ${onStart}; with an article, /try has ${answerable} checks`);
  assert.equal(answerable, 4);
  assert.equal(before, `0 of ${answerable} checks right; ${answerable - shownBefore} of them appear once you give the page an article`);
  await p.waitForFunction((n) => document.querySelector(".check-progress-count")?.textContent === `0 of ${n} checks right`, answerable);

  // A check about the pasted article, answered right, counts on the start page too.
  const mc = (await layout(p)).find((c) => /^try-700m-/.test(c.id))!;
  for (const r of mc.radios) if ((await answer(p, mc.id, r.value)).state === "right") break;
  assert.equal(await line.innerText(), `1 of ${answerable} checks right`);
  await p.goto(url("index"), {waitUntil: "networkidle"});
  assert.match(await item.innerText(), new RegExp(`: 1 of ${answerable} checks right$`));
  await p.getByRole("button", {name: "Clear my answers"}).click();
  assert.match(await item.innerText(), new RegExp(`: 0 of ${answerable} checks right$`));
  assert.deepEqual(w.errors, []);
  await w.context.close();
});
