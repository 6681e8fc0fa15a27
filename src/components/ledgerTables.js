/**
 * The numeric columns of each table of the contract (loaders/tables.ts). Everything else stays a
 * string: d3's autoType would turn a passage whose text is "2025" into a number and "2024-07"
 * into a Date, which is wrong for text and for partial dates.
 */
export const NUMERIC = {
  articles: ["chars", "words", "passages", "removed"],
  passages: ["passage", "line"],
  removed: ["block", "line"],
  sentences: ["passage", "sentence", "start", "end"],
  figures: ["passage", "low", "high", "start", "end"],
  dates: ["passage", "start", "end"],
  mentions: ["passage", "start", "end"],
  quotes: ["passage", "start", "end"],
  claims: ["passage"],
  glosses: ["passage", "sentence"]
};

/** Parses one table's CSV text: numbers where the contract has numbers (empty → null), strings elsewhere. */
export function parseTable(text, name) {
  const numeric = NUMERIC[name] ?? [];
  const rows = parseCsv(text);
  for (const d of rows) for (const c of numeric) if (c in d) d[c] = d[c] === "" ? null : Number(d[c]);
  return rows;
}

/**
 * RFC 4180 CSV (header row, "" escapes, quoted newlines) → array of objects of strings, with
 * `columns` like d3-dsv's csvParse. Written out by hand because d3-dsv builds its row objects
 * with `new Function`, which a Content Security Policy without 'unsafe-eval' refuses.
 */
export function parseCsv(text) {
  text = String(text ?? "").replace(/^\uFEFF/, "");
  const records = [];
  let record = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') (field += '"'), (i += 2);
        else (quoted = false), ++i;
      } else (field += c), ++i;
    } else if (c === '"' && field === "") (quoted = true), ++i;
    else if (c === ",") record.push(field), (field = ""), ++i;
    else if (c === "\n" || c === "\r") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else (field += c), ++i;
  }
  if (field !== "" || record.length) record.push(field), records.push(record);
  const columns = records.shift() ?? [];
  const rows = records
    .filter((r) => !(r.length === 1 && r[0] === ""))
    .map((r) => Object.fromEntries(columns.map((c, j) => [c, r[j] ?? ""])));
  return Object.assign(rows, {columns});
}
