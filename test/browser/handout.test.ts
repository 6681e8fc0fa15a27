// Printed handouts (src/components/handout.js, src/handout.css) on every chapter with teacher notes,
// for a student and for the teacher: printed right after opening (Ctrl+P or the "Print handout"
// button), every chart is drawn before the print dialog opens, no widget prints, each input prints
// its value in words, chart text is at least 9 pt, no page is left half empty, and every page
// carries the title, the address, the build date and a name line. The PDF is Chromium's own
// (page.pdf()), read back with pdf.js. The scenario links of the teacher notes are opened too.
import {after, before, test} from "node:test";
import assert from "node:assert/strict";
import type {Browser, BrowserContext, Page} from "playwright-core";
import {launch} from "./browser.ts";
import {pageUrl} from "./pages.ts";
import {serve, type StaticServer} from "./server.ts";
import {letters, pdfPages, type PdfPage} from "./pdf.ts";
import {pages as sourcePages, teacherNotes} from "../teacher-links.ts";

const CHAPTERS = [...sourcePages()].filter(([, md]) => teacherNotes(md).length).map(([name]) => name).sort();
const INPUT_FORMS = "form.inputs-3a86ea, form.range-input, form.number-range, .plain-input";
/** Chart text on paper: 9 pt, with a little room for rounding in the PDF's numbers. */
const MIN_PT = 8.95;

let browser: Browser;
let server: StaticServer;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

interface Printing {
  page: Page;
  context: BrowserContext;
  errors: string[];
}

/**
 * Opens a page as a reader would (nothing drawn ahead, as in open() with drawDeferred off) with
 * window.print replaced by a recorder of the page's state at the moment the dialog would open.
 */
async function openForPrint(url: string): Promise<Printing> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  const origin = new URL(url).origin;
  await context.route("**/*", (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  // tsx names the functions it compiles with a helper (__name) that the page does not have.
  await context.addInitScript({content: "window.__name = (f) => f;"});
  await context.addInitScript(() => {
    const w = window as unknown as {__prints: {undrawn: number; prepared: boolean; charts: number}[]};
    w.__prints = [];
    window.print = () => {
      w.__prints.push({
        undrawn: document.querySelectorAll(".deferred:not([data-drawn]), .deferred[data-drawn] > div:empty").length,
        prepared: document.documentElement.classList.contains("handout-prepared"),
        charts: document.querySelectorAll(".deferred svg").length
      });
    };
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(url, {waitUntil: "networkidle"});
  return {page, context, errors};
}

/**
 * What a page says once its cells have run (every input has its printed value), without its charts
 * (drawn at different times) and the reader's check progress: the inputs' values and the prose.
 */
async function pageText(page: Page): Promise<string> {
  // Every cell has run (Framework shows <observablehq-loading> in place of a pending value) and every input has its line.
  await page.waitForFunction((forms) => !document.querySelector("#observablehq-main observablehq-loading") && [...document.querySelectorAll(forms)].every((f) => f.closest("form.check") || f.querySelector(":scope > .print-value")), INPUT_FORMS);
  return page.evaluate(() => {
    const main = document.getElementById("observablehq-main")!.cloneNode(true) as HTMLElement;
    for (const e of main.querySelectorAll(".deferred, .check-progress, .handout-header")) e.remove();
    return main.textContent!.replace(/\s+/g, " ");
  });
}

const prints = (page: Page) => page.evaluate(() => (window as unknown as {__prints: {undrawn: number; prepared: boolean; charts: number}[]}).__prints);

/** In print emulation: what a reader would see on paper, measured in the DOM. */
async function printedState(page: Page) {
  await page.emulateMedia({media: "print"});
  const state = await page.evaluate(({forms}) => {
    const visible = (e: Element) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden"; };
    const main = document.getElementById("observablehq-main")!;
    const widgets = [...main.querySelectorAll("input, select, textarea, button")].filter((e) => !e.closest("form.check") && visible(e)).map((e) => e.outerHTML.slice(0, 100));
    const inputs = [...main.querySelectorAll(forms)].filter((f) => !f.closest("form.check")).map((f) => {
      const line = f.querySelector(":scope > .print-value");
      const label = [...f.children].find((c) => c.tagName === "LABEL")?.textContent?.trim() ?? "";
      const select = f.querySelector("select");
      const number = f.querySelector<HTMLInputElement>("input[type=number]");
      const boxes = [...f.querySelectorAll<HTMLInputElement>("input[type=radio], input[type=checkbox]")];
      const expected = select ? [...select.selectedOptions].map((o) => o.textContent!.trim()).join(", ")
        : number ? number.value
        : boxes.length === 1 ? (boxes[0].checked ? "on" : "off")
        : boxes.filter((b) => b.checked).map((b) => b.closest("label")!.textContent!.trim()).join(", ");
      return {label, expected, printed: line && visible(line) ? line.textContent!.trim() : null};
    });
    // Each chart's text: the computed font size times every scale above it (the SVG's viewBox, the print zoom).
    const small: string[] = [];
    let texts = 0;
    for (const text of main.querySelectorAll<SVGTextElement>(".deferred svg text")) {
      if (!text.textContent!.trim() || !visible(text)) continue;
      const m = text.getScreenCTM()!;
      const pt = parseFloat(getComputedStyle(text).fontSize) * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) * 0.75;
      texts++;
      if (pt < 8.95) small.push(`${text.closest(".deferred")!.getAttribute("data-deferred")}: “${text.textContent!.trim().slice(0, 30)}” ${pt.toFixed(2)} pt`);
    }
    const chartStrings = [...main.querySelectorAll<SVGTextElement>(".deferred:not([data-print-sliced]) svg text, .print-slices svg text")].map((t) => t.textContent!.trim()).filter((s) => s.length >= 6);
    const notes = [...main.querySelectorAll(".teacher-notes")].filter(visible).length;
    const answers = [...main.querySelectorAll("form.check .check-answer")].filter(visible).length;
    const header = document.getElementById("handout-header");
    return {widgets, inputs, small, texts, chartStrings, notes, answers, header: header && visible(header) ? header.innerText : null, title: main.querySelector("h1")!.textContent!.trim(), charts: main.querySelectorAll(".deferred").length};
  }, {forms: INPUT_FORMS});
  // Back to no emulation: page.pdf() under an emulated "screen" would print the screen's styles.
  await page.emulateMedia({media: null});
  return state;
}

/** The build date the footer's citation carries (loaders/site-footer.ts). */
const buildDate = (page: Page) => page.evaluate(() => /\bbuilt (\d{4}-\d{2}-\d{2})\b/.exec(document.getElementById("citation-text")?.textContent ?? "")?.[1] ?? "");

/** Pages whose text ends above the middle of the page body (margins excluded), but the last. */
function halfEmpty(pdf: PdfPage[]): string[] {
  const MARGIN = 16 / 25.4 * 72; // the @page top margin of src/handout.css, in pt
  return pdf.slice(0, -1).filter((p) => {
    const body = p.runs.filter((r) => r.top > MARGIN && r.top < p.height - MARGIN);
    const lowest = Math.max(0, ...body.map((r) => r.top));
    return (lowest - MARGIN) / (p.height - 2 * MARGIN) < 0.5;
  }).map((p) => `page ${p.number} of ${pdf.length}`);
}

for (const chapter of CHAPTERS) {
  for (const teacher of [false, true]) {
    const who = teacher ? "teacher" : "student";
    test(`${chapter} (${who}): printed right after opening, every chart is drawn at 9 pt or more, inputs print as words, each page has title, address, date and a name line`, async () => {
      const {page, context, errors} = await openForPrint(pageUrl(server.url, chapter) + (teacher ? "?teacher" : ""));
      // The student uses the keyboard, the teacher the button: both prepare before the dialog opens.
      const button = page.locator("#observablehq-footer button.print-handout");
      assert.equal((await button.textContent())?.trim(), teacher ? "Print teacher's handout" : "Print handout", `${chapter}: the button says whose handout it prints`);
      if (teacher) await button.click();
      else await page.keyboard.press("Control+p");
      await page.waitForFunction(() => (window as unknown as {__prints: unknown[]}).__prints.length > 0, undefined, {timeout: 60_000});
      const [call] = await prints(page);
      assert.equal(call.prepared, true, `${chapter}: prepared when the dialog opens`);
      assert.equal(call.undrawn, 0, `${chapter}: no chart still waiting when the dialog opens`);

      const state = await printedState(page);
      assert.ok(state.charts > 0, `${chapter}: has charts`);
      assert.ok(state.texts > 0, `${chapter}: chart text measured`);
      assert.deepEqual(state.small, [], `${chapter}: chart text under 9 pt on paper`);
      assert.deepEqual(state.widgets, [], `${chapter}: no widget prints`);
      assert.ok(state.inputs.length > 0, `${chapter}: has inputs`);
      for (const input of state.inputs) {
        assert.ok(input.printed, `${chapter}: “${input.label}” prints its value`);
        assert.ok(input.printed!.startsWith(`${input.label}: `), `${chapter}: “${input.printed}” starts with its label`);
        assert.ok(input.printed!.includes(input.expected), `${chapter}: “${input.printed}” gives the current value “${input.expected}”`);
      }
      assert.ok(state.header, `${chapter}: the header prints`);
      if (teacher) {
        assert.ok(state.notes >= 5, `${chapter}: the teacher's handout prints the notes (${state.notes})`);
        assert.ok(state.answers > 0, `${chapter}: … and the answers`);
      } else {
        assert.equal(state.notes, 0, `${chapter}: no teacher notes on the student's handout`);
        assert.equal(state.answers, 0, `${chapter}: no answers on the student's handout`);
      }

      const date = await buildDate(page);
      assert.match(date, /^\d{4}-\d{2}-\d{2}$/, `${chapter}: the footer's citation carries the build date`);
      const address = pageUrl(server.url, chapter) + (teacher ? "?teacher" : "");
      const pdf = await pdfPages(await page.pdf({format: "A4"}));
      assert.ok(pdf.length >= 2, `${chapter}: printed (${pdf.length} pages)`);
      const first = letters(pdf[0].text);
      for (const [what, text] of [["title", state.title], ["address", address], ["build date", date], ["name line", "Name:"]]) {
        assert.ok(first.includes(letters(text)), `${chapter}: the first page carries the ${what} (${text})`);
      }
      for (const p of pdf.slice(1)) {
        const text = letters(p.text);
        for (const [what, value] of [["title", state.title], ["address", address], ["build date", date], ["name line", "Name:"]]) {
          assert.ok(text.includes(letters(value)), `${chapter}: page ${p.number} carries the ${what}`);
        }
      }
      const all = pdf.map((p) => p.text).join(" ");
      assert.doesNotMatch(all, /still loading|not drawn yet|Drawing the chart|print again/i, `${chapter}: no chart left undrawn in the PDF`);
      // The charts' own words are in the PDF, in type of 9 pt or more.
      const runs = pdf.flatMap((p) => p.runs);
      const chartRuns = runs.filter((r) => letters(r.text).length >= 4 && state.chartStrings.some((s) => letters(s) === letters(r.text)));
      assert.ok(chartRuns.length >= Math.min(5, state.chartStrings.length), `${chapter}: chart labels found in the PDF (${chartRuns.length})`);
      const tiny = chartRuns.filter((r) => r.size < MIN_PT).map((r) => `“${r.text}” ${r.size.toFixed(2)} pt`);
      assert.deepEqual(tiny, [], `${chapter}: chart text in the PDF under 9 pt`);
      assert.deepEqual(halfEmpty(pdf), [], `${chapter}: half-empty pages`);
      assert.equal(/Teacher notes/.test(all), teacher, `${chapter}: teacher notes in the PDF only for the teacher`);
      assert.deepEqual(errors, [], `${chapter}: console errors`);
      await context.close();
    });
  }
}

test("a print from the browser's menu, once a desktop page is idle, has every chart drawn", async () => {
  for (const chapter of CHAPTERS) {
    const {page, context, errors} = await openForPrint(pageUrl(server.url, chapter));
    await page.waitForSelector("html[data-print-ready]", {timeout: 60_000});
    await page.waitForFunction(() => !document.querySelector(".deferred:not([data-drawn]), .deferred[data-drawn] > div:empty"), undefined, {timeout: 30_000});
    // page.pdf() is the menu's print: it fires beforeprint and prints at once, with no time to draw.
    const pdf = await pdfPages(await page.pdf({format: "A4"}));
    const all = pdf.map((p) => p.text).join(" ");
    assert.doesNotMatch(all, /not drawn yet|Drawing the chart/i, `${chapter}: a chart left undrawn`);
    assert.deepEqual(errors, [], chapter);
    await context.close();
  }
});

test("the printed values follow the inputs as the reader changes them", async () => {
  const {page, context, errors} = await openForPrint(pageUrl(server.url, "seeding"));
  const keep = page.locator("form.inputs-3a86ea-toggle", {hasText: "Keep seeding"});
  await keep.locator(".print-value").waitFor({state: "attached"});
  assert.equal(await keep.locator(".print-value").textContent(), "Keep seeding after completion: on");
  await keep.getByRole("checkbox").uncheck();
  await page.waitForFunction(() => [...document.querySelectorAll(".print-value")].some((e) => e.textContent === "Keep seeding after completion: off"));
  const upload = page.locator("form.range-input", {hasText: "Your upload limit"});
  await upload.locator("input[type=number]").fill("0");
  await upload.locator("input[type=number]").press("Tab");
  await page.waitForFunction(() => [...document.querySelectorAll(".print-value")].some((e) => e.textContent === "Your upload limit (pieces per round): 0"));
  assert.deepEqual(errors, []);
  await context.close();
});

test("teacher notes show on screen only in the teacher view, rendered from Markdown, and every scenario link opens its scenario", async () => {
  for (const chapter of CHAPTERS) {
    const student = await openForPrint(pageUrl(server.url, chapter));
    assert.equal(await student.page.locator(".teacher-notes").count() > 0, true, `${chapter}: notes in the page`);
    assert.equal(await student.page.locator(".teacher-notes").first().isVisible(), false, `${chapter}: hidden from students`);
    const defaults = await pageText(student.page);
    await student.context.close();

    const teacher = await openForPrint(pageUrl(server.url, chapter) + "?teacher");
    const notes = teacher.page.locator(".teacher-notes");
    assert.ok(await notes.first().isVisible(), `${chapter}: shown to the teacher`);
    // Framework rendered the Markdown inside the blocks: paragraphs, emphasis and links, no raw ** or [](…).
    const html = await notes.evaluateAll((els) => els.map((e) => e.innerHTML).join("\n"));
    assert.match(html, /<p><strong>/, `${chapter}: notes rendered as Markdown`);
    assert.doesNotMatch(html, /\*\*|\]\(/, `${chapter}: no Markdown left raw`);
    const links = await teacher.page.$$eval(".teacher-notes a[href*='?']", (as) => as.map((a) => (a as HTMLAnchorElement).href));
    assert.ok(links.length >= 2, `${chapter}: scenario links`);
    await teacher.context.close();

    for (const href of links) {
      const url = new URL(href);
      const target = url.pathname.split("/").pop()!.replace(/\.html$/, "");
      for (const [key, value] of url.searchParams) {
        const one = new URL(url.pathname, url);
        one.searchParams.set(key, value);
        one.hash = url.hash;
        const w = await openForPrint(one.href);
        if (url.hash) assert.equal(await w.page.locator(`[id="${decodeURIComponent(url.hash.slice(1))}"]`).count(), 1, `${href}: ${url.hash} exists on ${target}`);
        const text = await pageText(w.page);
        const base = target === chapter ? defaults : await defaultText(target);
        assert.notEqual(text, base, `${href}: “${key}=${value}” changes what ${target} shows (the page ignored it)`);
        assert.deepEqual(w.errors, [], href);
        await w.context.close();
      }
    }
  }
});

async function defaultText(target: string) {
  const w = await openForPrint(pageUrl(server.url, target));
  const text = await pageText(w.page);
  await w.context.close();
  return text;
}

test("the teacher's handout prints every scenario link as an absolute address a paper reader can type", async () => {
  for (const chapter of CHAPTERS) {
    const {page, context, errors} = await openForPrint(pageUrl(server.url, chapter) + "?teacher");
    const links = await page.$$eval(".teacher-notes a[href*='?']", (as) => as.map((a) => a.getAttribute("href")!));
    assert.ok(links.length >= 2, `${chapter}: scenario links`);
    // The address as typed: absolute, from this page's own address, with "?teacher&classroom" not "?teacher=&classroom=".
    const expected = links.map((href) => {
      const url = new URL(href, page.url());
      return `${url.origin}${url.pathname}${url.search.replace(/=(?=&|$)/g, "")}${url.hash}`;
    });
    assert.ok(expected.every((a) => a.startsWith(new URL(server.url).origin + "/")), `${chapter}: ${expected.join(" ")}`);
    await page.emulateMedia({media: "print"});
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    const printed = await page.$$eval(".teacher-notes a[href*='?']", (as) => as.map((a) => getComputedStyle(a, "::after").content));
    assert.deepEqual(printed, expected.map((a) => JSON.stringify(` (${a})`)), `${chapter}: each link prints its absolute address`);
    await page.emulateMedia({media: null});
    // On paper too: Chromium's PDF carries each address whole (it may wrap, so compared letter by letter).
    const text = letters((await pdfPages(await page.pdf({format: "A4"}))).map((p) => p.text).join(""));
    for (const a of expected) assert.ok(text.includes(letters(a)), `${chapter}: the PDF prints ${a}`);
    assert.deepEqual(errors, [], chapter);
    await context.close();
  }
});
