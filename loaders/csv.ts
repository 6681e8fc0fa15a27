import {csvParseRows, csvFormatRows} from "d3-dsv";

/** A problem in an input file, located by file and 1-based line (0 when the whole file is at fault). */
export class InputError extends Error {
  constructor(readonly file: string, readonly line: number, readonly reason: string) {
    super(`${file}${line ? `:${line}` : ""}: ${reason}`);
    this.name = "InputError";
  }
}

/**
 * Parses a CSV file with a header row into objects, checking that the header has every
 * `required` column. Errors name the file and the line of the offending row, counting the
 * physical lines a quoted cell spans.
 */
export function parseCsv<K extends string>(text: string, file: string, required: readonly K[] = []): Array<Record<K, string> & {_line: number}> {
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const rows = csvParseRows(source);
  if (rows.length === 0) throw new InputError(file, 0, "empty CSV file (a header row is required)");
  const header = rows[0].map((h) => h.trim());
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length) throw new InputError(file, 1, `missing column(s) ${missing.join(", ")} in header "${header.join(",")}"`);
  const lines = physicalLines(source);
  const out: Array<Record<K, string> & {_line: number}> = [];
  for (let i = 1; i < rows.length; ++i) {
    const cells = rows[i];
    if (cells.length === 1 && cells[0].trim() === "") continue;
    const line = lines[i] ?? i + 1;
    if (cells.length !== header.length) {
      throw new InputError(file, line, `expected ${header.length} cells (${header.join(",")}), found ${cells.length}`);
    }
    const row = {_line: line} as Record<string, string | number>;
    header.forEach((h, j) => (row[h] = cells[j]));
    out.push(row as Record<K, string> & {_line: number});
  }
  return out;
}

// The 1-based line on which each record starts, honouring newlines inside quoted cells.
function physicalLines(text: string): number[] {
  const starts = [1];
  let line = 1;
  let quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === "\n") {
      ++line;
      if (!quoted) starts.push(line);
    }
  }
  return starts;
}

/** Formats rows as RFC 4180 CSV with exactly `columns`, in order; null and undefined become empty cells. */
export function formatCsv<R>(rows: readonly R[], columns: readonly (keyof R)[]): string {
  return csvFormatRows([columns.map(String)]) + "\n" + formatCsvBody(rows, columns);
}

/**
 * The rows of formatCsv without its header: bodies of consecutive runs of rows, concatenated,
 * equal the body of all the rows (so worker threads can format their chunks of a table).
 */
export function formatCsvBody<R>(rows: readonly R[], columns: readonly (keyof R)[]): string {
  return rows.length ? csvFormatRows(rows.map((r) => columns.map((c) => cell(r[c])))) + "\n" : "";
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? plainNumber(value) : "";
  return String(value);
}

/**
 * A number as plain decimal digits, never in exponent notation (String(1e21) is "1e+21",
 * String(5e-7) is "5e-7"): a table cell must read the same in every spreadsheet and parser.
 */
export function plainNumber(value: number): string {
  const s = String(value);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, rest = "", expText] = m;
  const digits = lead + rest;
  const exp = Number(expText);
  if (exp >= 0) return sign + digits.padEnd(exp + 1, "0").slice(0, Math.max(exp + 1, digits.length)) + (digits.length > exp + 1 ? `.${digits.slice(exp + 1)}` : "");
  return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
}
