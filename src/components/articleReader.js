import {TOPIC_LABELS} from "./topicGrid.js";
import {highlight, passageSpans, HIGHLIGHT_KINDS} from "./highlight.js";

/** One colour per topic; every coloured thing also carries the topic's name as text. */
export const TOPIC_COLORS = {
  licensing: "#4e79a7",
  "revenue-sharing": "#f28e2c",
  seeding: "#e15759",
  capex: "#59a14f"
};

const REASONS = {
  navigation: "navigation",
  newsletter: "newsletter sign-up",
  advert: "advert",
  jobs: "job listing",
  comments: "comment form",
  social: "social-media buttons",
  other: "other page furniture"
};

/**
 * The reader of one article: its kept passages and the blocks cut as boilerplate, in source
 * order by line number. Passages are labelled and coloured by topic, figures/dates/names/quotes
 * are highlighted in place, and a sentence with an English gloss is followed by it. Every piece
 * of article text is inserted as a text node.
 *
 * articleReader(articleId, {articles, passages, removed, sentences, figures, dates, mentions, quotes, glosses}) → HTMLElement
 * Passage elements get id `p-<article_id>-<passage>`, cut blocks `cut-<article_id>-<block>`.
 */
export function articleReader(articleId, tables) {
  const {articles = [], passages = [], removed = [], sentences = [], glosses = []} = tables;
  const article = articles.find((a) => a.article_id === articleId);
  const section = el("section", "reader");
  section.id = `article-${articleId}`;
  section.setAttribute("aria-label", `Article: ${article?.title || articleId}`);
  if (!article) {
    section.append(el("p", "reader-empty", `No article "${articleId}" in the tables.`));
    return section;
  }
  const head = el("header", "reader-head");
  const h = el("h3", "reader-title", article.title || article.article_id);
  h.lang = article.language;
  const languageName = languageOf(article.language);
  const facts = [
    `${languageName} (${article.language})${article.translated_from ? `, translated from ${languageOf(article.translated_from)}` : ""}`,
    article.outlet || "outlet not named",
    article.published ? `published ${article.published}` : "date not given",
    `${article.passages} passages kept, ${article.removed} blocks cut`,
    `file ${article.file}`
  ];
  const meta = el("p", "reader-meta", facts.join(" · "));
  // Where the text came from, as the catalogue records it: a link when the page was found, and
  // "not found" when it was looked for in vain (never a guessed address).
  const url = String(article.url ?? "");
  if (/^https?:\/\//.test(url)) {
    const a = el("a", null, new URL(url).hostname);
    a.href = url;
    a.rel = "noreferrer";
    meta.append(" · original page: ", a);
  } else meta.append(` · original page: ${url === "not found" ? "not found in the stored copies of public pages" : "not recorded"}`);
  head.append(h, meta);
  section.append(head);

  const kept = passages.filter((p) => p.article_id === articleId).map((p) => ({type: "passage", line: +p.line, order: 1, row: p}));
  const cut = removed.filter((r) => r.article_id === articleId).map((r) => ({type: "removed", line: +r.line, order: 0, row: r}));
  const blocks = [...kept, ...cut].sort((a, b) => a.line - b.line || a.order - b.order || +(a.row.passage ?? a.row.block) - +(b.row.passage ?? b.row.block));
  if (!blocks.length) section.append(el("p", "reader-empty", "This article has no text blocks."));
  const list = el("div", "reader-blocks");
  for (const block of blocks) {
    list.append(block.type === "passage" ? passageBlock(block.row, article, tables, sentences, glosses) : removedBlock(block.row, article));
  }
  section.append(list);
  return section;
}

function passageBlock(p, article, tables, sentences, glosses) {
  const id = `p-${p.article_id}-${p.passage}`;
  const topics = String(p.topics ?? "").split(";").filter(Boolean);
  const div = el("div", `passage kind-${p.kind}`);
  div.id = id;
  div.tabIndex = -1;
  div.dataset.topics = topics.join(";");
  div.style.setProperty("--topic-color", topics.length ? TOPIC_COLORS[topics[0]] ?? "#888" : "transparent");
  if (topics.length > 1) div.style.setProperty("--topic-color-2", TOPIC_COLORS[topics[1]] ?? "#888");
  const meta = el("div", "passage-meta");
  const anchor = el("a", "passage-anchor", `¶ ${p.passage}`);
  anchor.href = `#${id}`;
  anchor.title = `Link to passage ${p.passage} of this article`;
  meta.append(anchor, el("span", "passage-where", ` ${p.kind.replace("_", " ")}, line ${p.line}`));
  const chips = el("span", "topic-chips");
  if (topics.length) {
    for (const t of topics) chips.append(topicChip(t));
  } else {
    chips.append(el("span", "topic-chip topic-none", "no topic"));
  }
  meta.append(chips);
  const text = el("p", "passage-text");
  text.lang = article.language;
  appendGlossedText(text, p, tables, sentences, glosses);
  div.append(meta, text);
  return div;
}

/** The passage text, highlighted, cut after each sentence that has a gloss so the gloss sits right under it. */
function appendGlossedText(into, p, tables, sentences, glosses) {
  const text = String(p.text ?? "");
  const spans = passageSpans(p.article_id, p.passage, tables);
  const glossed = glosses
    .filter((g) => g.article_id === p.article_id && +g.passage === +p.passage)
    .map((g) => ({g, s: sentences.find((s) => s.article_id === p.article_id && +s.passage === +p.passage && +s.sentence === +g.sentence)}))
    .filter(({s}) => s && +s.end <= text.length)
    .sort((a, b) => +a.s.end - +b.s.end);
  let from = 0;
  const cuts = [...glossed.map(({g, s}) => ({end: +s.end, g})), {end: text.length, g: null}];
  for (const {end, g} of cuts) {
    if (end < from) continue;
    const clipped = spans
      .map((s) => ({...s, start: Math.max(s.start, from) - from, end: Math.min(s.end, end) - from}))
      .filter((s) => s.start < s.end);
    into.append(highlight(text.slice(from, end), clipped));
    if (g) {
      const gloss = el("span", "gloss");
      gloss.lang = "en";
      gloss.append(el("span", "gloss-label", `English (sentence ${g.sentence}): `), g.gloss);
      into.append(gloss);
    }
    from = end;
  }
}

function removedBlock(r, article) {
  const div = el("div", "removed");
  div.id = `cut-${r.article_id}-${r.block}`;
  const meta = el("div", "passage-meta");
  meta.append(el("span", "removed-label", `Cut as boilerplate: ${REASONS[r.reason] ?? r.reason}`), el("span", "passage-where", ` line ${r.line}`));
  const text = el("p", "removed-text");
  text.lang = article.language;
  const s = document.createElement("s");
  s.textContent = r.text;
  text.append(s);
  div.append(meta, text);
  return div;
}

export function topicChip(topic) {
  const chip = el("span", `topic-chip topic-${topic}`);
  const swatch = el("span", "swatch");
  swatch.style.background = TOPIC_COLORS[topic] ?? "#888";
  swatch.setAttribute("aria-hidden", "true");
  chip.append(swatch, TOPIC_LABELS[topic] ?? topic);
  return chip;
}

/** The legend of the reader: topic colours with their names, the four highlights, and cut blocks. */
export function readerLegend() {
  const div = el("div", "reader-legend");
  div.setAttribute("aria-label", "Legend");
  const topics = el("p", "legend-row");
  topics.append(el("strong", null, "Topics: "));
  for (const t of Object.keys(TOPIC_LABELS)) topics.append(topicChip(t), " ");
  const marks = el("p", "legend-row");
  marks.append(el("strong", null, "Found in the text: "));
  for (const k of HIGHLIGHT_KINDS) {
    const m = el("mark", `hl hl-${k.kind}`, k.label);
    m.title = k.description;
    marks.append(m, el("span", "legend-note", ` ${k.description}; `));
  }
  const cut = el("p", "legend-row");
  cut.append(el("strong", null, "Cut: "));
  const s = document.createElement("s");
  s.className = "removed-sample";
  s.textContent = "struck-through grey text";
  cut.append(s, " is page furniture the pipeline removed (menus, adverts, job ads), shown where it stood, with the reason.");
  div.append(topics, marks, cut);
  return div;
}

/**
 * The article a URL hash points into: `#p-<article_id>-<n>`, `#cut-<article_id>-<n>` or
 * `#article-<article_id>`. Ids may contain hyphens, so the longest matching id wins.
 */
export function anchorArticle(hash, articleIds) {
  let h = String(hash ?? "").replace(/^#/, "");
  try {
    h = decodeURIComponent(h);
  } catch {
    return undefined;
  }
  let best;
  for (const id of articleIds) {
    const hit = h === `article-${id}` || new RegExp(`^(?:p|cut)-${escapeRegExp(id)}-\\d+$`).test(h);
    if (hit && (!best || id.length > best.length)) best = id;
  }
  return best;
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function languageOf(code) {
  try {
    return new Intl.DisplayNames(["en"], {type: "language"}).of(code) ?? code;
  } catch {
    return code;
  }
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text != null) e.textContent = text;
  return e;
}
