// The classroom view as slides (src/components/classroom.js, src/components/speakerView.js), on
// every built page whose cells import the classroom module, at a projector's 1280×720 and at
// 1920×1080: every slide fits above the controls, no chart is still waiting when its slide shows,
// chart text grows with the prose, Escape leaves, the counter and progress bar tell where the
// class is, and a speaker view in a second window follows the projected one (and leads it).
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {open, useSite} from "./browser.ts";
import {builtPages, pageUrl} from "./pages.ts";

const dist = process.env.LEDGER_DIST ?? "dist";
const html = (page: string) => readFileSync(join(dist, `${page}.html`), "utf8");
const CLASSROOM_IMPORT = /_import\/components\/classroom\.[0-9a-f]+\.js/;
const classroomPages = builtPages(dist).filter((p) => CLASSROOM_IMPORT.test(html(p)));
const CHAPTERS = ["licensing", "revenue-sharing", "seeding", "capex"];
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Slides that may scroll inside a bounded box because one block in them is taller than a whole
 * screen even shrunk to the normal page's size, by page and the block's text. Empty: every such
 * slide scrolls only inside its own box, which still ends above the controls (asserted below).
 */
const ALLOWED_TALLER: Record<string, string[]> = {};

// One browser and the built site on a loopback server for this file's tests (browser.ts useSite).
const site = useSite();

const url = (page: string, query = "") => `${pageUrl(site.server.url, page)}${query}`;

async function classroom(page: string, query = "?classroom", viewport = {width: 1280, height: 720}, colorScheme: "light" | "dark" = "light") {
  const w = await open(site.browser, url(page, query), {viewport, colorScheme, drawDeferred: false});
  await ready(w.page);
  await named(w.page);
  return w;
}
// tsx names the functions declared inside a page function with a helper the page lacks: give it one.
const named = (p: Page) => p.evaluate("window.__name = (f) => f");
// The view says when every cell has run, every chart is drawn and the slides are cut.
const ready = (p: Page) => p.waitForSelector("html[data-classroom=ready]", {state: "attached", timeout: 120_000});

interface Shown {
  counter: string;
  now: number;
  total: number;
  progress: {now: string | null; min: string | null; max: string | null; text: string | null};
  title: string;
  headings: string[];
  bar: {top: number; bottom: number};
  content: {top: number; bottom: number};
  overlapping: string[];
  scrollHeight: number;
  scrollBox: boolean;
  charts: {drawn: number; empty: string[]};
}

/** What the current slide shows: its content's extent (clipped by any box that scrolls), the controls and the counter. */
function shown(p: Page): Promise<Shown> {
  return p.evaluate(() => {
    const main = document.getElementById("observablehq-main")!;
    const nav = document.querySelector(".classroom-nav")!.getBoundingClientRect();
    const counter = document.querySelector(".classroom-status")!.textContent ?? "";
    const [, now, total] = /^Slide (\d+) of (\d+)/.exec(counter) ?? [];
    const bar = document.querySelector("[role=progressbar]")!;
    const overlapping: string[] = [];
    let top = Infinity;
    let bottom = -Infinity;
    const visit = (el: Element) => {
      if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) return;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) {
        top = Math.min(top, r.top);
        bottom = Math.max(bottom, r.bottom);
        if (r.bottom > nav.top + 0.5 && r.top < nav.bottom) overlapping.push(`${el.tagName.toLowerCase()}.${String(el.className)} ${(el.textContent ?? "").trim().slice(0, 60)} (${Math.round(r.top)}–${Math.round(r.bottom)}, bar at ${Math.round(nav.top)})`);
      }
      // A box that clips (a scrolling slide, a table that scrolls sideways, an SVG) is one rectangle.
      const overflow = getComputedStyle(el).overflowY;
      if (overflow !== "visible" || el instanceof SVGElement) return;
      for (const child of el.children) visit(child);
    };
    for (const child of main.children) if (!child.classList.contains("classroom-hidden")) visit(child);
    const visible = [...main.children].filter((el) => !el.classList.contains("classroom-hidden") && el.checkVisibility({visibilityProperty: true}));
    const deferred = visible.flatMap((el) => [...(el.matches(".deferred") ? [el] : []), ...el.querySelectorAll(".deferred")]).filter((d) => d.checkVisibility({visibilityProperty: true}));
    return {
      counter,
      now: Number(now),
      total: Number(total),
      progress: {now: bar.getAttribute("aria-valuenow"), min: bar.getAttribute("aria-valuemin"), max: bar.getAttribute("aria-valuemax"), text: bar.getAttribute("aria-valuetext")},
      title: counter.replace(/^Slide \d+ of \d+: /, ""),
      headings: visible.filter((el) => /^H[12]$/.test(el.tagName)).map((h) => h.textContent!.trim()),
      bar: {top: nav.top, bottom: nav.bottom},
      content: {top, bottom},
      overlapping,
      scrollHeight: document.documentElement.scrollHeight,
      scrollBox: !!main.querySelector("[data-classroom-scroll]"),
      charts: {drawn: deferred.filter((d) => d.hasAttribute("data-drawn")).length, empty: deferred.filter((d) => ![...d.querySelectorAll("svg, canvas, table, img")].some((c) => c.getBoundingClientRect().height > 0)).map((d) => (d as HTMLElement).dataset.deferred ?? "")}
    };
  });
}

/**
 * Moves to the next slide and reports, at the very moment the slide is shown (in the same task as
 * the key press, before any frame could draw something late), the charts it shows undrawn.
 */
function nextSlide(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    document.body.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowRight", bubbles: true, cancelable: true}));
    const main = document.getElementById("observablehq-main")!;
    const visible = [...main.children].filter((el) => !el.classList.contains("classroom-hidden") && el.checkVisibility({visibilityProperty: true}));
    return visible.flatMap((el) => [...(el.matches(".deferred") ? [el] : []), ...el.querySelectorAll(".deferred")])
      .filter((d) => d.checkVisibility({visibilityProperty: true}) && !d.hasAttribute("data-drawn"))
      .map((d) => (d as HTMLElement).dataset.deferred ?? "?");
  });
}
const frame = (p: Page) => p.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

/**
 * Every slide of a page, from the first, with what each shows. A page may still draw a block that
 * waits on a fetch (the sources' article reader) after the view is ready, and the cut follows it:
 * a walk during which the count changed is walked again, and the last walk must be steady.
 */
async function walk(p: Page): Promise<Shown[]> {
  for (let attempt = 1; ; attempt++) {
    await p.keyboard.press("Home");
    await frame(p);
    const slides: Shown[] = [await shown(p)];
    while (!(await p.locator(".classroom-next").isDisabled())) {
      const undrawn = await nextSlide(p);
      assert.deepEqual(undrawn, [], `${p.url()}: charts not drawn when their slide shows`);
      await frame(p);
      slides.push(await shown(p));
      assert.ok(slides.length < 200, "the slides end");
    }
    const steady = slides.every((s, i) => s.total === slides.length && s.now === i + 1);
    if (steady || attempt === 3) return slides;
  }
}

for (const viewport of [{width: 1280, height: 720}, {width: 1920, height: 1080}]) {
  test(`at ${viewport.width}×${viewport.height} every classroom slide fits above the controls, and every chart on it is drawn`, async () => {
    const report: string[] = [];
    for (const page of classroomPages) {
      const w = await classroom(page, "?classroom", viewport);
      const slides = await walk(w.page);
      const allowed = ALLOWED_TALLER[page] ?? [];
      let tallest = 0;
      slides.forEach((s, i) => {
        const where = `${page} slide ${i + 1} of ${slides.length} (${s.title})`;
        assert.equal(s.now, i + 1, `${where}: the counter follows`);
        assert.equal(s.total, slides.length, `${where}: the count stays the same while the class moves (in the third walk)`);
        const height = s.content.bottom - s.content.top;
        tallest = Math.max(tallest, height);
        if (!allowed.some((text) => s.title.includes(text))) {
          assert.ok(height <= viewport.height - (s.bar.bottom - s.bar.top), `${where}: ${Math.round(height)} px tall, the screen has ${viewport.height} px with the controls`);
          assert.deepEqual(s.overlapping, [], `${where}: the controls cover content`);
          assert.ok(s.scrollHeight <= viewport.height, `${where}: the page scrolls (${s.scrollHeight} px)`);
        }
        assert.deepEqual(s.charts.empty, [], `${where}: a chart shows nothing`);
      });
      report.push(`${page}: ${slides.length} slides, tallest ${Math.round(tallest)} px, ${slides.filter((s) => s.scrollBox).length} with a box that scrolls`);
      assert.deepEqual(w.errors, [], page);
      await w.context.close();
    }
    console.log(report.join("\n"));
  });
}

test("every h2 of a page heads at least one slide, in order, and a section cut in parts says which part", async () => {
  for (const page of CHAPTERS) {
    const w = await classroom(page);
    const headings = await w.page.$$eval("#observablehq-main > h2", (hs) => hs.map((h) => h.textContent!.trim()));
    const slides = await walk(w.page);
    const sequence = slides.map((s) => s.headings);
    assert.ok(sequence.every((h) => h.length === 1), `${page}: each slide shows one heading (${JSON.stringify(sequence.filter((h) => h.length !== 1))})`);
    const order = sequence.map(([h]) => h).filter((h, i, all) => h !== all[i - 1]);
    assert.deepEqual(order.slice(1), headings, `${page}: the sections in order`);
    for (const s of slides) {
      const parts = slides.filter((t) => t.headings[0] === s.headings[0]).length;
      if (parts > 1) assert.match(s.title, new RegExp(` \\(\\d+/${parts}\\)$`), `${page}: ${s.title}`);
      else assert.doesNotMatch(s.title, / \(\d+\/\d+\)$/, `${page}: ${s.title}`);
    }
    await w.context.close();
  }
});

test("chart text is enlarged as the prose is: relative to the prose, at least as large as on the normal page", async () => {
  // Visual sizes, in screen pixels: an SVG's text through the zoom and the SVG's own scaling.
  const sizes = (p: Page) => p.evaluate(() => {
    // The prose's size where the chart is: a paragraph's font through the zoom of the page's column
    // (the same on every block of a slide, shown or not).
    const prose = [...document.querySelectorAll("#observablehq-main > p")].find((e) => (e.textContent ?? "").trim().length > 40);
    const proseSize = prose ? parseFloat(getComputedStyle(prose).fontSize) * document.getElementById("observablehq-main")!.currentCSSZoom : NaN;
    const texts = [...document.querySelectorAll("#observablehq-main figure.chart svg text")].filter((t) => t.checkVisibility({visibilityProperty: true}) && (t.textContent ?? "").trim());
    // The SVG's drawn width over its own width: the zoom and any shrinking to fit, together.
    const chart = texts.map((t) => {
      const svg = t.closest("svg")!;
      return (parseFloat(getComputedStyle(t).fontSize) * svg.getBoundingClientRect().width) / svg.width.baseVal.value;
    });
    return {prose: proseSize, chart: chart.length ? Math.min(...chart) : NaN};
  });
  for (const page of CHAPTERS) {
    const normal = await open(site.browser, url(page), {viewport: {width: 1280, height: 720}});
    await named(normal.page);
    const base = await sizes(normal.page);
    await normal.context.close();
    assert.ok(base.chart > 0 && base.prose > 0, `${page}: a chart on the normal page`);
    const w = await classroom(page);
    const slides = await walk(w.page);
    let charts = 0;
    for (let i = slides.length - 1; i >= 0; i--) {
      const s = await sizes(w.page);
      if (s.chart > 0) {
        charts++;
        // Enlarged, or on a slide shrunk to keep a chart with its controls, at least 90% of the normal page's.
        assert.ok(s.prose >= base.prose * 0.9, `${page} slide ${i + 1}: the prose ${s.prose} px, on the normal page ${base.prose} px`);
        assert.ok(s.chart / s.prose >= (base.chart / base.prose) * 0.98, `${page} slide ${i + 1}: chart text ${s.chart.toFixed(1)} px against prose ${s.prose.toFixed(1)} px; on the normal page ${base.chart} against ${base.prose}`);
      }
      await w.page.keyboard.press("ArrowLeft");
    }
    assert.ok(charts > 0, `${page}: slides with a chart`);
    await w.context.close();
  }
});

test("the counter and the progress bar say where the class is", async () => {
  const w = await classroom("seeding");
  const p = w.page;
  const slides = await walk(p);
  const total = slides.length;
  assert.ok(total > 3);
  slides.forEach((s, i) => {
    assert.match(s.counter, new RegExp(`^Slide ${i + 1} of ${total}: `));
    assert.deepEqual(s.progress, {now: String(i + 1), min: "1", max: String(total), text: `Slide ${i + 1} of ${total}: ${s.title}`});
  });
  const fill = () => p.evaluate(() => document.querySelector(".classroom-progress-fill")!.getBoundingClientRect().width / document.querySelector(".classroom-progress")!.getBoundingClientRect().width);
  assert.ok(Math.abs((await fill()) - 1) < 0.01, "full at the last slide");
  await p.keyboard.press("Home");
  assert.ok((await fill()) < 0.01, "empty at the first");
  assert.equal(await p.getByRole("progressbar", {name: "Progress through the slides"}).getAttribute("aria-valuenow"), "1");
  await p.keyboard.press("ArrowRight");
  assert.match(p.url(), /[?&]classroom=2\b/, "the URL follows");
  assert.ok(Math.abs((await fill()) - 1 / (total - 1)) < 0.01);
  assert.deepEqual(w.errors, []);
  await w.context.close();
});

test("Escape leaves the classroom view for the same page, at the section's heading", async () => {
  for (const page of CHAPTERS) {
    const w = await classroom(page, "?classroom&teacher");
    const p = w.page;
    const slides = await walk(p);
    // A slide in the middle, one that continues a section when there is one.
    const index = slides.findIndex((s, i) => i > slides.length / 3 && / \((?:[2-9])\/\d+\)$/.test(s.title));
    const at = index >= 0 ? index : Math.floor(slides.length / 2);
    await p.keyboard.press("Home");
    for (let i = 0; i < at; i++) await p.keyboard.press("ArrowRight");
    const heading = (await shown(p)).headings[0];
    const id = await p.evaluate((text) => [...document.querySelectorAll("#observablehq-main > h2")].find((h) => h.textContent!.trim() === text)!.id, heading);
    const exitHref = await p.locator(".classroom-exit").getAttribute("href");
    await Promise.all([p.waitForURL((u) => !u.searchParams.has("classroom")), p.keyboard.press("Escape")]);
    const left = new URL(p.url());
    assert.equal(left.pathname, new URL(url(page)).pathname, page);
    assert.equal(decodeURIComponent(left.hash.slice(1)), id, `${page}: at the section`);
    assert.ok(left.searchParams.has("teacher"), `${page}: the teacher view stays`);
    assert.equal(exitHref, left.pathname + left.search + left.hash, `${page}: the Exit link goes to the same place`);
    await p.waitForSelector("#observablehq-sidebar", {state: "attached"});
    assert.equal(await p.evaluate(() => document.documentElement.classList.contains("classroom")), false);
    await p.waitForFunction((i) => { const h = document.getElementById(i); return !!h && Math.abs(h.getBoundingClientRect().top) < innerHeight / 2; }, id);
    await w.context.close();
  }
});

test("the speaker view follows the projected window and leads it; notes show only in the speaker's", async () => {
  for (const page of ["glossary", "licensing"]) {
    const projected = await classroom(page, "?classroom&teacher");
    const p = projected.page;
    // The projected screen is the audience's: no note, no answer, whatever is in the slide.
    const slides = await walk(p);
    await p.keyboard.press("Home");
    const [popup] = await Promise.all([p.waitForEvent("popup"), p.getByRole("button", {name: "Open speaker view"}).click()]);
    await ready(popup);
    await named(popup);
    assert.match(popup.url(), /[?&]speaker\b/);
    assert.match(popup.url(), /[?&]teacher\b/);
    const speakerNow = () => popup.locator(".speaker-now").innerText();
    const projectedNow = async () => (await shown(p)).now;
    await popup.waitForFunction(() => /^Now: slide 1 of/.test(document.querySelector(".speaker-now")?.textContent ?? ""));
    await popup.locator(".speaker-link", {hasText: "In step"}).waitFor();

    // Moving the projected window moves the speaker's.
    await p.keyboard.press("ArrowRight");
    await p.keyboard.press("ArrowRight");
    await popup.waitForFunction(() => /^Now: slide 3 of/.test(document.querySelector(".speaker-now")?.textContent ?? ""));
    assert.match(await speakerNow(), new RegExp(`^Now: slide 3 of ${slides.length} · `));
    // Moving the speaker's moves the projected one, with its buttons and its keys.
    await popup.getByRole("button", {name: "Next slide"}).click();
    await p.waitForFunction(() => /^Slide 4 of/.test(document.querySelector(".classroom-status")?.textContent ?? ""));
    await popup.keyboard.press("ArrowLeft");
    await p.waitForFunction(() => /^Slide 3 of/.test(document.querySelector(".classroom-status")?.textContent ?? ""));
    assert.equal(await projectedNow(), 3);
    // The speaker's frame shows the slide the audience sees next.
    assert.match(await popup.locator(".speaker-next-label").innerText(), new RegExp(`^Next: slide 4 · ${escape(slides[3].title)}$`));
    const previewHeadings = await popup.$$eval("#observablehq-main > :is(h1, h2)", (hs) => hs.filter((h) => !h.classList.contains("classroom-hidden") && h.checkVisibility({visibilityProperty: true})).map((h) => h.textContent!.trim()));
    assert.deepEqual(previewHeadings, slides[3].headings);

    // Every slide: what the projected window hides (its notes and answers) is in the speaker's notes.
    let withNotes = 0;
    for (let i = 0; i < slides.length; i++) {
      await p.keyboard.press(i === 0 ? "Home" : "ArrowRight");
      await popup.waitForFunction((n) => (document.querySelector(".speaker-now")?.textContent ?? "").startsWith(`Now: slide ${n} of`), i + 1);
      const hiddenHere = await p.evaluate(() => {
        const main = document.getElementById("observablehq-main")!;
        const inSlide = [...main.children].filter((el) => !el.classList.contains("classroom-hidden") && !el.classList.contains("classroom-item-hidden"));
        const notes = inSlide.flatMap((el) => [el, ...el.querySelectorAll(".teacher-only, form.check .check-answer")]).filter((n) => n.matches(".teacher-only, form.check .check-answer") && !n.closest(".classroom-item-hidden"));
        return {texts: notes.filter((n) => !notes.some((m) => m !== n && m.contains(n))).map((n) => (n.textContent ?? "").replace(/\s+/g, " ").trim()).filter(Boolean), visible: notes.filter((n) => n.checkVisibility({visibilityProperty: true})).length};
      });
      assert.equal(hiddenHere.visible, 0, `${page} slide ${i + 1}: the projected window shows a note or an answer`);
      const notes = (await popup.locator(".speaker-notes").innerText()).replace(/\s+/g, " ");
      for (const text of hiddenHere.texts) assert.ok(notes.includes(text.slice(0, 80)), `${page} slide ${i + 1}: "${text.slice(0, 80)}" missing from the speaker's notes`);
      if (hiddenHere.texts.length) withNotes++;
    }
    assert.ok(withNotes > 0, `${page}: slides with notes`);
    assert.equal(await popup.locator(".speaker-notes [id]").count(), 0, "the cloned notes carry no ids");
    assert.match(await popup.locator(".speaker-clock").innerText(), /^\d+:\d\d$/);
    await popup.waitForFunction(() => document.querySelector(".speaker-clock")?.textContent !== "0:00");
    assert.deepEqual(projected.errors, [], page);
    await projected.context.close();
  }
});

test("axe finds nothing in the classroom view, the controls and the speaker view, light and dark", async () => {
  for (const colorScheme of ["light", "dark"] as const) {
    for (const query of ["?classroom=3", "?classroom=3&teacher", "?classroom=3&teacher&speaker"]) {
      const w = await open(site.browser, url("seeding", query), {colorScheme, viewport: {width: 1280, height: 720}, bypassCSP: true, drawDeferred: false});
      await ready(w.page);
      await named(w.page);
      await w.page.addScriptTag({content: axeSource});
      const violations = await w.page.evaluate(async () => {
        // @ts-expect-error axe is injected above
        const result = await window.axe.run({exclude: [["#observablehq-sidebar-toggle"]]}, {resultTypes: ["violations"]});
        return result.violations.map((v: {id: string; nodes: {target: string[]}[]}) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
      });
      assert.deepEqual(violations, [], `${query} ${colorScheme}: ${violations.join("\n")}`);
      await w.context.close();
    }
  }
});

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
