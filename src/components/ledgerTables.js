import {csvParseRows} from "d3-dsv";
import {csvRows} from "./csvRows.js";

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

/** CSV text → array of objects of strings, with `columns` like d3-dsv's csvParse (see csvRows.js). */
export function parseCsv(text) {
  const source = String(text ?? "").replace(/^\uFEFF/, "");
  const columns = csvParseRows(source.slice(0, source.search(/\r?\n|$/)))[0] ?? [];
  return Object.assign(csvRows(source).filter((r) => !(columns.length > 1 && Object.values(r).every((v) => v === ""))), {columns});
}
