/**
 * Highlights spans of an article's text without ever parsing it as HTML.
 *
 * highlight(text, spans) → DocumentFragment of text nodes and <mark> elements. `spans` are
 * {start, end, kind, title?} with JavaScript string offsets into `text` (as in the figures, dates,
 * mentions and quotes tables). Spans nest: a name inside a quote becomes a <mark> inside the
 * quote's <mark>. Where two spans partly overlap, the shorter one is skipped (never an error), as
 * is a span that is empty or out of range. The text itself only ever becomes text nodes, so
 * "<script>" in an article stays the eight characters "<script>".
 */
export function highlight(text, spans = [], {document: doc = globalThis.document} = {}) {
  text = String(text ?? "");
  const root = {start: 0, end: text.length, children: []};
  const valid = spans
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end)
    .map((s, order) => ({...s, order, children: []}));
  // Keep the longest spans first (a quote before the names inside it); a span that crosses the
  // edge of one already kept is the one skipped.
  const kept = [];
  for (const span of [...valid].sort((a, b) => b.end - b.start - (a.end - a.start) || a.order - b.order)) {
    if (!kept.some((k) => span.start < k.end && k.start < span.end && !(k.start <= span.start && span.end <= k.end) && !(span.start <= k.start && k.end <= span.end))) kept.push(span);
  }
  // Then nest: outer spans first (by start, longest first, then in the order given).
  kept.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  const stack = [root];
  for (const span of kept) {
    while (stack.length > 1 && stack[stack.length - 1].end <= span.start) stack.pop();
    stack[stack.length - 1].children.push(span);
    stack.push(span);
  }
  const fragment = doc.createDocumentFragment();
  render(root, fragment);
  return fragment;

  function render(node, into) {
    let cursor = node.start;
    for (const child of node.children) {
      if (child.start > cursor) into.append(doc.createTextNode(text.slice(cursor, child.start)));
      const mark = doc.createElement("mark");
      mark.className = `hl hl-${child.kind}`;
      mark.dataset.kind = child.kind;
      if (child.title) mark.title = child.title;
      render(child, mark);
      into.append(mark);
      cursor = child.end;
    }
    if (node.end > cursor) into.append(doc.createTextNode(text.slice(cursor, node.end)));
  }
}

/** The spans of one passage from the extraction tables, each with its kind and a plain-text title. */
export function passageSpans(articleId, passage, {figures = [], dates = [], mentions = [], quotes = []} = {}) {
  const here = (d) => d.article_id === articleId && +d.passage === +passage;
  const amount = (d) => (d.low != null && d.high != null && d.low !== d.high ? `${fmt(d.low)}–${fmt(d.high)}` : fmt(d.high ?? d.low));
  return [
    ...quotes.filter(here).map((d) => ({start: +d.start, end: +d.end, kind: "quote", title: `Quote${d.speaker ? `, speaker: ${d.speaker}` : ", speaker not identified"}`})),
    ...mentions.filter(here).map((d) => ({start: +d.start, end: +d.end, kind: "name", title: `Name (${d.kind}): ${d.entity}`})),
    ...dates.filter(here).map((d) => ({start: +d.start, end: +d.end, kind: "date", title: `Date: ${d.date}${d.resolved && d.resolved !== d.date ? ` (read as ${d.resolved})` : ""}`})),
    ...figures.filter(here).map((d) => ({start: +d.start, end: +d.end, kind: "figure", title: `Figure (${d.kind}): ${amount(d)} ${d.unit}, ${String(d.qualifier).replace("_", " ")}`}))
  ];
}

function fmt(n) {
  return n == null || n === "" ? "?" : Number(n).toLocaleString("en-US");
}

/** What each highlight means, for the legend (the mark style differs by more than colour). */
export const HIGHLIGHT_KINDS = [
  {kind: "figure", label: "Figure", sample: "60 bis 80 Milliarden US-Dollar", description: "an amount, user count, data size or percentage (bold, solid underline)"},
  {kind: "date", label: "Date", sample: "23. Juli 2024", description: "a date expression (dashed underline)"},
  {kind: "name", label: "Name", sample: "Mark Zuckerberg", description: "a person, company, host, model, court case or outlet (dotted underline)"},
  {kind: "quote", label: "Quote", sample: "bukanlah model perniagaan", description: "words in quotation marks (italic, bar on the left)"}
];
