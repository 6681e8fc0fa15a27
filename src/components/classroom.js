/**
 * Classroom, teacher and speaker views, switched on from the URL so a teacher can share the link:
 *
 *   page.html?classroom          the projected view, for the audience: large type, no sidebar, TOC
 *                                or code, one slide at a time. It never shows teacher notes or
 *                                answers, whatever else the URL says.
 *   page.html?classroom=3        the same, opened at slide 3 (the URL follows the teacher).
 *   page.html?classroom&teacher  the projected view with an "Open speaker view" button (a popup
 *                                needs a click). It is still the audience's screen: no notes.
 *   page.html?classroom=3&teacher&speaker
 *                                the speaker view that button opens in a second window: the
 *                                current slide's `.teacher-only` notes and check answers, the next
 *                                slide, a timer (components/speakerView.js). Every classroom window
 *                                of a page keeps in step with the others over a BroadcastChannel:
 *                                moving in one moves them all. No server is involved.
 *   page.html?teacher            the page itself with every check's answer and `.teacher-only` shown.
 *
 * Keys: → PageDown Space next, ← PageUp Shift+Space previous, Home/End first/last slide, ↑/↓ scroll
 * inside the few slides that cannot fit, Escape leaves the view (to the same page and section).
 *
 * Slides. A section is an h1 or h2 and what follows it. A section that fits the screen is one
 * slide; a longer one is cut into several, each repeating the heading with "(2/3)". Cuts fall
 * between the page's top-level blocks, preferably before an h3; a control stays with the chart it
 * drives, a heading or a lead-in ending in ":" with what it introduces, a chart with its summary
 * and downloads. A block taller than a slide is cut between its own items when it has any (list
 * items, table rows, a term and its definition, the quotes of a group); one that cannot be cut
 * (a chart, a check) is shrunk with its slide, never below the size of the normal page (a chart
 * kept with its controls: 90% of it), and only past that scrolls inside a bounded box (↑/↓).
 * At 1280 × 720 and at 1920 × 1080 one slide of the chapters does: the case timeline of the
 * seeding chapter ("The case, event by event"), one row per dated event, about 1,000 px tall.
 * The slides are measured, never guessed: hidden slides stay laid out, out of sight, so every
 * height is known at any time, and the cut is redone whenever a block changes size (a chart
 * drawn, a check answered).
 * In the classroom every chart is drawn at once (components/deferred.js), so none is still
 * "Drawing the chart…" when its slide comes up. A page's zoom enlarges its charts' text exactly
 * as much as its prose, and a shrunk slide shrinks both alike.
 *
 * Import it for its side effect in a js cell of every page: `import "./components/classroom.js";`
 * Without a parameter it does nothing at all: no class, no listener, no element.
 * Styles are in src/teaching.css.
 */
import "./citation.js"; // every page imports this module: the footer's citation is wired here too
import "./handout.js"; // and the handout: print values, header, the "Print handout" button
import {drawAllDeferred} from "./deferred.js";
import {speakerPanel, syncWindows} from "./speakerView.js";

const OFF = /^(?:0|false|off|no)$/i;

/** Whether a URL search string switches a view on (`?classroom`, `?classroom=2`; not `?classroom=off`). */
export function flag(search, name) {
  const params = new URLSearchParams(search);
  return params.has(name) && !OFF.test(params.get(name));
}

/**
 * The sections of a page: the elements before the first h2 (the title and lead), then each h2
 * with the elements after it up to the next h2. Empty groups are dropped.
 */
export function sections(main) {
  const groups = [[]];
  for (const el of main.children) {
    if (el.tagName === "H2" && groups[groups.length - 1].length) groups.push([]);
    groups[groups.length - 1].push(el);
  }
  return groups.filter((g) => g.length);
}

/**
 * Cuts measured sections into slides. Each section is `{heading, pieces}`: the heading's height and
 * margins, and the pieces in page order, each `{key, h, top, bottom, gapBefore, gapAfter, glue, h3}`
 * in CSS pixels before zoom, where it sits in the page's flow (an item of a cut block also carries
 * its block's `cTop`/`cBottom` and its items' `itemsTop`/`itemsBottom`). `glue`: no cut between
 * this piece and the next. Returns `[{section, part, parts, keys, fit, scroll}]`: `fit` (≤ 1)
 * shrinks a slide whose one block cannot be cut, down to `minFit`; `scroll` names the piece that
 * scrolls when even that is not enough. `avail` is the room between the top margin and the controls.
 * `breaks` (keys to cut before) and `caps` (a slide's first key → the most its fit may be, 0 for
 * scrolling) are what showing a slide found that the measure had missed.
 */
export function packSlides(sectionsMeasured, {avail, minFit = 1, minGroupFit = minFit * 0.9, snug = 0.9, breaks = new Set(), caps = new Map()}) {
  const slides = [];
  sectionsMeasured.forEach((section, s) => {
    const out = [];
    // The first slide of a section has its full heading; the others a smaller one.
    const height = (pieces, first = !out.length) => slideHeight(first ? section.heading : section.continued ?? section.heading, pieces);
    const real = (pieces) => pieces.filter((p) => p.h > 0);
    const push = (pieces, extra = {}) => out.push({keys: pieces.map((p) => p.key), pieces, fit: 1, scroll: null, ...extra});
    let current = [];
    // A group that cannot stay with what comes before gets a slide of its own: shrunk if that is
    // enough (never below minFit; a control and its chart, kept together, to minGroupFit), else
    // cut into its pieces, else scrolling in its own box.
    const place = (group, broken) => {
      const h = height(group);
      if (h <= avail) { current = group; return; }
      if (avail / h >= (real(group).length > 1 ? Math.min(minFit, minGroupFit) : minFit)) return push(group, {fit: avail / h});
      if (!broken && real(group).length > 1) {
        // The longest start of the group that fits keeps together (a control and its chart, without
        // the chart's download links), and the rest follows as a group of its own.
        for (let n = group.length - 1; n > 0; n--) {
          const start = group.slice(0, n);
          if (group[n].h <= 0 || real(start).length < 2) continue;
          const hs = height(start);
          if (avail / hs < minGroupFit) continue;
          if (hs <= avail) current = start;
          else push(start, {fit: avail / hs});
          return add(group.slice(n));
        }
        return group.forEach((p) => add([p], true));
      }
      push(group, {scroll: real(group)[0]?.key ?? group[0].key});
    };
    const add = (pieces, broken = false) => {
      // Empty pieces wait for the next real one.
      if (real(current).length) {
        const startsSubsection = pieces[0].h3 && height(current) > avail / 2;
        const broke = breaks.has(real(pieces)[0]?.key);
        if (!startsSubsection && !broke && height([...current, ...pieces]) <= avail) { current.push(...pieces); return; }
        push(current);
        current = [];
      }
      const group = [...current, ...pieces];
      current = [];
      place(group, broken);
    };
    if (height(section.pieces) <= avail && !section.pieces.some((p) => breaks.has(p.key) && p !== real(section.pieces)[0])) current = section.pieces;
    else for (const group of glued(section.pieces, breaks)) add(group);
    if (current.length) {
      if (real(current).length || !out.length) push(current);
      else out[out.length - 1].keys.push(...current.map((p) => p.key));
    }
    // A short slide joins its neighbour when the two fit together shrunk a little (to `snug`).
    for (let merged = true; merged;) {
      merged = false;
      for (let i = 0; i + 1 < out.length; i++) {
        const [a, b] = [out[i], out[i + 1]];
        if (a.scroll || b.scroll || breaks.has(real(b.pieces)[0]?.key) || caps.has(real(b.pieces)[0]?.key) || caps.has(real(a.pieces)[0]?.key)) continue;
        const both = [...a.pieces, ...b.pieces];
        const fit = Math.min(1, avail / height(both, i === 0));
        const small = Math.min(height(a.pieces, i === 0), height(b.pieces, false)) < avail * 0.35;
        if (small && fit >= Math.max(snug, minFit)) {
          out.splice(i, 2, {keys: [...a.keys, ...b.keys], pieces: both, fit, scroll: null});
          merged = true;
          break;
        }
      }
    }
    // A slide that showed taller than measured shrinks as far as it was seen to need, or scrolls.
    for (const slide of out) {
      const first = real(slide.pieces)[0]?.key;
      if (!caps.has(first) || slide.scroll) continue;
      const cap = caps.get(first);
      if (cap > 0) slide.fit = Math.min(slide.fit, cap);
      else { slide.fit = 1; slide.scroll = first; }
    }
    out.forEach(({keys, fit, scroll}, i) => slides.push({section: s, part: i + 1, parts: out.length, keys, fit, scroll}));
  });
  return slides;
}

// Runs of pieces that stay together: a piece with `glue` joins the next real one; an empty piece joins the one before.
function glued(pieces, breaks = new Set()) {
  const groups = [];
  let run = [];
  for (const p of pieces) {
    const lastReal = run.findLast((q) => q.h > 0);
    if (lastReal && p.h > 0 && (!lastReal.glue || breaks.has(p.key))) { groups.push(run); run = []; }
    run.push(p);
  }
  if (run.length) groups.push(run);
  return groups;
}

/**
 * The height of a slide: its heading, then its pieces as they sit in the page's flow (a slide's
 * pieces are consecutive), with the margins that the flow collapses between them. A cut list or
 * table keeps its own top (a table's caption and head) and bottom on every part: `lead` and
 * `trail` are the room its containers take above their first item and below their last.
 */
export function slideHeight(heading, pieces) {
  const real = pieces.filter((p) => p.h > 0);
  if (!real.length) return heading ? heading.mt + heading.h + heading.mb : 0;
  const first = real[0];
  const last = real[real.length - 1];
  const above = heading ? heading.mt + heading.h + Math.max(heading.mb, first.gapBefore) : first.gapBefore;
  return above + (last.bottom + (last.trail ?? 0)) - (first.top - (first.lead ?? 0)) + last.gapAfter;
}

// Blocks that are one thing: never cut between their items.
const WHOLE = "form, figure, svg, canvas, details, pre, .observablehq-pre-container, .card, [data-classroom-whole]";
const CONTROLS = "input:not([type=hidden]), select, textarea, button";
const COMPANIONS = ".chart-summary, details.text-alternative, a.download-csv, .chart-downloads";
// A slide ends this far above the controls, so that a rounding in the measure never shows as an overlap.
const SLACK = 6;

function startClassroom({teacher, speaker}) {
  const main = document.getElementById("observablehq-main");
  if (!main) return;
  const root = document.documentElement;
  root.classList.add("classroom");
  if (speaker) root.classList.add("speaker");
  let groups = sections(main);
  let slides = [];
  let adopted = null; // the projected window's slides, when this is the speaker view and one answered
  let current = 0;
  let ready = false;
  let scroller = null;
  let sync = null;
  let panel = null;

  const nav = element("nav", {class: "classroom-nav", "aria-label": "Slides"});
  const progress = element("div", {class: "classroom-progress", role: "progressbar", "aria-label": "Progress through the slides", "aria-valuemin": "1"}, element("span", {class: "classroom-progress-fill"}));
  const exit = element("a", {class: "classroom-exit", href: urlWith({classroom: null}), title: "Leave the classroom view (Escape)"}, "Exit", element("span", {class: "classroom-key", "aria-hidden": "true"}, " Esc"));
  const prev = element("button", {type: "button", class: "classroom-prev", "aria-label": "Previous slide", title: "Previous slide (← or Page Up)"}, element("span", {"aria-hidden": "true"}, "←"), " Previous");
  const counter = element("span", {class: "classroom-status", role: "status", "aria-live": "polite"});
  const next = element("button", {type: "button", class: "classroom-next", "aria-label": "Next slide", title: "Next slide (→, Page Down or Space)"}, "Next ", element("span", {"aria-hidden": "true"}, "→"));
  const onward = element("a", {class: "classroom-onward", hidden: ""});
  const hint = element("span", {class: "classroom-scroll-hint", hidden: ""}, "↑ ↓ scroll the tall block");
  const start = element("div", {class: "classroom-nav-start"}, exit);
  const middle = element("div", {class: "classroom-nav-middle"}, prev, counter, next);
  const end = element("div", {class: "classroom-nav-end"}, hint, onward);
  // While its slide is away, the page's title stays its one h1 for a screen reader, here.
  const pageTitle = main.querySelector(":scope > h1");
  const srTitle = element("h1", {class: "classroom-sr"}, pageTitle?.textContent.trim() ?? document.title);
  nav.append(srTitle, progress, start, middle, end);
  if (teacher && !speaker) {
    const open = element("button", {type: "button", class: "classroom-speaker-open", title: "Your notes, the next slide and a timer, in a second window that follows this one"}, "Open speaker view");
    open.addEventListener("click", () => {
      const win = window.open(urlWith({classroom: String(current + 1), teacher: "", speaker: ""}, {hash: false}), `ledger-speaker-${location.pathname}`, "popup,width=1280,height=800");
      win?.focus();
    });
    start.append(open);
  }
  document.body.append(nav);

  // At the last slide, "Next chapter" keeps the classroom (and teacher) view on the next page.
  const pagerNext = document.querySelector("nav.observablehq-pager a[rel=next]");
  if (pagerNext) {
    const url = new URL(pagerNext.href, location.href);
    for (const [key, value] of new URLSearchParams(location.search)) if (key === "classroom" || key === "teacher" || key === "speaker") url.searchParams.set(key, key === "classroom" ? "1" : value);
    onward.href = url.pathname + url.search.replace(/=(?=&|$)/g, "");
    onward.textContent = `Next chapter: ${pagerNext.querySelector(".observablehq-pager-title")?.textContent ?? pagerNext.textContent.trim()} →`;
  }

  // ---- Measuring and cutting ----

  const barHeight = () => nav.getBoundingClientRect().height;
  const baseZoom = () => parseFloat(getComputedStyle(main).getPropertyValue("--classroom-zoom")) || 1;
  /** The room for a slide in the page's CSS pixels before zoom, the smallest shrink allowed, the column's width. */
  const geometry = () => {
    // The speaker view cuts for a projector of 1280 × 720 until the projected window sends its cut.
    if (speaker) return {avail: (720 - 62 - SLACK - 16) / 1.35, minFit: 1 / 1.35, zoom: 1.35, width: 800};
    const zoom = baseZoom();
    const top = main.getBoundingClientRect().top + scrollY;
    return {avail: (innerHeight - barHeight() - SLACK - top) / zoom, minFit: Math.min(1, 1 / zoom), zoom, width: main.offsetWidth};
  };

  // A piece's key is the path to its element: "12" is main's 13th child, "12.0.3" the 4th item
  // of the 1st item of that child (see itemsOf).
  const nodeAt = (key) => {
    const [first, ...rest] = String(key).split(".").map(Number);
    let node = main.children[first] ?? null;
    for (const i of rest) node = node && (itemsOf(node)?.items[i] ?? null);
    return node;
  };
  const top = (key) => String(key).split(".")[0];

  const measure = (avail) => {
    // The whole page in one flow, at full size, every item shown, for one layout: the distance
    // between two blocks is then what it will be on a slide that holds both. Nothing that was
    // shown is hidden, so a focused control keeps its focus, and the slide is put back (render)
    // before the browser paints.
    main.style.setProperty("--classroom-fit", "1");
    for (const el of main.querySelectorAll(".classroom-item-hidden")) el.classList.remove("classroom-item-hidden");
    const bounded = scroller;
    bounded?.removeAttribute("data-classroom-scroll");
    const children = [...main.children];
    const hidden = children.filter((el) => el.classList.contains("classroom-hidden"));
    for (const el of hidden) el.classList.remove("classroom-hidden");
    const headings = groups.map((group) => group.find((el) => /^H[12]$/.test(el.tagName)) ?? null);
    for (const h of headings) if (h) { h.dataset.slidePart = "9/9"; delete h.dataset.slideContinued; }
    const zoom = main.currentCSSZoom || 1;
    const origin = main.getBoundingClientRect().top;
    const y = (v) => (v - origin) / zoom;
    const drawn = (el) => getComputedStyle(el).display !== "none";
    const place = children.map((el) => {
      if (!drawn(el)) return null;
      const r = el.getBoundingClientRect();
      return {top: y(r.top), bottom: y(r.bottom)};
    });
    // The flow's gap to the nearest blocks drawn before and after: collapsed margins, measured.
    const gaps = children.map((el, i) => {
      if (!place[i]) return {before: 0, after: 0};
      let b = i - 1, a = i + 1;
      while (b >= 0 && (!place[b] || place[b].bottom <= place[b].top)) b--;
      while (a < children.length && (!place[a] || place[a].bottom <= place[a].top)) a++;
      const style = getComputedStyle(el);
      return {
        before: b >= 0 ? place[i].top - place[b].bottom : parseFloat(style.marginTop) || 0,
        after: a < children.length ? place[a].top - place[i].bottom : parseFloat(style.marginBottom) || 0
      };
    });
    const box = (h) => {
      if (!h || !drawn(h)) return null;
      const style = getComputedStyle(h);
      return {h: h.getBoundingClientRect().height / zoom, mt: parseFloat(style.marginTop) || 0, mb: parseFloat(style.marginBottom) || 0};
    };
    const full = headings.map(box);
    // A tall block is cut between its items, and an item still too tall between its own.
    const cut = (node, key, room, common, lead, trail) => {
      const r = node.getBoundingClientRect();
      const at = {top: y(r.top), bottom: y(r.bottom)};
      const split = at.bottom - at.top > room ? itemsOf(node) : null;
      if (!split) return null;
      const spots = split.items.map((item) => (drawn(item) ? item.getBoundingClientRect() : null));
      const shown = spots.filter(Boolean);
      if (!shown.length) return null;
      const c = split.container.getBoundingClientRect();
      const itemsTop = y(shown[0].top);
      const itemsBottom = y(shown[shown.length - 1].bottom);
      const innerLead = lead + (itemsTop - Math.min(at.top, y(c.top)));
      const innerTrail = trail + (Math.max(at.bottom, y(c.bottom)) - itemsBottom);
      const out = [];
      let edge = itemsTop;
      split.items.forEach((item, i) => {
        const spot = spots[i];
        const itemKey = `${key}.${i}`;
        if (spot) {
          const deeper = cut(item, itemKey, room, common, innerLead, innerTrail);
          if (deeper) { out.push(...deeper); edge = y(spot.bottom); return; }
        }
        const t = spot ? y(spot.top) : edge;
        edge = spot ? y(spot.bottom) : edge;
        out.push({key: itemKey, ...common, node: item, h: edge - t, top: t, bottom: edge, lead: innerLead, trail: innerTrail, glue: item.tagName === "DT", h3: false});
      });
      return out;
    };
    const measured = groups.map((group, g) => {
      const heading = headings[g];
      const head = full[g];
      const room = avail - (head ? head.mt + head.h + head.mb : 0);
      const pieces = [];
      let last = 0;
      for (const el of group) {
        if (el === heading) continue;
        const index = children.indexOf(el);
        const at = place[index] ?? {top: last, bottom: last};
        last = at.bottom;
        const h = at.bottom - at.top;
        const common = {el, gapBefore: gaps[index].before, gapAfter: gaps[index].after};
        const items = h > room ? cut(el, String(index), room, common, 0, 0) : null;
        if (items) pieces.push(...items);
        else pieces.push({key: String(index), ...common, node: el, h, top: at.top, bottom: at.bottom, ...traits(el, h, room)});
      }
      return {heading: head, headingEl: heading, pieces};
    });
    // The headings of continued slides, smaller, measured in a second layout.
    for (const h of headings) if (h) h.dataset.slideContinued = "";
    headings.forEach((h, g) => { measured[g].continued = box(h); });
    for (const h of headings) if (h) { delete h.dataset.slidePart; delete h.dataset.slideContinued; }
    for (const el of hidden) el.classList.add("classroom-hidden");
    bounded?.setAttribute("data-classroom-scroll", "");
    return measured;
  };

  // How a block sits with its neighbours.
  const traits = (el, h, room) => {
    const text = el.textContent.trim();
    const controls = h > 0 && !el.matches("form.check, .check-progress") && !el.querySelector("form.check, .check-progress") && (el.matches(CONTROLS) || !!el.querySelector(CONTROLS)) && !companion(el, h);
    const leadIn = /^(P|DIV)$/.test(el.tagName) && /:$/.test(text) && text.length < 400;
    const heading = /^H[3-6]$/.test(el.tagName);
    return {glue: controls || leadIn || heading, h3: el.tagName === "H3"};
  };

  // A chart's summary, data table or download link: small, with no chart of its own.
  const companion = (el, h) => h < geometry().avail * 0.35 && !el.matches("figure") && !el.querySelector("figure, svg") && (el.matches(COMPANIONS) || !!el.querySelector(COMPANIONS));
  // A chart keeps its summary, its data table and its download links: they glue to it.
  const glueCompanions = (measured) => {
    for (const {pieces} of measured) {
      for (let i = 1; i < pieces.length; i++) {
        if (pieces[i].node !== pieces[i].el || !companion(pieces[i].el, pieces[i].h)) continue;
        let j = i - 1;
        while (j > 0 && pieces[j].h <= 0) j--;
        const before = pieces[j];
        if (before.node === before.el && (before.el.matches("figure") || before.el.querySelector("figure, svg") || companion(before.el, before.h))) before.glue = true;
      }
    }
    return measured;
  };

  let measured = [];
  // What showing a slide taught: cut before this piece, shrink the slide that starts with that one.
  const corrections = {breaks: new Set(), caps: new Map()};
  addEventListener("resize", () => { corrections.breaks.clear(); corrections.caps.clear(); });
  const paginate = () => {
    const {avail, minFit} = geometry();
    measured = glueCompanions(measure(avail));
    return packSlides(measured, {avail, minFit, ...corrections}).map((slide) => ({...slide, heading: measured[slide.section].headingEl}));
  };

  // ---- Showing a slide ----

  const visibleSlides = () => adopted ?? slides;
  const pieceOf = (key) => {
    for (const {pieces} of measured) for (const p of pieces) if (p.key === key) return p;
    return null;
  };
  const firstReal = (slide) => slide?.keys.find((k) => (pieceOf(k)?.h ?? 0) > 0) ?? slide?.keys[0] ?? null;
  const slideOfKey = (key) => {
    const list = visibleSlides();
    const exact = list.findIndex((s) => s.keys.includes(key));
    if (exact >= 0) return exact;
    // The block is cut differently now: the first slide with any of it.
    const prefix = (k) => k === key || k.startsWith(`${key}.`) || key.startsWith(`${k}.`);
    const near = list.findIndex((s) => s.keys.some(prefix));
    return near >= 0 ? near : list.findIndex((s) => s.keys.some((k) => top(k) === top(key)));
  };
  const anchorKey = () => {
    const slide = visibleSlides()[current];
    if (!slide) return null;
    const focused = document.activeElement;
    if (focused && main.contains(focused)) {
      const key = slide.keys.find((k) => nodeAt(k)?.contains(focused));
      if (key) return key;
    }
    return firstReal(slide);
  };
  const headingOf = (slide) => slide?.heading ?? groups[slide?.section]?.find((el) => /^H[12]$/.test(el.tagName)) ?? null;
  const titleOf = (slide) => {
    const heading = headingOf(slide);
    const text = heading ? heading.textContent.trim() : document.title;
    return slide && slide.parts > 1 ? `${text} (${slide.part}/${slide.parts})` : text;
  };
  /** The elements of a slide: its heading and whole blocks, and the items it shows of a cut one. */
  const contentOf = (slide) => (slide ? [headingOf(slide), ...slide.keys.map(nodeAt)].filter(Boolean) : []);

  const render = () => {
    const list = visibleSlides();
    // The speaker view shows the slide after the current one: the audience already sees this one.
    const slide = list[speaker ? current + 1 : current];
    const shown = new Set();
    const keep = new Map(); // a cut block's path → the indices of its items on this slide
    if (slide) {
      const heading = headingOf(slide);
      if (heading) shown.add(heading);
      for (const key of slide.keys) {
        const path = key.split(".");
        const node = main.children[Number(path[0])];
        if (!node) continue;
        shown.add(node);
        for (let d = 1; d < path.length; d++) {
          const parent = path.slice(0, d).join(".");
          (keep.get(parent) ?? keep.set(parent, new Set()).get(parent)).add(Number(path[d]));
        }
      }
    }
    for (const el of main.children) el.classList.toggle("classroom-hidden", !shown.has(el));
    for (const [path, indices] of keep) {
      const split = itemsOf(nodeAt(path));
      if (!split) continue;
      split.items.forEach((item, i) => item.classList.toggle("classroom-item-hidden", !indices.has(i)));
      // A list cut in parts keeps its numbers.
      if (split.container.tagName === "OL") split.items.forEach((li, i) => { if (!li.hasAttribute("value")) li.value = (split.container.start || 1) + i; });
    }
    for (const h of main.querySelectorAll(":scope > [data-slide-part]")) { delete h.dataset.slidePart; delete h.dataset.slideContinued; }
    const heading = headingOf(slide);
    if (heading && slide.parts > 1) heading.dataset.slidePart = `${slide.part}/${slide.parts}`;
    if (heading && slide.part > 1) heading.dataset.slideContinued = "";
    main.style.setProperty("--classroom-fit", String(slide?.fit ?? 1));
    if (scroller) {
      scroller.removeAttribute("data-classroom-scroll");
      scroller.style.removeProperty("--classroom-scroll-height");
      if (scroller.dataset.classroomLabel) { scroller.removeAttribute("tabindex"); scroller.removeAttribute("aria-label"); scroller.removeAttribute("role"); delete scroller.dataset.classroomLabel; }
      scroller = null;
    }
    if (slide?.scroll != null && !speaker) {
      scroller = nodeAt(slide.scroll);
      if (scroller) {
        scroller.dataset.classroomScroll = "";
        // A box that scrolls takes the keyboard focus (axe: scrollable-region-focusable) and says what it is.
        if (!scroller.hasAttribute("tabindex") && !scroller.hasAttribute("aria-label") && !scroller.hasAttribute("role")) {
          scroller.dataset.classroomLabel = "1";
          scroller.tabIndex = 0;
          scroller.setAttribute("role", "region");
          scroller.setAttribute("aria-label", `${titleOf(slide)}, taller than the screen: scroll with ↑ and ↓`);
        }
        // Its box ends at the controls: what is above it is measured, not guessed.
        const zoom = main.currentCSSZoom || 1;
        const room = (innerHeight - barHeight() - SLACK - scroller.getBoundingClientRect().top) / zoom - (parseFloat(getComputedStyle(scroller).marginBottom) || 0);
        scroller.style.setProperty("--classroom-scroll-height", `${Math.max(120, Math.floor(room))}px`);
      }
    }
    hint.hidden = !scroller;
    srTitle.hidden = !pageTitle || shown.has(pageTitle);
    const total = list.length;
    const title = titleOf(list[current]);
    counter.replaceChildren(`Slide ${current + 1} of ${total}`, element("span", {class: "classroom-sr"}, `: ${title}`));
    progress.setAttribute("aria-valuemax", String(total));
    progress.setAttribute("aria-valuenow", String(current + 1));
    progress.setAttribute("aria-valuetext", `Slide ${current + 1} of ${total}: ${title}`);
    progress.style.setProperty("--classroom-progress", String(total > 1 ? current / (total - 1) : 1));
    prev.disabled = current === 0;
    next.disabled = current >= total - 1;
    onward.hidden = !pagerNext || current < total - 1;
    exit.href = leaveUrl();
    root.style.setProperty("--classroom-bar-height", `${Math.ceil(barHeight())}px`);
    panel?.update();
  };

  // Leaving keeps the place: the same page at the section's heading.
  const leaveUrl = () => {
    const heading = headingOf(visibleSlides()[current]);
    const url = urlWith({classroom: null, speaker: null}, {hash: false});
    return heading?.id ? `${url}#${encodeURIComponent(heading.id)}` : url;
  };

  // A slide that came out taller than measured is cut again with what is now known: its last
  // block goes to a slide of its own after it, or a lone block shrinks, or else scrolls.
  const verify = () => {
    if (speaker || adopted) return false;
    const slide = slides[current];
    if (!slide || slide.scroll != null) return false;
    const over = main.getBoundingClientRect().bottom - (innerHeight - barHeight() - SLACK / 2);
    if (over <= 0) return false;
    // The correction is kept (until the screen changes size), so that the next cut has it too.
    const real = slide.keys.filter((k) => (pieceOf(k)?.h ?? 0) > 0);
    if (real.length > 1) corrections.breaks.add(real[real.length - 1]);
    else if (real.length) {
      const height = main.getBoundingClientRect().height;
      const fit = (slide.fit * (height - over)) / height;
      corrections.caps.set(real[0], fit >= Math.min(1, 1 / baseZoom()) ? fit : 0);
    } else return false;
    const anchor = real[0];
    slides = paginate();
    current = Math.max(0, slideOfKey(anchor));
    render();
    return true;
  };

  const go = (i, {scroll = true, hash = false, announce = true} = {}) => {
    const list = visibleSlides();
    current = Math.max(0, Math.min(list.length - 1, i));
    render();
    let fixed = false;
    if (ready) for (let n = 0; n < 4 && verify(); n++) fixed = true;
    if (fixed) sync?.announce();
    history.replaceState(history.state, "", urlWith({classroom: String(current + 1)}, {hash}));
    if (scroll) window.scrollTo(0, 0);
    if (announce) sync?.moved();
  };

  // ---- Keeping the cut up to date ----

  let scheduled = 0;
  const schedule = () => { scheduled ||= requestAnimationFrame(refresh); };
  const refresh = () => {
    scheduled = 0;
    // The handout lays the page out for paper; the cut is redone when it is done.
    if (root.classList.contains("handout-preparing")) return;
    if (main.querySelector(".deferred:not([data-drawn])")) drawAllDeferred();
    const loaded = !main.querySelector("observablehq-loading, .deferred:not([data-drawn])") && document.fonts?.status !== "loading";
    const anchor = ready ? anchorKey() : null;
    groups = sections(main);
    const before = JSON.stringify(describe(slides));
    slides = paginate();
    if (anchor) {
      const at = slideOfKey(anchor);
      if (at >= 0) current = at;
    } else current = initial();
    // Measuring showed every item at full size: the slide is put back whether or not the cut changed.
    // Until the view is ready the address keeps its #fragment: a target drawn late is found by it.
    go(current, {scroll: false, announce: false, hash: !ready});
    const changed = JSON.stringify(describe(slides)) !== before;
    if (changed) sync?.announce();
    // Ready once everything has run and a cut has come out the same twice: a chart drawn in the
    // last frame has had its turn to change a height.
    if (loaded && !ready && changed) schedule();
    else if (loaded && !ready) {
      ready = true;
      go(current, {scroll: false, announce: false});
      root.dataset.classroom = "ready";
      sync?.announce();
    }
  };

  const requested = Number(new URLSearchParams(location.search).get("classroom"));
  const fromHash = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id && document.getElementById(id);
    if (!target || !main.contains(target)) return -1;
    return visibleSlides().findIndex((slide) => (headingOf(slide) === target && slide.part === 1) || slide.keys.some((key) => nodeAt(key)?.contains(target)));
  };
  const initial = () => {
    const hashed = location.hash.length > 1 ? fromHash() : -1;
    if (hashed >= 0) return hashed;
    return Number.isInteger(requested) && requested >= 1 ? Math.min(requested, visibleSlides().length) - 1 : 0;
  };

  // A block that changes size (a chart drawn, a check answered, a table opened) cuts again.
  const resizes = new ResizeObserver(schedule);
  const watch = () => { resizes.disconnect(); for (const el of main.children) resizes.observe(el); };
  watch();
  new MutationObserver(() => { watch(); schedule(); }).observe(main, {childList: true});
  // Until every cell has run, any change may be the last one; after, a cell that makes a deferred
  // block (an input changed) has it drawn at once, and a size it changes is the ResizeObserver's.
  new MutationObserver(() => {
    if (!ready) schedule();
    else if (main.querySelector(".deferred:not([data-drawn])")) drawAllDeferred();
  }).observe(main, {childList: true, subtree: true});
  new MutationObserver(schedule).observe(root, {attributes: true, attributeFilter: ["class"]});
  addEventListener("resize", schedule);
  document.fonts?.ready.then(schedule);
  // A projector is no phone: every chart is drawn now, so none is still drawing when its slide comes.
  drawAllDeferred();

  // ---- Keys and buttons ----

  prev.addEventListener("click", () => go(current - 1));
  next.addEventListener("click", () => go(current + 1));
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key;
    const target = event.target instanceof Element ? event.target : null;
    // Keys typed into a field stay there, Escape too (it closes a list, clears a search).
    if (target?.closest("input, select, textarea, [contenteditable]:not([contenteditable=false]), [role=slider], [role=listbox], [role=combobox], [role=spinbutton]")) return;
    // A button, link or summary takes Space and Enter itself; the other keys still move the slides.
    if ((key === " " || key === "Enter") && target?.closest("button, a[href], summary, [role=button]")) return;
    let to;
    if (key === "ArrowRight" || key === "PageDown" || (key === " " && !event.shiftKey)) to = current + 1;
    else if (key === "ArrowLeft" || key === "PageUp" || (key === " " && event.shiftKey)) to = current - 1;
    else if (key === "Home") to = 0;
    else if (key === "End") to = visibleSlides().length - 1;
    else if ((key === "ArrowDown" || key === "ArrowUp") && scroller && !scroller.contains(target)) {
      event.preventDefault();
      scroller.scrollBy({top: (key === "ArrowDown" ? 1 : -1) * Math.max(40, scroller.clientHeight * 0.25)});
      return;
    } else if (key === "Escape") {
      event.preventDefault();
      location.assign(leaveUrl());
      return;
    } else return;
    event.preventDefault();
    go(to);
  });
  // A link to an id in another slide (a glossary "see also", a passage) opens that slide.
  window.addEventListener("hashchange", () => {
    const i = fromHash();
    if (i >= 0 && i !== current) go(i, {scroll: false, hash: true});
  });

  // ---- The other windows of this page ----

  const deck = {
    speaker,
    get current() { return current; },
    get slides() { return visibleSlides(); },
    describe: () => describe(slides),
    geometry,
    keyOf: (i) => firstReal(visibleSlides()[i]),
    titleOf: (i) => titleOf(visibleSlides()[i]),
    contentOf: (i) => contentOf(visibleSlides()[i]),
    sectionStart: (i) => visibleSlides().findIndex((s) => s.section === visibleSlides()[i]?.section),
    /** Moves here because another window moved: to the slide showing the same block. */
    follow: (index, key) => {
      const at = key ? slideOfKey(key) : -1;
      go(at >= 0 ? at : index, {announce: false});
    },
    /** The speaker view takes the projected window's cut, so that its "next" is the audience's. */
    adopt: (described, index, projector) => {
      if (!speaker || described.children !== main.children.length) return;
      adopted = described.slides.map((s) => ({...s, heading: groups[s.section]?.find((el) => /^H[12]$/.test(el.tagName)) ?? null}));
      panel?.setPreview(projector);
      go(index, {scroll: false, announce: false});
    }
  };
  sync = syncWindows(deck);
  panel = speaker ? speakerPanel(deck, {sync}) : null;
  if (panel) document.body.append(...panel.elements);

  slides = paginate();
  go(initial(), {scroll: location.hash.length <= 1, hash: true, announce: false});
  schedule();
}

function describe(slides) {
  return {children: document.getElementById("observablehq-main")?.children.length ?? 0, slides: slides.map(({section, part, parts, keys, fit, scroll}) => ({section, part, parts, keys, fit: Math.round(fit * 1000) / 1000, scroll}))};
}

/**
 * The items a tall block can be cut between, found through any wrappers with one child:
 * a list's items, a table's body rows, a definition list's terms and definitions, a group's
 * blocks. None for a block that is one thing (a form, a figure, a chart) or holds running text.
 */
function itemsOf(el) {
  let node = el;
  for (let depth = 0; depth < 8 && node; depth++) {
    if (node.matches(WHOLE)) return null;
    if (node.tagName === "TABLE") {
      const rows = [...node.tBodies].flatMap((body) => [...body.rows]);
      return rows.length > 1 ? {container: node, items: rows} : null;
    }
    // Items hidden for now (a teacher's note, another slide's rows) are items all the same, so
    // that an item's number is the same whatever is shown.
    const kids = [...node.children].filter((k) => !k.matches("style, script, template"));
    if (/^(OL|UL|DL)$/.test(node.tagName)) return kids.length > 1 ? {container: node, items: kids} : null;
    if ([...node.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) return null;
    if (kids.length === 1) { node = kids[0]; continue; }
    if (kids.length > 1 && /^(DIV|SECTION|ARTICLE|P|BLOCKQUOTE)$/.test(node.tagName)) return {container: node, items: kids};
    return null;
  }
  return null;
}

// The current URL with some parameters set (string) or removed (null); bare flags are written bare.
function urlWith(changes, {hash = true} = {}) {
  const params = new URLSearchParams(location.search);
  for (const [key, value] of Object.entries(changes)) value === null ? params.delete(key) : params.set(key, value);
  const search = params.toString().replace(/=(?=&|$)/g, "");
  return `${location.pathname}${search ? `?${search}` : ""}${hash ? location.hash : ""}`;
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

// Last, so that every constant above is defined when the view starts.
if (typeof document !== "undefined" && typeof location !== "undefined" && !document.documentElement.dataset.teaching) {
  const teacher = flag(location.search, "teacher");
  const classroom = flag(location.search, "classroom");
  if (teacher || classroom) document.documentElement.dataset.teaching = "on";
  if (teacher) document.documentElement.classList.add("teacher");
  if (classroom) startClassroom({teacher, speaker: teacher && flag(location.search, "speaker")});
}
