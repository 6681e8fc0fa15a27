/**
 * Every row of the reference tables (facts from outside the articles), one <details> per file.
 * Each row is addressable as `#ref-<id>` and shows its excerpt, its other fields, its source
 * link and its confidence. All values are set as text.
 *
 * referenceRows([{name, description?, rows}]) → HTMLElement
 */
const SOURCE_COLUMNS = new Set(["id", "source_title", "source_url", "other_urls", "source_path", "source_commit", "excerpt", "confidence", "note"]);

export function referenceRows(files) {
  const div = document.createElement("div");
  div.className = "reference-rows";
  for (const {name, description, rows} of files) {
    const details = document.createElement("details");
    details.className = "reference-file";
    details.id = `ref-file-${name}`;
    const summary = document.createElement("summary");
    const code = document.createElement("code");
    code.textContent = `${name}.csv`;
    summary.append(code, ` — ${rows.length} row${rows.length === 1 ? "" : "s"}${description ? `: ${description}` : ""}`);
    details.append(summary);
    const list = document.createElement("ol");
    list.className = "reference-list";
    for (const row of rows) list.append(referenceRow(row));
    details.append(list);
    div.append(details);
  }
  return div;
}

function referenceRow(row) {
  const li = document.createElement("li");
  li.id = `ref-${row.id}`;
  li.tabIndex = -1;
  const head = document.createElement("p");
  head.className = "ref-head";
  const id = document.createElement("a");
  id.href = `#ref-${row.id}`;
  id.className = "ref-id";
  id.textContent = row.id;
  const badge = document.createElement("span");
  badge.className = `confidence confidence-${String(row.confidence).replace(/[^a-z]+/g, "-")}`;
  badge.textContent = row.confidence;
  badge.title = "How the value was checked (see data/reference/README.md)";
  head.append(id, " ", badge);
  li.append(head);
  const fields = Object.entries(row).filter(([k, v]) => !SOURCE_COLUMNS.has(k) && v !== "" && v != null);
  if (fields.length) {
    const p = document.createElement("p");
    p.className = "ref-fields";
    fields.forEach(([k, v], i) => {
      const key = document.createElement("span");
      key.className = "ref-key";
      key.textContent = `${k}: `;
      p.append(i ? " · " : "", key, String(v));
    });
    li.append(p);
  }
  if (row.excerpt) {
    const q = document.createElement("blockquote");
    q.className = "ref-excerpt";
    q.textContent = row.excerpt;
    li.append(q);
  }
  const source = document.createElement("p");
  source.className = "ref-source";
  if (row.source_url) {
    const a = document.createElement("a");
    a.href = safeUrl(row.source_url);
    a.rel = "noreferrer";
    a.textContent = row.source_title || row.source_url;
    source.append("Source: ", a);
  } else {
    source.append(`Source: ${row.source_title || "none (not found)"}`);
  }
  if (row.source_path) source.append(` (${row.source_path}${row.source_commit ? ` @ ${row.source_commit}` : ""})`);
  li.append(source);
  if (row.note) {
    const note = document.createElement("p");
    note.className = "ref-note";
    note.textContent = `Note: ${row.note}`;
    li.append(note);
  }
  return li;
}

/** Only http(s) addresses become links; anything else (javascript:, data:) is shown inert. */
export function safeUrl(url) {
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : "#";
  } catch {
    return "#";
  }
}
