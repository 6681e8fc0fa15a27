// The tables as CSV, built chunk by chunk. A compile worker (loaders/compile-worker.ts) formats
// the rows of its own chunk of articles and posts UTF-8 bytes, not rows: copying a million row
// objects between threads, then formatting, joining and encoding them on the main thread, was
// most of a large compile's serial tail (docs/performance.md). Bytes move to the main thread
// without a copy (a transfer) and are written piece by piece. The bodies of consecutive chunks,
// one after the other, are the body of the whole table (formatCsvBody). Claims read one article's rows at a time, so each
// chunk evaluates them for its own articles; the claims table is ordered by claim, then by
// article, so its bodies are kept per claim and joined claim by claim.
import {closeSync, openSync, writeSync} from "node:fs";
import {evaluateClaimsByClaim, type ClaimDefinition} from "./claims.ts";
import type {Compiled} from "./pipeline.ts";
import {TABLE_NAMES, tableCsvBody, tableCsvHeader, type TableName, type Tables} from "./tables.ts";

type RowTable = Exclude<TableName, "claims">;
const ROW_TABLES = TABLE_NAMES.filter((name): name is RowTable => name !== "claims");

/** One chunk of a compile as CSV: what a worker posts back. */
export interface CsvChunk {
  /** Each table's rows but the claims', as UTF-8 CSV without the header row. */
  bodies: Record<RowTable, Uint8Array>;
  /** The claims table's rows, one UTF-8 CSV body per claim definition, in their order. */
  claims: Uint8Array[];
  /** How many rows each table has in this chunk. */
  rows: Record<TableName, number>;
  warnings: string[];
}

/** A whole compile as CSV: each table as UTF-8 pieces in order (the header row first), row counts, warnings. */
export interface CsvCompiled {
  csv: Record<TableName, Uint8Array[]>;
  rows: Record<TableName, number>;
  warnings: string[];
}

const utf8 = new TextEncoder();

/** A chunk's rows (every table but claims, as compileArticles gives them) as CSV, with its claims evaluated. */
export function csvChunk({tables, warnings}: Compiled, definitions: ClaimDefinition[]): CsvChunk {
  const byClaim = evaluateClaimsByClaim(definitions, tables);
  const bodies = {} as Record<RowTable, Uint8Array>;
  const rows = {} as Record<TableName, number>;
  for (const name of ROW_TABLES) {
    bodies[name] = utf8.encode(tableCsvBody(name, tables[name] as Tables[typeof name][number][]));
    rows[name] = tables[name].length;
  }
  rows.claims = byClaim.reduce((n, list) => n + list.length, 0);
  return {bodies, claims: byClaim.map((list) => utf8.encode(tableCsvBody("claims", list))), rows, warnings};
}

/** The buffers of a chunk, for postMessage's transfer list. */
export function chunkBuffers(chunk: CsvChunk): ArrayBuffer[] {
  return [...Object.values(chunk.bodies), ...chunk.claims].map((b) => b.buffer as ArrayBuffer);
}

/**
 * The chunks, in order, joined into the tables of one compile: byte for byte tableCsv of the
 * single-threaded compile's tables. `warnings` (the corpus-wide ones) come after the chunks'.
 */
export function joinCsvChunks(chunks: CsvChunk[], claims: number, warnings: string[] = []): CsvCompiled {
  const csv = {} as Record<TableName, Uint8Array[]>;
  const rows = {} as Record<TableName, number>;
  for (const name of ROW_TABLES) {
    csv[name] = [utf8.encode(tableCsvHeader(name)), ...chunks.map((c) => c.bodies[name])];
    rows[name] = chunks.reduce((n, c) => n + c.rows[name], 0);
  }
  csv.claims = [utf8.encode(tableCsvHeader("claims"))];
  for (let k = 0; k < claims; ++k) for (const c of chunks) csv.claims.push(c.claims[k]);
  rows.claims = chunks.reduce((n, c) => n + c.rows.claims, 0);
  return {csv, rows, warnings: [...chunks.flatMap((c) => c.warnings), ...warnings]};
}

/** A table of a CSV compile as text. */
export function csvText(compiled: CsvCompiled, name: TableName): string {
  const decoder = new TextDecoder();
  return compiled.csv[name].map((piece) => decoder.decode(piece, {stream: true})).join("") + decoder.decode();
}

/** Writes a table of a CSV compile to `file`, piece by piece (no copy of the whole table in memory). */
export function writeCsvTable(file: string, compiled: CsvCompiled, name: TableName): void {
  const fd = openSync(file, "w");
  try {
    for (const piece of compiled.csv[name]) {
      for (let at = 0; at < piece.length; ) at += writeSync(fd, piece, at);
    }
  } finally {
    closeSync(fd);
  }
}
