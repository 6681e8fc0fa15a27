/**
 * The speaker view of the classroom (components/classroom.js has the URL scheme) and the link
 * that keeps every classroom window of a page in step, as reveal.js's speaker view does, over a
 * BroadcastChannel: the windows must share a browser and an origin, and no server is involved.
 *
 * Messages, each with the sender's random `from`:
 *   hello   a speaker view has opened; projected windows answer with `state`.
 *   state   a projected window's cut (its slides, in terms of the page's top-level blocks), its
 *           current slide and its screen. Only a speaker view takes it: it then shows the slide
 *           the audience will see next, cut as the audience's screen cuts it.
 *   moved   someone moved to slide `current`, which shows block `key`; every other window
 *           follows, finding its own slide with that block when its cut differs.
 *   open    a link in the notes (a scenario: "open this with 2 peers and no seeding") was
 *           followed: every window opens that address, in its own view, at its current slide.
 */

export function syncWindows(deck) {
  if (typeof BroadcastChannel === "undefined") return null;
  const channel = new BroadcastChannel(`ledger-classroom:${location.pathname}`);
  const from = Math.random().toString(36).slice(2);
  const post = (type, extra = {}) => channel.postMessage({type, from, speaker: deck.speaker, current: deck.current, key: deck.keyOf(deck.current), ...extra});
  const own = () => (deck.speaker ? {} : {described: deck.describe(), geometry: deck.geometry()});
  channel.addEventListener("message", ({data}) => {
    if (!data || data.from === from) return;
    if (data.type === "hello") {
      if (!deck.speaker) post("state", own());
    } else if (data.type === "state") {
      if (deck.speaker && !data.speaker && data.described) deck.adopt(data.described, data.current, data.geometry);
    } else if (data.type === "moved") {
      if (deck.speaker && !data.speaker && data.described) deck.adopt(data.described, data.current, data.geometry);
      else deck.follow(data.current, data.key);
    } else if (data.type === "open" && typeof data.href === "string") {
      openHere(data.href, deck);
    }
  });
  if (deck.speaker) post("hello");
  return {
    moved: () => post("moved", own()),
    announce: () => { if (!deck.speaker) post("state", own()); },
    open: (href) => { post("open", {href}); openHere(href, deck); }
  };
}

// An address from a note, opened in this window's own view at its current slide.
function openHere(href, deck) {
  const url = new URL(href, location.href);
  if (url.origin !== location.origin) return;
  const here = new URLSearchParams(location.search);
  for (const name of ["teacher", "speaker"]) if (here.has(name)) url.searchParams.set(name, "");
  if (!url.searchParams.has("classroom")) url.searchParams.set("classroom", String(deck.current + 1));
  location.assign(url.pathname + url.search.replace(/=(?=&|$)/g, "") + url.hash);
}

/**
 * The speaker's side of the screen: where the class is, the notes of the current slide (its
 * `.teacher-only` elements and the answers of its checks, cloned as DOM from this window's copy of
 * the page), the title of the next slide (shown beside it, as the audience will see it) and a timer.
 */
export function speakerPanel(deck, {sync} = {}) {
  const aside = el("aside", {class: "speaker-panel", "aria-label": "Speaker notes"});
  const link = el("p", {class: "speaker-link", role: "status"}, "Waiting for the projected window (open it from the same browser)…");
  const clock = el("span", {class: "speaker-clock", role: "timer", "aria-label": "Time since the speaker view opened"}, "0:00");
  const pause = el("button", {type: "button"}, "Pause");
  const reset = el("button", {type: "button"}, "Reset");
  const now = el("h2", {class: "speaker-now"});
  const notes = el("div", {class: "speaker-notes"});
  const nextLabel = el("p", {class: "speaker-next-label"});
  // The next slide's title is drawn over the frame at the right, but belongs with the notes.
  aside.append(el("div", {class: "speaker-head"}, el("p", {class: "speaker-kicker"}, "Speaker view"), el("p", {class: "speaker-timer"}, clock, " ", pause, " ", reset)), link, now, notes, nextLabel);

  // The timer counts the lesson, not the page's life: Pause stops it, Reset starts it again from zero.
  let started = performance.now();
  let paused = null;
  const tick = () => {
    const seconds = Math.floor(((paused ?? performance.now()) - started) / 1000);
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = String(seconds % 60).padStart(2, "0");
    clock.textContent = h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
  };
  setInterval(tick, 1000);
  pause.addEventListener("click", () => {
    if (paused == null) { paused = performance.now(); pause.textContent = "Resume"; }
    else { started += performance.now() - paused; paused = null; pause.textContent = "Pause"; }
    tick();
  });
  reset.addEventListener("click", () => { started = performance.now(); if (paused != null) paused = started; tick(); });

  // A link in a note opens its scenario on the projector too.
  notes.addEventListener("click", (event) => {
    const a = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!a || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const url = new URL(a.href, location.href);
    const page = (path) => path.replace(/\.html$/, "").replace(/\/index$/, "/");
    if (url.origin !== location.origin || page(url.pathname) !== page(location.pathname) || !sync?.open) return;
    event.preventDefault();
    sync.open(url.href);
  });

  let projector = null;
  const fitPreview = () => {
    const main = document.getElementById("observablehq-main");
    const center = document.getElementById("observablehq-center");
    if (!main || !center) return;
    const width = projector?.width ?? 800;
    const avail = projector?.avail ?? 470;
    const box = center.getBoundingClientRect();
    const zoom = Math.max(0.2, Math.min((box.width - 24) / width, (box.height - 24) / avail));
    main.style.setProperty("--classroom-zoom", String(Math.round(zoom * 1000) / 1000));
    main.style.setProperty("--classroom-column", `${width}px`);
  };
  addEventListener("resize", fitPreview);
  requestAnimationFrame(fitPreview);

  const update = () => {
    const i = deck.current;
    const total = deck.slides.length;
    now.textContent = total ? `Now: slide ${i + 1} of ${total} · ${deck.titleOf(i)}` : "Now: —";
    nextLabel.textContent = i + 1 < total ? `Next: slide ${i + 2} · ${deck.titleOf(i + 1)}` : "Next: the end of the chapter";
    let content = deck.contentOf(i);
    let found = notesIn(content);
    let borrowed = false;
    // A slide that continues a section carries the notes of the section's first slide.
    if (!found.notes.length && !found.checks.length) {
      const first = deck.sectionStart(i);
      if (first >= 0 && first !== i) {
        content = deck.contentOf(first);
        found = notesIn(content);
        borrowed = found.notes.length > 0;
        found.checks = [];
      }
    }
    const children = [];
    if (borrowed) children.push(el("p", {class: "speaker-borrowed"}, `From the start of this section (slide ${deck.sectionStart(i) + 1}):`));
    for (const note of found.notes) {
      const copy = clone(note);
      copy.classList.add("speaker-note");
      children.push(/^(SPAN|A|EM|STRONG|B|I|CODE)$/.test(note.tagName) ? el("p", {}, copy) : copy);
    }
    for (const form of found.checks) {
      const question = form.querySelector("legend")?.textContent.trim() ?? "";
      const answer = form.querySelector(".check-answer");
      const box = el("div", {class: "speaker-check"}, el("p", {class: "speaker-check-question"}, el("strong", {}, "Check: "), question));
      if (answer) box.append(clone(answer));
      children.push(box);
    }
    if (!children.length) children.push(el("p", {class: "speaker-empty"}, "No notes for this slide."));
    notes.replaceChildren(...children);
  };

  return {
    elements: [aside],
    update,
    setPreview(geometry) {
      if (geometry) projector = geometry;
      link.textContent = "In step with the projected window: moving here moves it.";
      fitPreview();
    }
  };
}

// The outermost `.teacher-only` elements of a slide and its checks.
function notesIn(content) {
  const notes = [];
  const checks = [];
  for (const node of content) {
    for (const n of [node, ...node.querySelectorAll(".teacher-only")]) {
      if (n.matches(".teacher-only") && !notes.some((m) => m.contains(n))) notes.push(n);
    }
    for (const f of [node, ...node.querySelectorAll("form.check")]) if (f.matches("form.check")) checks.push(f);
  }
  return {notes, checks};
}

// A copy to read, not a second copy of the page: no ids to collide with the original's.
function clone(node) {
  const copy = node.cloneNode(true);
  for (const n of [copy, ...copy.querySelectorAll("[id]")]) n.removeAttribute("id");
  for (const n of copy.querySelectorAll("[for]")) n.removeAttribute("for");
  return copy;
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}
