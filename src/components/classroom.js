/**
 * Classroom and teacher views, switched on from the URL so a teacher can share the link:
 *
 *   page.html?classroom      projector view: large type, no sidebar, TOC or code, one section
 *                            (an h2 and what follows it) at a time; → PageDown Space next,
 *                            ← PageUp Shift+Space previous, Home/End first/last.
 *   page.html?classroom=3    the same, opened at section 3 (the URL follows the teacher).
 *   page.html?teacher        the answers of every check and any `.teacher-only` element shown.
 *
 * Import it for its side effect in a js cell of every page: `import "./components/classroom.js";`
 * Without either parameter it does nothing at all: no class, no listener, no element.
 * Styles are in src/teaching.css.
 */
import "./citation.js"; // every page imports this module: the footer's citation is wired here too
import "./handout.js"; // and the handout: print values, header, the "Print handout" button


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

if (typeof document !== "undefined" && typeof location !== "undefined" && !document.documentElement.dataset.teaching) {
  const teacher = flag(location.search, "teacher");
  const classroom = flag(location.search, "classroom");
  if (teacher || classroom) document.documentElement.dataset.teaching = "on";
  if (teacher) document.documentElement.classList.add("teacher");
  if (classroom) startClassroom();
}

function startClassroom() {
  const main = document.getElementById("observablehq-main");
  if (!main) return;
  document.documentElement.classList.add("classroom");
  let groups = sections(main);
  let current = 0;

  const nav = element("nav", {class: "classroom-nav", "aria-label": "Classroom sections"});
  const prev = element("button", {type: "button", class: "classroom-prev", "aria-label": "Previous section", title: "Previous section (← or Page Up)"}, element("span", {"aria-hidden": "true"}, "←"), " Previous");
  const status = element("span", {class: "classroom-status", role: "status", "aria-live": "polite"});
  const next = element("button", {type: "button", class: "classroom-next", "aria-label": "Next section", title: "Next section (→, Page Down or Space)"}, "Next ", element("span", {"aria-hidden": "true"}, "→"));
  const onward = element("a", {class: "classroom-onward", hidden: ""});
  const exit = element("a", {class: "classroom-exit", href: urlWith({classroom: null}), title: "Leave the classroom view"}, "Exit");
  nav.append(prev, status, next, onward, exit);
  document.body.append(nav);

  // At the last section, "Next chapter" keeps the classroom (and teacher) view on the next page.
  const pagerNext = document.querySelector("nav.observablehq-pager a[rel=next]");
  if (pagerNext) {
    const url = new URL(pagerNext.href, location.href);
    for (const [key, value] of new URLSearchParams(location.search)) if (key === "classroom" || key === "teacher") url.searchParams.set(key, key === "classroom" ? "1" : value);
    onward.href = url.pathname + url.search.replace(/=(?=&|$)/g, "");
    onward.textContent = `Next chapter: ${pagerNext.querySelector(".observablehq-pager-title")?.textContent ?? pagerNext.textContent.trim()} →`;
  }

  const apply = () => {
    groups.forEach((group, i) => group.forEach((el) => el.classList.toggle("classroom-hidden", i !== current)));
    const heading = groups[current]?.find((el) => /^H[12]$/.test(el.tagName));
    status.replaceChildren(`Section ${current + 1} of ${groups.length}`, element("span", {class: "classroom-sr"}, heading ? `: ${heading.textContent.trim()}` : ""));
    prev.disabled = current === 0;
    next.disabled = current >= groups.length - 1;
    onward.hidden = !pagerNext || current < groups.length - 1;
  };
  const go = (i, {scroll = true, hash = false} = {}) => {
    current = Math.max(0, Math.min(groups.length - 1, i));
    apply();
    history.replaceState(history.state, "", urlWith({classroom: String(current + 1)}, {hash}));
    if (scroll) window.scrollTo(0, 0);
  };
  const sectionOf = (target) => groups.findIndex((group) => group.some((el) => el === target || el.contains(target)));
  const fromHash = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id && document.getElementById(id);
    return target && main.contains(target) ? sectionOf(target) : -1;
  };

  prev.addEventListener("click", () => go(current - 1));
  next.addEventListener("click", () => go(current + 1));
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    if (target instanceof Element && target.closest("input, select, textarea, button, summary, [contenteditable]:not([contenteditable=false]), [role=slider], [role=listbox], [role=combobox]")) return;
    const key = event.key;
    let to;
    if (key === "ArrowRight" || key === "PageDown" || (key === " " && !event.shiftKey)) to = current + 1;
    else if (key === "ArrowLeft" || key === "PageUp" || (key === " " && event.shiftKey)) to = current - 1;
    else if (key === "Home") to = 0;
    else if (key === "End") to = groups.length - 1;
    else return;
    event.preventDefault();
    go(to);
  });
  // A link to an id in another section (a glossary "see also", a passage) opens that section.
  window.addEventListener("hashchange", () => {
    const i = fromHash();
    if (i >= 0 && i !== current) {
      current = i;
      apply();
      document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
    }
  });
  // Cells may add top-level elements after load; keep them in their section.
  new MutationObserver(() => {
    groups = sections(main);
    if (current >= groups.length) current = groups.length - 1;
    apply();
  }).observe(main, {childList: true});

  const requested = Number(new URLSearchParams(location.search).get("classroom"));
  const hashed = fromHash();
  current = hashed >= 0 ? hashed : Number.isInteger(requested) && requested >= 1 ? Math.min(requested, groups.length) - 1 : 0;
  go(current, {scroll: hashed < 0, hash: true});
  // A #fragment drawn by a cell (a glossary term) exists only once the cell has run: wait for it.
  if (hashed < 0 && location.hash.length > 1) {
    const waiting = new MutationObserver(() => {
      const i = fromHash();
      if (i < 0) return;
      waiting.disconnect();
      current = i;
      apply();
      history.replaceState(history.state, "", urlWith({classroom: String(current + 1)}));
      document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
    });
    waiting.observe(main, {childList: true, subtree: true});
    setTimeout(() => waiting.disconnect(), 10_000);
  }
}

// The current URL with some parameters set (string) or removed (null); `?classroom` is written bare.
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
