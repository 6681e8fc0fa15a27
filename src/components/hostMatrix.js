import {Plot, plot} from "./plot.js";

/**
 * Which article names which Llama host: one cell per article × host, printing the passage
 * number where the host is named ("¶3") or "–" where it is not, so the text (not the shade)
 * carries the answer. Each named cell links to its passage in the sources chapter.
 *
 * hostMatrix(mentions, {width, articles: [{article_id, label}], hosts?})
 */
export function hostMatrix(mentions, {width = 640, articles = [], hosts, base = "sources.html", ...options} = {}) {
  const hostRows = mentions.filter((m) => m.kind === "host");
  const hostList = hosts ?? [...new Set(hostRows.map((m) => m.entity))].sort((a, b) => a.localeCompare(b, "en"));
  const label = new Map(articles.map((a) => [a.article_id, a.label ?? a.article_id]));
  const cells = [];
  for (const a of articles) {
    for (const h of hostList) {
      const passages = [...new Set(hostRows.filter((m) => m.article_id === a.article_id && m.entity === h).map((m) => +m.passage))].sort((x, y) => x - y);
      cells.push({article: label.get(a.article_id), article_id: a.article_id, host: h, passages, named: passages.length > 0});
    }
  }
  const narrow = width < 560;
  return plot({
    width,
    height: 34 * hostList.length + (narrow ? 110 : 80),
    marginLeft: narrow ? 104 : 130,
    marginTop: narrow ? 100 : 70,
    marginRight: narrow ? 78 : 60,
    x: {axis: "top", label: null, domain: articles.map((a) => label.get(a.article_id)), tickRotate: narrow ? -40 : -20, tickSize: 0},
    y: {label: null, domain: hostList, tickSize: 0},
    marks: [
      Plot.cell(cells, {x: "article", y: "host", fill: (d) => (d.named ? "named" : "not named"), inset: 1.5, href: (d) => (d.named ? `${base}#p-${d.article_id}-${d.passages[0]}` : null), ariaLabel: (d) => `${d.host} ${d.named ? `named in ${d.article}, passage ${d.passages.join(", ")}` : `not named in ${d.article}`}`, title: (d) => `${d.host} — ${d.article}: ${d.named ? `named in passage ${d.passages.join(", ")}` : "not named"}`}),
      Plot.text(cells, {x: "article", y: "host", text: (d) => (d.named ? d.passages.map((p) => `¶${p}`).join(" ") : "–"), fill: (d) => (d.named ? "black" : "currentColor"), fontWeight: (d) => (d.named ? "bold" : "normal"), pointerEvents: "none"})
    ],
    color: {domain: ["named", "not named"], range: ["#9ecae1", "transparent"]},
    ...options
  });
}
