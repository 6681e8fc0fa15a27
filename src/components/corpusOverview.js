import {Plot, plot} from "./plot.js";
import {fitText, wrapText} from "./textFit.js";
import {TOPIC_LABELS} from "./topicGrid.js";
import {STANCES} from "./claimsMatrix.js";

/**
 * Views for a corpus too large to draw one row per article (more than summary.small allows):
 * the articles grouped by language, outlet or month, the list behind a cell, a finder that
 * searches and filters the article index, and claims counted by stance. Every list pages, so
 * nothing draws more than about fifty labelled rows.
 */

const languageNames = typeof Intl.DisplayNames === "function" ? new Intl.DisplayNames(["en"], {type: "language"}) : null;
const languageName = (code) => {
  try {
    return languageNames?.of(code) ?? code;
  } catch {
    return code;
  }
};

/** How a group's value reads: a language's name, "no outlet named", "no date". */
export function groupLabel(key, value) {
  if (key === "language") return value ? `${languageName(value)} (${value})` : "undetermined";
  if (key === "outlet") return value || "no outlet named";
  return value || "no date";
}

const SHORT = {licensing: "Licence", "revenue-sharing": "Revenue", seeding: "Seeding", capex: "Capex"};

export const GROUP_KEYS = {language: "Language", outlet: "Outlet", month: "Month published"};

/**
 * Articles per topic in each group: one row per group (at most 50, as the summary has them),
 * one column per topic and one for all articles; each cell prints its count. Clicking a cell,
 * or focusing it and pressing Enter, calls onSelect({key, value, topic}) (topic null for "all").
 */
export function groupGrid(groups, {width = 640, key = "language", topics = Object.keys(TOPIC_LABELS), columns = TOPIC_LABELS, onSelect, ...options} = {}) {
  const narrow = width < 560;
  // A phone has room for one short word per column.
  const all = narrow ? "All" : "All articles";
  const name = (t) => (narrow ? SHORT[t] ?? t : columns[t] ?? t);
  const heads = [all, ...topics.map(name)];
  const rows = groups.map((g) => ({...g, label: groupLabel(key, g.value)}));
  const cells = rows.flatMap((g) => [
    {label: g.label, value: g.value, topic: null, column: all, n: g.articles},
    ...topics.map((t) => ({label: g.label, value: g.value, topic: t, column: name(t), n: g.topics[t]?.articles ?? 0}))
  ]);
  const marginLeft = narrow ? Math.min(130, width * 0.36) : Math.min(240, width * 0.32);
  const max = Math.max(1, ...cells.filter((c) => c.topic).map((c) => c.n));
  const interactive = (index, scales, values, dimensions, context, next) => {
    const g = next(index, scales, values, dimensions, context);
    g.querySelectorAll("rect").forEach((rect, i) => {
      const cell = cells[index[i]];
      if (!cell || !onSelect) return;
      rect.setAttribute("tabindex", "0");
      rect.setAttribute("role", "button");
      rect.setAttribute("aria-label", `${cell.label}, ${cell.column}: ${cell.n} articles. Show them.`);
      rect.style.cursor = "pointer";
      const pick = () => onSelect({key, value: cell.value, topic: cell.topic, label: cell.label, column: cell.column, n: cell.n});
      rect.addEventListener("click", pick);
      rect.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); } });
    });
    return g;
  };
  return plot({
    width,
    height: 28 * rows.length + 60,
    marginLeft,
    marginTop: 48,
    // Column headings wrap to the column's width, at most three lines.
    x: {axis: "top", label: null, domain: heads, tickFormat: (d) => wrapText(d, (width - marginLeft - 20) / heads.length - 6, 10, {maxLines: 3}), tickSize: 0},
    y: {label: null, domain: rows.map((g) => g.label), tickFormat: (d) => fitText(d, marginLeft - 10, 10), tickSize: 0},
    color: {type: "linear", scheme: "blues", domain: [0, max]},
    marks: [
      Plot.cell(cells, {x: "column", y: "label", fill: (d) => (d.topic ? d.n : 0), inset: 1, render: interactive, title: (d) => `${d.label} — ${d.column}: ${d.n} article${d.n === 1 ? "" : "s"}`}),
      Plot.text(cells, {x: "column", y: "label", text: (d) => d.n.toLocaleString("en-US"), fill: (d) => (d.topic && d.n > 0.6 * max ? "white" : "black"), pointerEvents: "none"})
    ],
    ...options
  });
}

/** Does an index row belong to a grid cell? */
export function inCell(row, {key, value, topic}) {
  const v = key === "month" ? monthOf(row.published) : String(row[key] ?? "");
  return v === value && (!topic || +row[topic] > 0);
}

function monthOf(published) {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(String(published ?? ""));
  return m ? (m[2] ? `${m[1]}-${m[2]}` : m[1]) : "";
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text != null) e.textContent = text;
  return e;
}

/** Where an article opens in the reader. */
export const articleHref = (id, base = "sources.html") => `${base}?article=${encodeURIComponent(id)}#article-${id}`;

/**
 * A paged list of articles (index rows): title (a link to the reader, or onOpen(id) when given),
 * language, outlet, date; `pageSize` per page with previous/next buttons and a count.
 */
export function articleList(rows, {pageSize = 20, caption, onOpen, onIntent, base = "sources.html"} = {}) {
  const root = el("div", "article-list");
  let page = 0;
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const render = () => {
    const table = el("table", "data-table");
    if (caption) table.createCaption().textContent = caption;
    const head = table.createTHead().insertRow();
    for (const h of ["Article", "Language", "Outlet", "Published"]) {
      const th = el("th", null, h);
      th.scope = "col";
      head.append(th);
    }
    const body = table.createTBody();
    for (const a of rows.slice(page * pageSize, (page + 1) * pageSize)) {
      const tr = body.insertRow();
      const link = el("a", null, a.title || a.article_id);
      link.href = articleHref(a.article_id, base);
      if (a.language) link.lang = a.language;
      if (onOpen) link.addEventListener("click", (e) => { e.preventDefault(); onOpen(a.article_id); });
      // A pointer resting on a title or a key's focus says which article comes next: its rows
      // start downloading then, so the click finds them there (as instant.page does for pages).
      if (onIntent) for (const type of ["pointerenter", "focus", "touchstart"]) link.addEventListener(type, () => onIntent(a.article_id), {once: true, passive: true});
      tr.insertCell().append(link);
      tr.insertCell().textContent = a.language;
      tr.insertCell().textContent = a.outlet || "not named";
      tr.insertCell().textContent = a.published || "not given";
    }
    const nav = el("p", "pager-nav");
    const prev = el("button", null, "← Previous");
    const next = el("button", null, "Next →");
    prev.type = next.type = "button";
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
    prev.addEventListener("click", () => { page--; render(); });
    next.addEventListener("click", () => { page++; render(); });
    const status = el("span", "pager-status", rows.length ? `${(page * pageSize + 1).toLocaleString("en-US")}–${Math.min(rows.length, (page + 1) * pageSize).toLocaleString("en-US")} of ${rows.length.toLocaleString("en-US")} articles` : "No article matches.");
    status.setAttribute("aria-live", "polite");
    nav.append(prev, " ", status, " ", next);
    const scroll = el("div", "table-scroll");
    scroll.append(table);
    root.replaceChildren(scroll, ...(pages > 1 ? [nav] : [status]));
  };
  render();
  return root;
}

/** Index rows matching a finder's query: words of `text` in title, outlet or id; language, topic, outlet exact; published starting with `date`. */
export function findArticles(index, {text = "", language = "", topic = "", outlet = "", date = ""} = {}) {
  const words = fold(text).split(/\s+/).filter(Boolean);
  return index.filter((a) => {
    if (language && a.language !== language) return false;
    if (outlet && a.outlet !== outlet) return false;
    if (topic && !(+a[topic] > 0)) return false;
    if (date && !String(a.published ?? "").startsWith(date)) return false;
    if (!words.length) return true;
    const hay = fold(`${a.title} ${a.outlet} ${a.article_id}`);
    return words.every((w) => hay.includes(w));
  });
}

function fold(s) {
  return String(s ?? "").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * Search and filters over the article index (title, outlet, language, date, topic) with a paged
 * result list; choosing a title calls onOpen(id).
 */
export function articleFinder(index, {onOpen, onIntent, pageSize = 15, languages = [], topics = TOPIC_LABELS, prompt = "Type words of a title or outlet, or choose a filter."} = {}) {
  const root = el("form", "article-finder");
  root.setAttribute("role", "search");
  root.addEventListener("submit", (e) => e.preventDefault());
  const field = (label, input) => {
    const l = el("label", "finder-field");
    // One control per line on a phone, side by side when there is room (no stylesheet needed).
    l.style.cssText = "display: inline-flex; flex-direction: column; margin: 0 1em 0.5em 0; max-width: 100%;";
    l.append(el("span", null, label), input);
    return l;
  };
  const text = el("input");
  text.type = "search";
  text.name = "q";
  text.placeholder = "words of the title or outlet";
  const select = (name, options) => {
    const s = el("select");
    s.name = name;
    for (const [value, label] of options) {
      const o = el("option", null, label);
      o.value = value;
      s.append(o);
    }
    return s;
  };
  const language = select("language", [["", "any"], ...(languages.length || typeof index === "function" ? languages : [...new Set(index.map((a) => a.language))].sort()).map((l) => [l, groupLabel("language", l)])]);
  const topic = select("topic", [["", "any"], ...Object.entries(topics)]);
  const date = el("input");
  date.name = "date";
  date.placeholder = "YYYY or YYYY-MM";
  date.size = 10;
  const controls = el("div", "finder-controls");
  controls.append(field("Find an article", text), field("Language", language), field("Topic", topic), field("Published", date));
  const results = el("div", "finder-results");
  // `index` may be a function returning a promise of the rows: then they are fetched when the
  // reader first types or filters, so the page's weight at load does not grow with the corpus.
  let rowsNow = typeof index === "function" ? null : index;
  const update = async () => {
    if (!rowsNow) {
      results.textContent = "Loading the article index…";
      rowsNow = await index();
    }
    const rows = findArticles(rowsNow, {text: text.value, language: language.value, topic: topic.value, date: date.value.trim()});
    results.replaceChildren(articleList(rows, {pageSize, onOpen, onIntent}));
  };
  for (const input of [text, language, topic, date]) input.addEventListener("input", update);
  root.append(controls, results);
  if (rowsNow) update();
  else results.textContent = prompt;
  return root;
}

/**
 * Claims counted by stance: one stacked bar per claim (states, differs, silent), each segment
 * printing its count; clicking a segment calls onSelect({claim_id, stance}).
 */
export function claimCounts(counts, {width = 640, onSelect, ...options} = {}) {
  const stances = Object.keys(STANCES);
  const segments = counts.flatMap((c) => stances.map((s) => ({claim_id: c.claim_id, stance: s, n: c[s] ?? 0})));
  const interactive = (index, scales, values, dimensions, context, next) => {
    const g = next(index, scales, values, dimensions, context);
    g.querySelectorAll("rect").forEach((rect, i) => {
      const d = segments[index[i]];
      if (!d || !onSelect) return;
      rect.setAttribute("tabindex", "0");
      rect.setAttribute("role", "button");
      rect.setAttribute("aria-label", `${d.claim_id}: ${d.n} articles ${STANCES[d.stance].label}. Show them.`);
      rect.style.cursor = "pointer";
      const pick = () => onSelect(d);
      rect.addEventListener("click", pick);
      rect.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); } });
    });
    return g;
  };
  return plot({
    width,
    height: 34 * counts.length + 50,
    marginLeft: Math.min(150, width * 0.34),
    x: {label: "articles →", grid: false},
    y: {label: null, domain: counts.map((c) => c.claim_id), tickSize: 0},
    color: {domain: stances, range: stances.map((s) => STANCES[s].fill), legend: false},
    marks: [
      Plot.barX(segments, Plot.stackX({x: "n", y: "claim_id", fill: "stance", inset: 0.5, render: interactive, title: (d) => `${d.claim_id}: ${d.n} ${STANCES[d.stance].label}`})),
      Plot.text(segments, Plot.stackX({x: "n", y: "claim_id", text: (d) => (d.n ? `${STANCES[d.stance].symbol} ${d.n.toLocaleString("en-US")}` : ""), fill: "black", pointerEvents: "none"}))
    ],
    ...options
  });
}
