/**
 * A plain, accessible HTML table of `rows` (every cell set as text, never as markup), with a
 * caption: the text alternative that sits beside each chart.
 *
 * With `stack: true` the table turns into one card per row on a phone (style.css,
 * table.stack-narrow): each cell carries its column's name (data-label) to print before it, and
 * explicit table roles, so that screen readers still read a table when CSS lays it out as blocks.
 */
export function dataTable(rows, {columns = rows.length ? Object.keys(rows[0]) : [], headers = {}, caption, format = {}, stack = false} = {}) {
  const table = document.createElement("table");
  table.className = stack ? "data-table stack-narrow" : "data-table";
  if (caption) table.createCaption().textContent = caption;
  const thead = table.createTHead();
  const head = thead.insertRow();
  for (const c of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = headers[c] ?? c;
    if (stack) th.setAttribute("role", "columnheader");
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    if (stack) tr.setAttribute("role", "row");
    for (const c of columns) {
      const value = format[c] ? format[c](row[c], row) : row[c];
      const td = tr.insertCell();
      if (stack) {
        td.setAttribute("role", "cell");
        td.dataset.label = headers[c] ?? c;
      }
      if (value instanceof Node) td.append(value);
      else td.textContent = value ?? "";
    }
  }
  if (stack) {
    table.setAttribute("role", "table");
    thead.setAttribute("role", "rowgroup");
    head.setAttribute("role", "row");
    body.setAttribute("role", "rowgroup");
  }
  return table;
}

let alternatives = 0;

/** A chart's text alternative: a one-sentence summary, then the data behind a disclosure. */
export function textAlternative(summary, rows, options = {}) {
  const details = document.createElement("details");
  details.className = "text-alternative";
  const s = document.createElement("summary");
  s.textContent = "The data as a table";
  const p = document.createElement("p");
  p.className = "chart-summary";
  p.textContent = summary;
  // A wide table scrolls sideways in its own box (with a shade at the edge that hides more);
  // the box takes keyboard focus, so the table can be scrolled without a pointer too.
  const scroll = document.createElement("div");
  scroll.className = "table-scroll";
  scroll.tabIndex = 0;
  scroll.setAttribute("role", "region");
  p.id = `text-alternative-${++alternatives}`;
  scroll.setAttribute("aria-labelledby", p.id);
  scroll.append(dataTable(rows, options));
  details.append(s, scroll);
  const wrapper = document.createElement("div");
  wrapper.append(p, details);
  return wrapper;
}
