// Classroom view, teacher view, printed handouts and checks that remember, on every built page
// whose cells import components/classroom.js (found in dist/*.html), plus the glossary.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {open, useSite} from "./browser.ts";
import {builtPages, pageUrl} from "./pages.ts";

const dist = process.env.LEDGER_DIST ?? "dist";
const html = (page: string) => readFileSync(join(dist, `${page}.html`), "utf8");
const CLASSROOM_IMPORT = /_import\/components\/classroom\.[0-9a-f]+\.js/;
const classroomPages = [...new Set([...builtPages(dist).filter((p) => CLASSROOM_IMPORT.test(html(p))), "glossary"])].sort();
const checkPages = builtPages(dist).filter((p) => /class="check"|form\.check|check\(\{/.test(html(p)) && classroomPages.includes(p));

// One browser and the built site on a loopback server for this file's tests (browser.ts useSite).
const site = useSite();

const url = (page: string, query = "") => `${pageUrl(site.server.url, page)}${query}`;

/** The top-level h2 headings of the page that are displayed. */
const visibleHeadings = (page: Page) => page.$$eval("#observablehq-main > h2", (hs) => hs.filter((h) => getComputedStyle(h).display !== "none").map((h) => h.textContent!.trim()));
const allHeadings = (page: Page) => page.$$eval("#observablehq-main > h2", (hs) => hs.map((h) => h.textContent!.trim()));
const shown = (page: Page, selector: string) => page.$$eval(selector, (els) => els.some((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden"; }));

test("the glossary is built and imports the classroom module", () => {
  assert.ok(classroomPages.includes("glossary"));
  assert.match(html("glossary"), CLASSROOM_IMPORT);
});

test("without a query parameter the classroom module changes nothing", async () => {
  for (const page of classroomPages) {
    const w = await open(site.browser, url(page));
    assert.equal(await w.page.locator(".classroom-nav").count(), 0, page);
    assert.equal(await w.page.evaluate(() => document.documentElement.className), "", page);
    assert.ok(await shown(w.page, "#observablehq-sidebar"), `${page}: sidebar shown`);
    assert.deepEqual(await visibleHeadings(w.page), await allHeadings(w.page), `${page}: every section shown`);
    assert.equal(await shown(w.page, "form.check .check-answer"), false, `${page}: answers hidden`);
    assert.deepEqual(w.errors, [], page);
    await w.context.close();
  }
});

/** The headings (h1, h2) the current classroom slide shows. */
const slideHeadings = (page: Page) => page.$$eval("#observablehq-main > :is(h1, h2)", (hs) => hs.filter((h) => !h.classList.contains("classroom-hidden") && h.checkVisibility({visibilityProperty: true})).map((h) => h.textContent!.trim()));
const classroomReady = (page: Page) => page.waitForSelector("html[data-classroom=ready]", {state: "attached", timeout: 120_000});

test("?classroom hides the sidebar, TOC and code and shows one slide at a time; keys and buttons move", async () => {
  for (const page of classroomPages) {
    const w = await open(site.browser, url(page, "?classroom"), {drawDeferred: false});
    const p = w.page;
    await classroomReady(p);
    const headings = await allHeadings(p);
    const title = (await p.locator("#observablehq-main > h1").innerText()).trim();
    assert.ok(headings.length >= 2, `${page} has sections`);
    assert.equal(await shown(p, "#observablehq-sidebar"), false, `${page}: sidebar hidden`);
    assert.equal(await shown(p, "#observablehq-toc"), false, `${page}: TOC hidden`);
    assert.equal(await shown(p, ".observablehq-pre-container"), false, `${page}: code hidden`);
    const status = p.locator(".classroom-status");
    assert.ok(Number(/^Slide 1 of (\d+)\b/.exec(await status.innerText())?.[1]) >= headings.length + 1, `${page}: a slide at least per section`);
    assert.deepEqual(await slideHeadings(p), [title], `${page}: the first slide is the title and lead`);
    assert.ok(await p.getByRole("button", {name: "Previous slide"}).isDisabled(), page);

    // Slide by slide, every section comes in order, one heading per slide. (A block drawn late,
    // after a fetch, may change the count on the way: the counter is read at each slide.)
    const seen: string[] = [];
    let i = 1;
    for (;; i++) {
      assert.match(await status.innerText(), new RegExp(`^Slide ${i} of \\d+\\b`), page);
      const shownNow = await slideHeadings(p);
      assert.equal(shownNow.length, 1, `${page} slide ${i}: one heading (${shownNow.join(" | ")})`);
      if (shownNow[0] !== seen[seen.length - 1]) seen.push(shownNow[0]);
      if (await p.getByRole("button", {name: "Next slide"}).isDisabled()) break;
      await p.keyboard.press("ArrowRight");
    }
    assert.deepEqual(seen, [title, ...headings], `${page}: → walks through every section`);
    const total = i;
    assert.match(await status.innerText(), new RegExp(`^Slide ${total} of ${total}\\b`), `${page}: the last slide`);
    assert.match(p.url(), new RegExp(`[?&]classroom=${total}\\b`), `${page}: the URL follows the slide`);

    await p.keyboard.press("Home");
    assert.deepEqual(await slideHeadings(p), [title], `${page}: Home`);
    await p.keyboard.press("End");
    assert.deepEqual(await slideHeadings(p), [headings.at(-1)], `${page}: End`);
    assert.match(await status.innerText(), new RegExp(`^Slide ${total} of ${total}\\b`), page);
    await p.keyboard.press("PageUp");
    assert.match(await status.innerText(), new RegExp(`^Slide ${total - 1} of ${total}\\b`), `${page}: PageUp`);
    await p.keyboard.press("Home");
    await p.getByRole("button", {name: "Next slide"}).click();
    assert.match(await status.innerText(), /^Slide 2 of/, `${page}: Next button`);
    // The focused button keeps the arrows for the slides; Space on it is a click.
    await p.keyboard.press("ArrowRight");
    assert.match(await status.innerText(), /^Slide 3 of/, `${page}: → on the focused button`);
    await p.keyboard.press("Space");
    assert.match(await status.innerText(), /^Slide 4 of/, `${page}: Space on the focused Next button`);
    await p.getByRole("button", {name: "Previous slide"}).click();
    assert.match(await status.innerText(), /^Slide 3 of/, `${page}: Previous button`);
    await p.locator("body").press("Shift+Space");
    assert.match(await status.innerText(), /^Slide 2 of/, `${page}: Shift+Space`);
    await p.keyboard.press("PageDown");
    assert.match(await status.innerText(), /^Slide 3 of/, `${page}: PageDown`);
    assert.deepEqual(w.errors, [], page);
    await w.context.close();
  }
});

test("a shared classroom link opens at its slide, and keys typed into an input stay in the input", async () => {
  const w = await open(site.browser, url("glossary", "?classroom=2&q=seed"), {drawDeferred: false});
  const p = w.page;
  await classroomReady(p);
  assert.match(await p.locator(".classroom-status").innerText(), /^Slide 2 of \d+\b/);
  const input = p.getByLabel("Find a term");
  assert.equal(await input.inputValue(), "seed");
  await input.press("ArrowLeft");
  await input.press("Space");
  await input.press("Escape");
  assert.match(await p.locator(".classroom-status").innerText(), /^Slide 2 of/);
  assert.match(p.url(), /[?&]classroom=2\b/, "Escape in a field does not leave the view");
  assert.ok(await p.locator("#term-seeding").isVisible());
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test("?teacher shows the answers of checks and .teacher-only notes", async () => {
  for (const page of checkPages) {
    const w = await open(site.browser, url(page, "?teacher"));
    await w.page.waitForSelector("form.check");
    assert.ok(await shown(w.page, "form.check .check-answer"), `${page}: answers shown`);
    assert.match(await w.page.locator("form.check .check-answer").first().innerText(), /Answer: /);
    assert.deepEqual(w.errors, [], page);
    await w.context.close();
  }
  const w = await open(site.browser, url("glossary", "?teacher"));
  assert.ok(await w.page.locator(".teacher-only").isVisible());
  await w.context.close();
  const student = await open(site.browser, url("glossary"));
  assert.equal(await student.page.locator(".teacher-only").isVisible(), false);
  await student.context.close();
});

test("printed, a page is a handout: no sidebar, TOC, search, pager or classroom controls; answers only for the teacher", async () => {
  for (const page of classroomPages) {
    for (const query of ["", "?classroom=2"]) {
      const w = await open(site.browser, url(page, query), {media: "print", colorScheme: "dark"});
      const p = w.page;
      for (const selector of ["#observablehq-sidebar", "#observablehq-toc", "#observablehq-search", "nav.observablehq-pager", ".classroom-nav", ".observablehq-pre-container"]) {
        assert.equal(await shown(p, selector), false, `${page}${query}: ${selector} printed`);
      }
      assert.deepEqual(await visibleHeadings(p), await allHeadings(p), `${page}${query}: every section printed`);
      assert.equal(await shown(p, "form.check .check-answer"), false, `${page}${query}: answers not printed`);
      assert.equal(await p.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(255, 255, 255)", `${page}${query}: white paper`);
      const overflow = await p.$$eval("#observablehq-main svg", (svgs) => svgs.filter((s) => s.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length);
      assert.equal(overflow, 0, `${page}${query}: charts fit the page width`);
      await w.context.close();
    }
  }
  const teacher = await open(site.browser, url("glossary", "?teacher"), {media: "print"});
  assert.ok(await shown(teacher.page, "form.check .check-answer"), "the teacher's print is an answer key");
  await teacher.context.close();
});

test("a check answers back and remembers the answer across a reload", async () => {
  const w = await open(site.browser, url("glossary"));
  const p = w.page;
  const form = p.locator('form.check[data-check="glossary-allegation"]');
  await form.getByLabel(/fair use/).check();
  await form.getByRole("button", {name: "Check"}).click();
  assert.equal(await form.getAttribute("data-state"), "wrong");
  // The wrong option explains its own misconception (check.js), not a generic "try again".
  assert.match(await form.locator(".check-feedback").innerText(), /^Not quite\. That is the court's own ruling of 25 June 2025/);
  await form.getByLabel(/That the case is before/).check();
  await form.getByRole("button", {name: "Check"}).click();
  assert.match(await form.locator(".check-feedback").innerText(), /^Not quite\. The court is a matter of record/);
  await form.getByLabel(/seeded pirated books/).check();
  await form.getByRole("button", {name: "Check"}).click();
  assert.equal(await form.getAttribute("data-state"), "right");
  assert.match(await form.locator(".check-feedback").innerText(), /^Right\./);
  assert.equal(await p.evaluate(() => JSON.parse(localStorage.getItem("ledger:check:glossary-allegation")!).right), true);
  await p.reload({waitUntil: "networkidle"});
  const again = p.locator('form.check[data-check="glossary-allegation"]');
  await again.waitFor();
  assert.equal(await again.getAttribute("data-state"), "right", "progress remembered");
  assert.ok(await again.getByLabel(/seeded pirated books/).isChecked());
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test("with storage disabled a check still answers back, and forgets on reload", async () => {
  const context = await site.browser.newContext();
  const errors: string[] = [];
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {configurable: true, get() { throw new DOMException("The operation is insecure.", "SecurityError"); }});
  });
  await context.route("**/*", (route) => (route.request().url().startsWith(site.server.url.replace(/\/$/, "")) ? route.continue() : route.abort()));
  const p = await context.newPage();
  p.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  p.on("pageerror", (e) => errors.push(String(e)));
  await p.goto(url("glossary"), {waitUntil: "networkidle"});
  assert.equal(await p.evaluate(() => { try { localStorage.length; return "available"; } catch { return "disabled"; } }), "disabled");
  const form = p.locator('form.check[data-check="glossary-open-weights"]');
  await form.getByLabel(/OSI says/).check();
  await form.getByRole("button", {name: "Check"}).click();
  assert.equal(await form.getAttribute("data-state"), "right");
  await p.reload({waitUntil: "networkidle"});
  await p.locator('form.check[data-check="glossary-open-weights"]').waitFor();
  assert.equal(await p.locator('form.check[data-check="glossary-open-weights"]').getAttribute("data-state"), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a link to glossary.html#term-… lands on that term, in the classroom view too", async () => {
  for (const query of ["", "?classroom"]) {
    const w = await open(site.browser, `${url("glossary", query)}#term-tit-for-tat`, {viewport: {width: 390, height: 844}, drawDeferred: !query});
    const p = w.page;
    await p.locator("#term-tit-for-tat").waitFor();
    if (query) {
      // On its slide, whole, above the controls.
      await classroomReady(p);
      const place = await p.evaluate(() => {
        const term = document.getElementById("term-tit-for-tat")!.getBoundingClientRect();
        return {top: term.top, bottom: term.bottom, bar: document.querySelector(".classroom-nav")!.getBoundingClientRect().top};
      });
      assert.ok(place.top >= 0 && place.bottom <= place.bar, `the term on screen (${place.top}–${place.bottom}, controls at ${place.bar})`);
      assert.ok(await p.locator("#term-tit-for-tat").isVisible());
    } else {
      await p.waitForTimeout(200);
      const top = await p.locator("#term-tit-for-tat").evaluate((e) => e.getBoundingClientRect().top);
      assert.ok(top >= 0 && top < 200, `term at the top of the screen (top = ${top})`);
    }
    assert.deepEqual(w.errors, []);
    await w.context.close();
  }
});
