import {Plot, plot} from "./plot.js";
import {fitText, textWidth, wrapText} from "./textFit.js";
import {CHAPTER_OF_TOPIC} from "./chapters.js";

export const TOPIC_LABELS = {
  licensing: "Licence",
  "revenue-sharing": "Revenue sharing",
  seeding: "Seeding allegation",
  capex: "Capex"
};

/** The heatmap's column for a topic is named after the chapter about it, as in the sidebar ("capex" → "The bill"). */
export const TOPIC_COLUMNS = Object.fromEntries(Object.keys(TOPIC_LABELS).map((t) => [t, CHAPTER_OF_TOPIC[t] ?? TOPIC_LABELS[t]]));

/** Below this width (a phone), each article's name is printed above its row, across the chart. */
const NARROW = 560;

/**
 * Passages per topic per article, as a grid whose cells print their count, so the number
 * (not the shade) carries the meaning. `articles` rows name each article; `passages` rows
 * carry `topics` joined with ";". On a wide chart the names sit left of their rows, shortened
 * to the margin but always ending with the language; on a narrow one each name gets a line of
 * its own above its row, so neither the names nor the column headings are cut or overlap.
 */
export function topicGrid(passages, {width = 640, articles = [], topics = Object.keys(TOPIC_LABELS), ...options} = {}) {
  const name = (a) => a.title || a.article_id;
  const label = new Map(articles.map((a) => [a.article_id, `${name(a)} (${a.language})`]));
  const columns = topics.map((t) => TOPIC_COLUMNS[t] ?? t);
  const counts = [];
  for (const a of articles) {
    for (const t of topics) {
      const n = passages.filter((p) => p.article_id === a.article_id && p.topics.split(";").includes(t)).length;
      counts.push({article: label.get(a.article_id), topic: TOPIC_COLUMNS[t] ?? t, n});
    }
  }
  const max = Math.max(1, ...counts.map((d) => d.n));
  const narrow = width < NARROW;
  const marginLeft = narrow ? 4 : Math.min(320, Math.max(120, width * 0.4));
  const marginRight = narrow ? 4 : 20;
  // Column headings wrap to the column's width (at most two lines).
  const columnWidth = (width - marginLeft - marginRight) / Math.max(1, columns.length);
  const heading = (d) => wrapText(d, columnWidth - 6, 10, {maxLines: 2});
  const headingLines = Math.max(1, ...columns.map((c) => heading(c).split("\n").length));
  const marginTop = 20 + 11 * headingLines;
  // Wide: the title is shortened so that the name and its language fit the left margin.
  const shortLabel = (a, room, fontSize = 10) => {
    const lang = ` (${a.language})`;
    return fitText(name(a), room - textWidth(lang, fontSize), fontSize) + lang;
  };
  const byLabel = new Map(articles.map((a) => [label.get(a.article_id), a]));
  const rowHeight = narrow ? 52 : 36;
  const nameHeight = 18; // narrow: the line above each row that holds the article's name
  const cellText = {x: "topic", y: "article", text: "n", fill: (d) => (d.n > 0.6 * max ? "white" : "black")};
  return plot({
    width,
    height: narrow ? marginTop + rowHeight * articles.length + 8 : Math.max(90, 36 * articles.length + 50),
    marginLeft,
    marginRight,
    marginTop,
    marginBottom: narrow ? 8 : undefined,
    x: {axis: "top", label: null, domain: columns, tickFormat: heading, tickSize: narrow ? 0 : undefined},
    y: narrow
      ? {axis: null, domain: articles.map((a) => label.get(a.article_id)), padding: 0}
      : {label: null, domain: articles.map((a) => label.get(a.article_id)), tickFormat: (d) => (byLabel.has(d) ? shortLabel(byLabel.get(d), marginLeft - 14) : d)},
    color: {type: "linear", scheme: "blues", domain: [0, max]},
    marks: [
      Plot.cell(counts, {x: "topic", y: "article", fill: "n", inset: 1, ...(narrow ? {insetTop: nameHeight + 1, insetBottom: 3} : {}), tip: true, title: (d) => `${d.article}\n${d.topic}: ${d.n} passage${d.n === 1 ? "" : "s"}`}),
      Plot.text(counts, narrow ? {...cellText, dy: (nameHeight - 2) / 2} : cellText),
      narrow
        ? Plot.text(articles, {y: (a) => label.get(a.article_id), text: (a) => shortLabel(a, width - marginLeft - marginRight - 4, 10.5), frameAnchor: "left", textAnchor: "start", dx: 1, dy: -rowHeight / 2 + nameHeight / 2, fontSize: 10.5, fill: "currentColor"})
        : null
    ],
    ...options
  });
}
