/**
 * Small helpers the seeding and capex chapters use to tie every number and quotation to its
 * source: a reference row (with its confidence) or an article passage. Everything is set as
 * text, never as HTML, because reference excerpts and article text are data.
 */

/** `text` linked to sources.html#ref-<id>, followed by the row's confidence. */
export function refLink(row, text = row?.id ?? "", {base = "sources.html"} = {}) {
  const span = document.createElement("span");
  span.className = "ref-link";
  if (!row) {
    span.textContent = text;
    return span;
  }
  const a = document.createElement("a");
  a.href = `${base}#ref-${row.id}`;
  a.textContent = text;
  const c = document.createElement("span");
  c.className = "confidence";
  c.textContent = row.confidence;
  c.title = "Confidence of the reference row (see the key in the sources chapter)";
  span.append(a, " ", c);
  return span;
}

/** `text` linked to an article passage, sources.html#p-<article_id>-<passage>. */
export function passageLink(article_id, passage, text = `${article_id}, passage ${passage}`, {base = "sources.html"} = {}) {
  const a = document.createElement("a");
  a.href = `${base}#p-${article_id}-${passage}`;
  a.textContent = text;
  return a;
}

/**
 * Glossed sentences of one passage as a blockquote.evidence: the original (with its `lang`),
 * the English gloss, any translator's note, and a link to the passage.
 * glossQuote(rows: [{article_id, passage, sentence, original, gloss, note}], {language, title})
 */
export function glossQuote(rows, {language = "", title = ""} = {}) {
  const sorted = [...rows].sort((a, b) => +a.sentence - +b.sentence);
  const {article_id, passage} = sorted[0];
  const block = document.createElement("blockquote");
  block.className = "evidence";
  block.dataset.passage = `${article_id}-${passage}`;
  const original = document.createElement("span");
  original.className = "original";
  if (language) original.lang = language;
  original.textContent = sorted.map((r) => r.original).join(" ");
  const gloss = document.createElement("span");
  gloss.className = "gloss";
  gloss.lang = "en";
  gloss.textContent = `English gloss: ${sorted.map((r) => r.gloss).join(" ")}`;
  block.append(original, gloss);
  const notes = sorted.map((r) => r.note).filter(Boolean);
  if (notes.length) {
    const n = document.createElement("span");
    n.className = "gloss";
    n.textContent = `Note: ${notes.join(" ")}`;
    block.append(n);
  }
  const cite = document.createElement("span");
  cite.className = "gloss";
  cite.append("— ", passageLink(article_id, passage, `${title ? (title.length > 60 ? title.slice(0, 58) + "…" : title) : article_id}, passage ${passage}${language ? ` (${language})` : ""}`));
  block.append(cite);
  return block;
}
