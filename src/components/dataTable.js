/**
 * A plain, accessible HTML table of `rows` (every cell set as text, never as markup), with a
 * caption: the text alternative that sits beside each chart.
 */
export function dataTable(rows, {columns = rows.length ? Object.keys(rows[0]) : [], headers = {}, caption, format = {}} = {}) {
  const table = document.createElement("table");
  table.className = "data-table";
  if (caption) table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const c of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = headers[c] ?? c;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const c of columns) {
      const value = format[c] ? format[c](row[c], row) : row[c];
      const td = tr.insertCell();
      if (value instanceof Node) td.append(value);
      else td.textContent = value ?? "";
    }
  }
  return table;
}

/** A chart's text alternative: a one-sentence summary, then the data behind a disclosure. */
export function textAlternative(summary, rows, options = {}) {
  const details = document.createElement("details");
  details.className = "text-alternative";
  const s = document.createElement("summary");
  s.textContent = "The data as a table";
  const p = document.createElement("p");
  p.className = "chart-summary";
  p.textContent = summary;
  details.append(s, dataTable(rows, options));
  const wrapper = document.createElement("div");
  wrapper.append(p, details);
  return wrapper;
}
