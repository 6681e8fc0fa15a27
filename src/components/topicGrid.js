import {Plot, plot} from "./plot.js";

export const TOPIC_LABELS = {
  licensing: "Licence",
  "revenue-sharing": "Revenue sharing",
  seeding: "Seeding allegation",
  capex: "Capex"
};

/**
 * Passages per topic per article, as a grid whose cells print their count, so the number
 * (not the shade) carries the meaning. `articles` rows name each article; `passages` rows
 * carry `topics` joined with ";".
 */
export function topicGrid(passages, {width, articles = [], topics = Object.keys(TOPIC_LABELS), ...options} = {}) {
  const label = new Map(articles.map((a) => [a.article_id, `${a.title || a.article_id} (${a.language})`]));
  const counts = [];
  for (const a of articles) {
    for (const t of topics) {
      const n = passages.filter((p) => p.article_id === a.article_id && p.topics.split(";").includes(t)).length;
      counts.push({article: label.get(a.article_id), topic: TOPIC_LABELS[t] ?? t, n});
    }
  }
  return plot({
    width,
    height: Math.max(90, 36 * articles.length + 50),
    marginLeft: Math.min(320, Math.max(120, width * 0.4)),
    x: {axis: "top", label: null, domain: topics.map((t) => TOPIC_LABELS[t] ?? t)},
    y: {label: null, domain: articles.map((a) => label.get(a.article_id)), tickFormat: (d) => (d.length > 48 ? d.slice(0, 46) + "…" : d)},
    color: {type: "linear", scheme: "blues", domain: [0, Math.max(1, ...counts.map((d) => d.n))]},
    marks: [
      Plot.cell(counts, {x: "topic", y: "article", fill: "n", inset: 1, tip: true, title: (d) => `${d.article}\n${d.topic}: ${d.n} passage${d.n === 1 ? "" : "s"}`}),
      Plot.text(counts, {x: "topic", y: "article", text: "n", fill: (d) => (d.n > 0.6 * Math.max(...counts.map((c) => c.n)) ? "white" : "black")})
    ],
    ...options
  });
}
