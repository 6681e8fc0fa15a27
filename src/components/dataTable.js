/**
 * A plain, accessible HTML table of `rows` (every cell set as text, never as markup), with a
 * caption: the text alternative that sits beside each chart.
 *
 * With `stack: true` the table turns into one card per row on a phone (style.css,
 * table.stack-narrow): each cell carries its column's name (data-label) to print before it, and
 * explicit table roles, so that screen readers still read a table when CSS lays it out as blocks.
 *
 * `prose` names the columns of running text (a quoted excerpt, a long value): their cells keep a
 * readable width and break a long word (a URL, "military/warfare/nuclear") after a slash or, failing
 * that, anywhere, so that one unbreakable word cannot push the table wider than the text column.
 */
export function dataTable(rows, {columns = rows.length ? Object.keys(rows[0]) : [], headers = {}, caption, format = {}, stack = false, prose = []} = {}) {
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
      if (prose.includes(c)) td.className = "prose-cell";
      if (value instanceof Node) td.append(value);
      else if (prose.includes(c)) td.append(...breakAfterSlashes(String(value ?? "")));
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

// <wbr> rather than a zero-width space, so that copied text and textContent stay the source's.
function breakAfterSlashes(text) {
  return text.split(/(?<=\/)/).flatMap((part, i) => (i ? [document.createElement("wbr"), part] : [part]));
}

let scrollBoxes = 0;

/**
 * A table in a box that scrolls sideways if the table is ever wider than the column (a tablet
 * between the phone's cards and the desktop's column). Only while it does scroll is the box a
 * labelled region in the tab order, so the keyboard can scroll it; a table that fits adds no tab
 * stop and no landmark.
 */
export function scrollTable(table) {
  const box = document.createElement("div");
  box.className = "table-scroll";
  box.append(table);
  if (table.caption) table.caption.id ||= `table-caption-${++scrollBoxes}`;
  const update = () => {
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      // A generic div may not carry a name (axe aria-prohibited-attr): the label comes with the role.
      if (table.caption) box.setAttribute("aria-labelledby", table.caption.id);
      else box.setAttribute("aria-label", "Table (scrolls sideways)");
    } else {
      for (const a of ["tabindex", "role", "aria-labelledby", "aria-label"]) box.removeAttribute(a);
    }
    box.toggleAttribute("data-scrolls", scrolls);
  };
  const observer = new ResizeObserver(update);
  observer.observe(box);
  observer.observe(table);
  return box;
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
