/**
 * Printed handouts. Printing from the browser gives no time to draw: the print is laid out as
 * soon as "beforeprint" has run, before Plot can load or resize() can redraw a chart. So the page
 * prepares first and prints after: the "Print handout" button (at the end of the table of
 * contents and in the footer) and Ctrl+P / ⌘P both
 *
 *   1. lay the page out as it will be on paper (html.handout-preparing: every classroom section
 *      shown, the column as wide as the paper's text, src/handout.css),
 *   2. load Plot and draw every chart still waiting (components/deferred.js),
 *   3. redraw each chart narrower than the paper, so that the zoom that widens it to the paper
 *      (--print-zoom, applied in print only) brings its smallest text to 9 pt,
 *   4. write each input's current value in words beside it (.print-value: "Service: Telegram"),
 *   5. and only then call window.print(). "afterprint" puts the screen layout back.
 *
 * A print from the browser's menu cannot be intercepted: it gets the values and the header, and
 * whatever charts are drawn by then (on a desktop they all are, drawn once the page is idle).
 * Every printed page carries the chapter title, the page address, the build date and a name line:
 * a header at the top of the first page and @page margin boxes on the others.
 *
 * Imported for its side effect by classroom.js, which every chapter loads.
 */
import {drawAllDeferred} from "./deferred.js";
import {loadPlot} from "./plot.js";

/** Chart text on paper is at least this many CSS px (9 pt; 1 pt = 4/3 px). */
export const MIN_TEXT_PX = 12;
/** Charts are never drawn narrower than this for paper, whatever their text. */
const MIN_CHART_WIDTH = 320;
/**
 * The tallest piece a printed page keeps whole, in CSS px: under half of the text height of a
 * Letter page (248 mm, 938 px), so a piece pushed to the next page never leaves half a page empty.
 * A chart taller than this prints in slices cut between its lines of text.
 */
export const PIECE = 400;

const INPUT_FORMS = "form.inputs-3a86ea, form.range-input, form.number-range, .plain-input";

/** The value of an input form in words: "Keep seeding after completion: off". */
export function inputValueText(form) {
  const label = [...form.children].find((el) => el.tagName === "LABEL")?.textContent.trim() ?? "";
  const value = inputValue(form);
  return label ? `${label.replace(/[:：]\s*$/, "")}: ${value}` : value;
}

function inputValue(form) {
  const select = form.querySelector("select");
  if (select) return [...select.selectedOptions].map((o) => o.textContent.trim()).join(", ") || "none";
  const number = form.querySelector("input[type=number]");
  if (number) {
    const note = form.querySelector("output.number-range-note")?.textContent.trim();
    return `${number.value}${note ? ` (${note})` : ""}`;
  }
  const choices = [...form.querySelectorAll("input[type=radio], input[type=checkbox]")];
  // A toggle is one checkbox beside the form's own label; a list of choices has a label per option.
  if (choices.length === 1 && choices[0].parentElement === form) return choices[0].checked ? "on" : "off";
  if (choices.length) {
    const checked = choices.filter((c) => c.checked).map((c) => c.closest("label")?.textContent.trim() ?? c.value);
    return checked.length ? checked.join(", ") : "none";
  }
  const text = form.querySelector("textarea, input:not([type=hidden])");
  if (text) return text.value === "" ? "(empty)" : text.value;
  return "";
}

/** Writes (or updates) a `.print-value` line inside every input form of the page. */
export function syncPrintValues(root = document.getElementById("observablehq-main")) {
  if (!root) return;
  for (const form of root.querySelectorAll(INPUT_FORMS)) {
    if (form.closest("form.check")) continue;
    let line = [...form.children].find((el) => el.classList.contains("print-value"));
    if (!line) {
      line = document.createElement("span");
      line.className = "print-value";
      form.append(line);
    }
    const text = inputValueText(form);
    if (line.textContent !== text) line.textContent = text;
  }
}

function chapterTitle() {
  return document.querySelector("#observablehq-main h1")?.textContent.trim() || document.title;
}

/** The address a paper reader can type to get this page with the same settings (never the classroom view). */
export function printedAddress(href = location.href) {
  const url = new URL(href);
  url.hash = "";
  url.searchParams.delete("classroom");
  return url.href.replace(/=(?=&|$)/g, "");
}

/**
 * The address a scenario link of the teacher notes prints: the link made absolute against the page
 * it is on (the site may live under a sub-path), with its own query and section. On paper a
 * relative "seeding.html?upload=0" leads nowhere.
 */
export function printedLink(href, base = location.href) {
  const url = new URL(href, base);
  const search = url.search.replace(/=(?=&|$)/g, "");
  return `${url.origin}${url.pathname}${search}${url.hash}`;
}

/** Gives every scenario link of the teacher notes its printed address (data-print-href, shown by src/handout.css). */
export function syncPrintLinks(root = document.getElementById("observablehq-main")) {
  if (!root) return;
  for (const a of root.querySelectorAll(".teacher-notes a[href*='?']")) {
    const printed = printedLink(a.getAttribute("href"));
    if (a.dataset.printHref !== printed) a.dataset.printHref = printed;
  }
}

function buildDate() {
  return /\bbuilt (\d{4}-\d{2}-\d{2})\b/.exec(document.getElementById("citation-text")?.textContent ?? "")?.[1] ?? "";
}

const isTeacher = () => document.documentElement.classList.contains("teacher");

/** The header at the top of the first printed page; the @page margin boxes repeat it on the others. */
function syncHeader() {
  const center = document.getElementById("observablehq-center");
  if (!center) return;
  let header = document.getElementById("handout-header");
  if (!header) {
    header = document.createElement("div");
    header.id = "handout-header";
    header.className = "handout-header";
    center.prepend(header);
  }
  const title = chapterTitle();
  const date = buildDate();
  const address = printedAddress();
  const line = (className, ...children) => {
    const p = document.createElement("p");
    p.className = className;
    p.append(...children);
    return p;
  };
  header.replaceChildren(
    line("handout-title", title, isTeacher() ? " · Teacher's copy: answers and notes" : ""),
    line("handout-address", address),
    line("handout-date", date ? `Built ${date}` : ""),
    line("handout-name", "Name: ", Object.assign(document.createElement("span"), {className: "handout-blank"})),
    line("handout-unprepared", "Printed without preparing: some charts may be missing or small. Use the page's “Print handout” button or Ctrl+P (⌘P) to print every chart at full size.")
  );
  const css = (s) => `"${String(s).replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, " ")}"`;
  pageSheet.replaceSync(`@page {
  @top-left { content: ${css(`${title}${isTeacher() ? " · Teacher's copy" : ""}`)}; }
  @top-right { content: "Name: ______________________"; }
  @bottom-left { content: ${css(`${address}${date ? ` · built ${date}` : ""}`)}; }
  @bottom-right { content: counter(page) " / " counter(pages); }
}
@page :first { @top-left { content: none; } @top-right { content: none; } }`);
}

const pageSheet = typeof CSSStyleSheet !== "undefined" && typeof document !== "undefined" ? new CSSStyleSheet() : null;

/** Everything a print needs that can be done at once: values, header, every waiting chart started. */
function beforePrint() {
  syncPrintValues();
  syncPrintLinks();
  syncHeader();
  drawAllDeferred();
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Resolves once two frames in a row have passed without a change inside any chart block (each
 * redrawn by resize()). Only the blocks are watched: other parts of a page may change all the time.
 */
async function settled(root, {frames = 2, limit = 300} = {}) {
  let changed = true;
  const observer = new MutationObserver(() => (changed = true));
  for (const block of root.querySelectorAll(".deferred")) observer.observe(block, {childList: true, subtree: true, attributes: true});
  let quiet = 0;
  for (let i = 0; i < limit && quiet < frames; i++) {
    changed = false;
    await nextFrame();
    await nextFrame();
    quiet = changed ? 0 : quiet + 1;
  }
  observer.disconnect();
}

/** The smallest text of a chart block, in the block's own CSS px (after each SVG's own scaling). */
export function smallestText(block) {
  let min = Infinity;
  for (const text of block.querySelectorAll("svg text")) {
    if (!text.textContent.trim()) continue;
    const size = parseFloat(getComputedStyle(text).fontSize);
    const m = text.getScreenCTM();
    const scale = m ? Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) : 1;
    if (size > 0) min = Math.min(min, size * scale);
  }
  return min;
}

/** Waits until no chart block is left undrawn, or `deadline` (a performance.now() time) passes. */
async function whenAllDrawn(root, deadline) {
  const waiting = () => root.querySelector(".deferred:not([data-drawn])");
  while (waiting() && performance.now() < deadline) {
    drawAllDeferred();
    if (!waiting()) break;
    await new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (waiting()) drawAllDeferred(); // a block a cell has just put in the page
        if (!waiting()) finish();
      });
      // A block that cannot be drawn (its library failed to load) must not hold the print back forever.
      const timer = setTimeout(() => finish(), Math.max(0, Math.min(1000, deadline - performance.now())));
      const finish = () => {
        observer.disconnect();
        clearTimeout(timer);
        resolve();
      };
      observer.observe(root, {subtree: true, childList: true, attributes: true, attributeFilter: ["data-drawn"]});
    });
  }
}

/** A chart block still waiting, or drawn but not yet laid out by resize() (its container empty). */
const UNDRAWN = ".deferred:not([data-drawn]), .deferred[data-drawn] > div:empty";

/** How long a print may wait for its charts before it goes ahead with what is drawn (ms). */
const PATIENCE = 20_000;

/** Draws every chart, including those of cells that run meanwhile, and waits for them to settle. */
async function drawEverything(main, deadline = performance.now() + PATIENCE) {
  for (let round = 0; round < 20 && performance.now() < deadline; round++) {
    await whenAllDrawn(main, deadline);
    await settled(main);
    if (!main.querySelector(UNDRAWN)) return;
  }
}

let preparing = null;

/**
 * Lays the page out for paper and draws every chart at the width that gives it 9-pt text there.
 * Resolves when the page is ready to print (html.handout-prepared); `release()` undoes it.
 */
export function prepareHandout() {
  return (preparing ??= (async () => {
    const html = document.documentElement;
    const main = document.getElementById("observablehq-main");
    html.classList.add("handout-preparing");
    beforePrint();
    if (!main) return;
    await loadPlot().catch(() => {}); // a chart whose library failed to load shows its own error
    // A cell may run again meanwhile (the narrower column brings a block into view, data arrives)
    // and replace a chart with one sized for the screen: lay out again until every chart is sized.
    for (let pass = 0; pass < 5; pass++) {
      await drawEverything(main);
      await sizeCharts(main);
      await settled(main);
      if (![...main.querySelectorAll(".deferred")].some((block) => !block.style.getPropertyValue("--print-zoom")) && !main.querySelector(UNDRAWN)) break;
    }
    syncPrintValues();
    html.classList.add("handout-prepared");
  })());
}

/** Draws each chart at the width that gives its smallest text 9 pt once zoomed to the paper's width. */
async function sizeCharts(main) {
  for (let round = 0; round < 3; round++) {
    let redrawn = false;
    for (const block of main.querySelectorAll(".deferred")) {
      const paper = block.parentElement?.clientWidth ?? 0;
      if (!paper || !block.querySelector("svg text")) continue;
      const drawn = block.getBoundingClientRect().width;
      const smallest = smallestText(block);
      if (!Number.isFinite(smallest)) continue;
      // Narrower by the factor the smallest text must grow; never wider than the paper.
      const width = Math.max(MIN_CHART_WIDTH, Math.min(paper, Math.floor((smallest * paper) / MIN_TEXT_PX)));
      if (Math.abs(width - drawn) >= 1) {
        block.style.width = `${width}px`;
        redrawn = true;
      }
    }
    if (!redrawn) break;
    await drawEverything(main);
  }
  for (const block of main.querySelectorAll(".deferred")) {
    const paper = block.parentElement?.clientWidth ?? 0;
    const width = block.getBoundingClientRect().width;
    if (!paper || !width) continue;
    // Rounded down: a zoomed block a fraction wider than the paper would be narrowed to it, and redrawn.
    const zoom = Math.floor((paper / width) * 1e4) / 1e4;
    block.style.setProperty("--print-zoom", String(zoom));
    sliceTall(block, zoom);
    // A figure taller than a piece may break (between its caption and chart, or between slices).
    const figure = block.closest("figure");
    if (figure) figure.toggleAttribute("data-print-tall", figure.getBoundingClientRect().height + block.getBoundingClientRect().height * (zoom - 1) > PIECE);
  }
}

/**
 * An SVG chart taller than a piece of a page is monolithic to the printer: it would be pushed
 * whole to the next page, leaving the one before half empty. Printed instead as slices of it
 * (clones, each a window on one band), cut where no text line is, each at most a PIECE tall.
 */
export function sliceTall(block, zoom) {
  block.querySelector(":scope > .print-slices")?.remove();
  const svgs = [...block.querySelectorAll("svg")];
  const svg = svgs.sort((a, b) => b.getBoundingClientRect().height - a.getBoundingClientRect().height)[0];
  if (!svg) return;
  const box = svg.getBoundingClientRect();
  const limit = PIECE / zoom;
  if (box.height <= limit) return;
  const lines = [...svg.querySelectorAll("text")].map((t) => t.getBoundingClientRect()).filter((r) => r.height > 0).map((r) => [r.top - box.top - 1, r.bottom - box.top + 1]);
  const crosses = (y) => lines.some(([top, bottom]) => y > top && y < bottom);
  const cuts = [0];
  while (box.height - cuts.at(-1) > limit) {
    const start = cuts.at(-1);
    let y = Math.floor(start + limit);
    while (y > start + limit / 2 && crosses(y)) y--;
    cuts.push(y > start + limit / 2 ? y : Math.floor(start + limit));
  }
  cuts.push(box.height);
  const slices = document.createElement("div");
  slices.className = "print-slices";
  slices.setAttribute("aria-hidden", "true");
  for (let i = 0; i + 1 < cuts.length; i++) {
    const slice = document.createElement("div");
    slice.className = "print-slice";
    slice.style.height = `${cuts[i + 1] - cuts[i]}px`;
    const clone = svg.cloneNode(true);
    clone.style.marginTop = `${-cuts[i]}px`;
    clone.style.width = `${box.width}px`;
    clone.style.height = `${box.height}px`;
    slice.append(clone);
    slices.append(slice);
  }
  block.dataset.printSliced = "";
  block.append(slices);
}

/** Back to the screen layout: charts redraw at the screen's width. */
export function release() {
  const html = document.documentElement;
  if (!html.classList.contains("handout-preparing")) return;
  html.classList.remove("handout-preparing", "handout-prepared");
  for (const block of document.querySelectorAll(".deferred[style]")) {
    block.style.removeProperty("width");
    block.style.removeProperty("--print-zoom");
    block.querySelector(":scope > .print-slices")?.remove();
    delete block.dataset.printSliced;
  }
  preparing = null;
}

/** Prepares, then opens the browser's print dialog. */
export async function printHandout() {
  const button = document.querySelectorAll("button.print-handout");
  for (const b of button) b.setAttribute("aria-busy", "true");
  try {
    await prepareHandout();
  } finally {
    for (const b of button) b.removeAttribute("aria-busy");
  }
  window.print();
}

function printButton() {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "print-handout";
  button.textContent = isTeacher() ? "Print teacher's handout" : "Print handout";
  button.title = isTeacher() ? "Print this chapter with the answers and teacher notes (Ctrl+P)" : "Print this chapter with every chart drawn and the inputs as you set them (Ctrl+P)";
  button.addEventListener("click", () => printHandout());
  return button;
}

function addButtons() {
  // At the end of the table of contents (beside the text, no layout shift) and in the footer.
  const toc = document.getElementById("observablehq-toc");
  if (toc && !toc.querySelector(".print-handout")) {
    const p = document.createElement("p");
    p.className = "handout-tools";
    p.append(printButton());
    (toc.querySelector("nav") ?? toc).append(p);
  }
  const footer = document.getElementById("observablehq-footer");
  if (footer && !footer.querySelector(".print-handout")) {
    const p = document.createElement("p");
    p.className = "handout-tools";
    p.append(printButton(), " A handout with every chart drawn, the inputs as you set them, the page's address and a name line.");
    footer.prepend(p);
  }
}

/**
 * On a desktop (a fine pointer, a wide window, no data saver), draws the waiting charts once the page is idle, and
 * any a cell adds later, so that a print from the browser's menu has them all. html[data-print-ready]
 * says when none is waiting. A phone keeps waiting for the reader (components/deferred.js).
 */
function drawWhenIdle(main) {
  const desktop = matchMedia("(pointer: fine) and (min-width: 900px)").matches && !navigator.connection?.saveData;
  if (!desktop || !main) return;
  const idle = window.requestIdleCallback ?? ((f) => setTimeout(f, 200));
  let scheduled = false;
  const pass = () => {
    scheduled = false;
    drawAllDeferred();
    if (!main.querySelector(".deferred:not([data-drawn])")) document.documentElement.dataset.printReady = "";
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    idle(pass, {timeout: 5000});
  };
  idle(() => loadPlot().then(() => {
    schedule();
    new MutationObserver(() => {
      if (main.querySelector(".deferred:not([data-drawn])")) {
        delete document.documentElement.dataset.printReady;
        schedule();
      }
    }).observe(main, {childList: true, subtree: true});
  }, () => {}), {timeout: 10_000});
}

if (typeof window !== "undefined" && typeof document !== "undefined" && !window.__handout) {
  window.__handout = true;
  if (pageSheet) document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
  // After classroom.js, which imports this module, has set html.teacher (the buttons' wording depends on it).
  Promise.resolve().then(() => {
    syncHeader();
    syncPrintLinks();
    addButtons();
  });
  window.addEventListener("beforeprint", beforePrint);
  window.addEventListener("afterprint", release);
  // Keep the printed values in step with the inputs (cheap: a frame at most once per burst of input).
  let pending = false;
  const refresh = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      syncPrintValues();
    });
  };
  document.addEventListener("input", refresh);
  document.addEventListener("change", refresh);
  // Inputs are made by cells that run after this module: write their values once the page has them.
  const main = document.getElementById("observablehq-main");
  if (main) new MutationObserver(refresh).observe(main, {childList: true, subtree: true});
  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "p") {
      event.preventDefault();
      printHandout();
    }
  });
  drawWhenIdle(main);
}
