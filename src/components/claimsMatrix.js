import {Plot, plot} from "./plot.js";
import {fitText, textWidth} from "./textFit.js";

/** Below this width (a phone), each article's name is printed above its row, across the chart. */
const NARROW = 560;

/** Each stance has a symbol and a word, so the matrix never relies on colour alone. */
export const STANCES = {
  states: {symbol: "✓", label: "states the claim", fill: "#9fd49a"},
  differs: {symbol: "≠", label: "differs (gives another value)", fill: "#f5b971"},
  silent: {symbol: "–", label: "silent (does not say)", fill: "#e4e4e4"}
};

/**
 * One cell per claim × article: the claims table's row, or a silent cell when the table has none.
 * `claimIds` fixes the claim order (default: order of first appearance in `claims`).
 */
export function claimCells(claims, {articles = [], claimIds} = {}) {
  const ids = claimIds ?? [...new Set(claims.map((c) => c.claim_id))];
  const byKey = new Map(claims.map((c) => [`${c.claim_id}\u0000${c.article_id}`, c]));
  return ids.flatMap((claim_id) =>
    articles.map((a) => {
      const row = byKey.get(`${claim_id}\u0000${a.article_id}`);
      return {
        claim_id,
        article_id: a.article_id,
        article: articleLabel(a),
        stance: STANCES[row?.stance] ? row.stance : "silent",
        value: row?.value ?? "",
        passage: row?.passage == null || row.passage === "" ? null : +row.passage,
        text: row?.text ?? ""
      };
    })
  );
}

export function articleLabel(a) {
  const title = a.title || a.article_id;
  return `${title.length > 40 ? title.slice(0, 38) + "…" : title} (${a.language})`;
}

/**
 * The claims matrix as a Plot chart: claims across, articles down, each cell printing the
 * stance's symbol. Clicking a cell (or focusing it and pressing Enter) calls
 * `onSelect(cell)`; the component keeps no state beyond outlining the chosen cell.
 */
export function claimsMatrix(claims, {width, articles = [], claimIds, onSelect, ...options} = {}) {
  const cells = claimCells(claims, {articles, claimIds});
  const ids = claimIds ?? [...new Set(claims.map((c) => c.claim_id))];
  if (!cells.length) {
    const p = document.createElement("p");
    p.className = "claims-empty";
    p.textContent = "No claims have been compiled yet: the claims table is empty, so there is nothing to compare.";
    return p;
  }
  const stances = Object.keys(STANCES);
  const interactive = (index, scales, values, dimensions, context, next) => {
    const g = next(index, scales, values, dimensions, context);
    const shapes = g.querySelectorAll("rect, text");
    shapes.forEach((shape, i) => {
      const cell = cells[index[i]];
      if (!cell) return;
      shape.style.cursor = "pointer";
      shape.addEventListener("click", () => choose(shape, cell));
      if (shape.tagName.toLowerCase() === "rect") {
        shape.setAttribute("tabindex", "0");
        shape.setAttribute("role", "button");
        shape.setAttribute("aria-label", `${cell.claim_id}, ${cell.article}: ${STANCES[cell.stance].label}`);
        shape.addEventListener("keydown", (event) => {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            choose(shape, cell);
          }
        });
      }
    });
    return g;
  };
  let svg;
  const choose = (shape, cell) => {
    const index = cells.indexOf(cell);
    svg?.querySelectorAll("[aria-label='cell'] rect").forEach((r, i) => {
      r.setAttribute("stroke", i === index ? "currentColor" : "none");
      r.setAttribute("stroke-width", i === index ? "3" : "0");
    });
    onSelect?.(cell);
  };
  const narrow = (width ?? 640) < NARROW;
  const labels = new Map(articles.map((a) => [articleLabel(a), a]));
  const marginLeft = narrow ? 4 : Math.min(300, Math.max(110, (width ?? 640) * 0.38));
  // Headings are slanted when they would not fit side by side; the margins above and to the
  // right are as large as the slanted words need, and no larger.
  const tilt = ids.length > 3 || Math.max(...ids.map((d) => d.length)) > 14;
  const angle = narrow ? 55 : 35;
  const rad = (angle * Math.PI) / 180;
  const longest = Math.max(...ids.map((d) => textWidth(d)));
  const marginTop = tilt ? Math.ceil(longest * Math.sin(rad) + 16) : 30;
  const columnGuess = ((width ?? 640) - marginLeft - 20) / Math.max(1, ids.length);
  const marginRight = tilt ? Math.max(12, Math.ceil(textWidth(ids[ids.length - 1]) * Math.cos(rad) - columnGuess / 2 + 8)) : 20;
  const rowHeight = narrow ? 54 : 40;
  const nameHeight = 18; // narrow: the line above each row that holds the article's name
  const rowName = (label, room, fontSize) => {
    const a = labels.get(label);
    if (!a) return label;
    const lang = ` (${a.language})`;
    return fitText(a.title || a.article_id, room - textWidth(lang, fontSize), fontSize) + lang;
  };
  svg = plot({
    width,
    height: Math.max(120, rowHeight * articles.length + marginTop + 10),
    marginLeft,
    marginTop,
    marginRight,
    marginBottom: 10,
    x: {axis: "top", label: null, domain: ids, tickRotate: tilt ? -angle : 0},
    y: narrow
      ? {axis: null, domain: articles.map(articleLabel), padding: 0}
      : {label: null, domain: articles.map(articleLabel), tickFormat: (d) => rowName(d, marginLeft - 14, 10)},
    color: {domain: stances, range: stances.map((s) => STANCES[s].fill), legend: true, tickFormat: (s) => `${STANCES[s].symbol} ${STANCES[s].label}`},
    marks: [
      Plot.cell(cells, {x: "claim_id", y: "article", fill: "stance", inset: 1, ...(narrow ? {insetTop: nameHeight + 1, insetBottom: 3} : {}), render: interactive, title: (d) => `${d.claim_id} — ${d.article}\n${STANCES[d.stance].symbol} ${STANCES[d.stance].label}${d.value ? `: ${d.value}` : ""}${d.passage ? `\npassage ${d.passage}` : ""}`}),
      Plot.text(cells, {x: "claim_id", y: "article", text: (d) => STANCES[d.stance].symbol, fill: "black", fontSize: 16, dy: narrow ? (nameHeight - 2) / 2 : 0, render: interactive}),
      narrow
        ? Plot.text(articles, {y: articleLabel, text: (a) => rowName(articleLabel(a), (width ?? 640) - marginLeft - marginRight - 4, 10.5), frameAnchor: "left", textAnchor: "start", dx: 1, dy: -rowHeight / 2 + nameHeight / 2, fontSize: 10.5, fill: "currentColor"})
        : null
    ],
    ...options
  });
  return svg;
}

/** What a chosen cell says: stance, value and the passage's text (as text), with a link to it in the reader. */
export function claimDetail(cell) {
  const div = document.createElement("div");
  div.className = "claim-detail";
  div.setAttribute("aria-live", "polite");
  if (!cell) {
    div.textContent = "Click a cell (or focus it and press Enter) to see what the article says.";
    return div;
  }
  const head = document.createElement("p");
  const strong = document.createElement("strong");
  strong.textContent = `${cell.claim_id} in ${cell.article}: `;
  head.append(strong, `${STANCES[cell.stance].symbol} ${STANCES[cell.stance].label}`);
  if (cell.value) head.append(`, value “${cell.value}”`);
  div.append(head);
  if (cell.passage) {
    const quote = document.createElement("blockquote");
    quote.className = "evidence";
    const original = document.createElement("span");
    original.className = "original claim-passage";
    original.textContent = cell.text || "(no passage text in the claims table)";
    quote.append(original);
    const p = document.createElement("p");
    const a = document.createElement("a");
    a.href = `#p-${cell.article_id}-${cell.passage}`;
    a.textContent = `Read passage ${cell.passage} in its article`;
    p.append(a);
    div.append(quote, p);
  } else {
    const p = document.createElement("p");
    p.className = "claim-passage";
    p.textContent = "No passage: the article does not address this claim.";
    div.append(p);
  }
  return div;
}

/** The keyboard-friendly alternative: a table of claims × articles whose cells link to the passages. */
export function claimsTable(claims, {articles = [], claimIds} = {}) {
  const cells = claimCells(claims, {articles, claimIds});
  const ids = claimIds ?? [...new Set(claims.map((c) => c.claim_id))];
  const table = document.createElement("table");
  table.className = "data-table claims-table";
  table.createCaption().textContent = "Claims (rows) against articles (columns): the stance, the value, and a link to the passage.";
  const head = table.createTHead().insertRow();
  const corner = document.createElement("th");
  corner.scope = "col";
  corner.textContent = "claim";
  head.append(corner);
  for (const a of articles) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = articleLabel(a);
    head.append(th);
  }
  const body = table.createTBody();
  for (const id of ids) {
    const tr = body.insertRow();
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = id;
    tr.append(th);
    for (const a of articles) {
      const cell = cells.find((c) => c.claim_id === id && c.article_id === a.article_id);
      const td = tr.insertCell();
      const words = `${STANCES[cell.stance].symbol} ${cell.stance}${cell.value ? `: ${cell.value}` : ""}`;
      if (cell.passage) {
        const link = document.createElement("a");
        link.href = `#p-${cell.article_id}-${cell.passage}`;
        link.textContent = words;
        link.title = `Passage ${cell.passage}`;
        td.append(link);
      } else {
        td.textContent = words;
      }
    }
  }
  return table;
}
