// A table's CSV text as the pipeline wrote it (loaders/csv.ts formatCsv), cut into its records
// without parsing them: the site's corpus archives route each record to the shard of its article
// by the first cell alone, and the text of a subset of records is then the subset's CSV, byte for
// byte as formatCsv would write those rows. At 10,000 articles that is seconds less than parsing
// 150 MB of tables into row objects and formatting them again (docs/performance.md).

export interface CsvRecords {
  /** The header row, without its line break. */
  header: string;
  /** Each record as written (quotes and all), without its line break; a quoted cell may hold line breaks. */
  records: string[];
}

/** The header and records of CSV text written with "\n" line breaks, as formatCsv writes it. One pass. */
export function csvRecords(text: string): CsvRecords {
  const lines: string[] = [];
  let start = 0;
  let from = 0;
  let quotes = 0;
  let quote = text.indexOf('"');
  while (start < text.length) {
    const end = text.indexOf("\n", from);
    const stop = end < 0 ? text.length : end;
    for (; quote >= 0 && quote < stop; quote = text.indexOf('"', quote + 1)) ++quotes;
    // A record ends at a line break outside quotes: after an even number of quote marks.
    if (quotes % 2 === 1 && end >= 0) {
      from = end + 1;
      continue;
    }
    lines.push(text.slice(start, stop));
    quotes = 0;
    start = from = stop + 1;
  }
  return {header: lines[0] ?? "", records: lines.slice(1)};
}

/** The first cell of a record, unquoted ("a" of `a,b`; `x"y` of `"x""y",b`). */
export function firstCell(record: string): string {
  if (!record.startsWith('"')) {
    const comma = record.indexOf(",");
    return comma < 0 ? record : record.slice(0, comma);
  }
  let out = "";
  for (let i = 1; i < record.length; ++i) {
    if (record[i] !== '"') out += record[i];
    else if (record[i + 1] === '"') (out += '"'), ++i;
    else break;
  }
  return out;
}

/** The CSV text of a header and records: formatCsv's text of those rows. */
export function recordsCsv(header: string, records: readonly string[]): string {
  return records.length ? `${header}\n${records.join("\n")}\n` : `${header}\n`;
}
