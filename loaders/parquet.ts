// The tables of the contract as Apache Parquet, for DuckDB, pandas, R or Spark. The columns
// and their order are the CSV's; numbers are typed (DOUBLE holds every amount exactly up to
// 2^53, the largest the figure extractor accepts), and empty cells are nulls, not "".
import {parquetWriteBuffer} from "hyparquet-writer";
import {TABLE_COLUMNS, type TableName, type Tables} from "./tables.ts";

/** Columns that hold numbers; every other column holds text. */
const NUMERIC = new Set(["chars", "words", "passages", "removed", "passage", "line", "block", "sentence", "start", "end", "low", "high"]);

export function tableParquet<T extends TableName>(tables: Tables, name: T): ArrayBuffer {
  const rows = tables[name] as unknown as Record<string, unknown>[];
  return parquetWriteBuffer({
    columnData: (TABLE_COLUMNS[name] as readonly string[]).map((column) => {
      const numeric = NUMERIC.has(column);
      return {
        name: column,
        type: numeric ? "DOUBLE" : "STRING",
        nullable: true,
        data: rows.map((r) => {
          const v = r[column];
          return v === null || v === undefined ? null : numeric ? Number(v) : String(v);
        })
      };
    })
  });
}
