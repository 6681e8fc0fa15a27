// Reference tables (facts from outside the articles) and glosses, checked and passed through to
// the site. A row without a source or with an unknown confidence stops the build.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {formatCsv, InputError, parseCsv} from "./csv.ts";
import {run} from "./emit.ts";
import {csvRecords, firstCell, recordsCsv} from "./csv-records.ts";
import {zipArchive} from "./zip-archive.ts";
import {ROOT} from "./root.ts";

export const CONFIDENCE = ["seen-verbatim", "seen-verbatim (secondary)", "inferred", "not-found"] as const;

export function readReference(name: string, dir = join(ROOT, "data/reference")): {columns: string[]; rows: Record<string, string>[]} {
  const file = join("data/reference", `${name}.csv`);
  const text = readFileSync(join(dir, `${name}.csv`), "utf8");
  const rows = parseCsv(text, file, ["id", "source_url", "excerpt", "confidence"]);
  for (const row of rows) {
    if (!(CONFIDENCE as readonly string[]).includes(row.confidence)) throw new InputError(file, row._line, `confidence "${row.confidence}" is not one of ${CONFIDENCE.join(", ")}`);
    // A few facts were seen in a copy whose address is unknown; the title then says what was read.
    if (!row.source_url && !(row as Record<string, string>).source_title && row.confidence !== "not-found") throw new InputError(file, row._line, "a row needs a source_url or a source_title");
  }
  const columns = text.replace(/^\uFEFF/, "").split("\n", 1)[0].split(",").map((c) => c.trim());
  return {columns, rows: rows.map(({_line, ...r}) => r as Record<string, string>)};
}

/** The names of the reference tables: every CSV in data/reference/, without its extension. */
export function referenceNames(dir = join(ROOT, "data/reference")): string[] {
  return readdirSync(dir).filter((f) => f.endsWith(".csv")).sort().map((f) => f.slice(0, -4));
}

/** The whole of src/data/reference.zip.ts: each reference table, checked, as a member <name>.csv of a zip on stdout. */
export function emitReferenceArchive(): void {
  run(async () => {
    const files = Object.fromEntries(referenceNames().map((name) => {
      const {columns, rows} = readReference(name);
      return [`${name}.csv`, formatCsv(rows, columns)];
    }));
    process.stdout.write(await zipArchive(files));
  });
}

export const GLOSS_COLUMNS = ["article_id", "passage", "sentence", "original", "gloss", "note"] as const;

/**
 * English glosses of article sentences, from every CSV in data/glosses/. Each names the
 * sentence it translates and repeats its original text, which must match the compiled sentence
 * exactly, so a gloss cannot silently drift onto another sentence when the pipeline changes.
 * `sentencesCsv` is the compiled sentences table; only the glossed articles' rows are parsed.
 */
export function readGlosses(sentencesCsv: string, dir = join(ROOT, "data/glosses")): Record<(typeof GLOSS_COLUMNS)[number], string>[] {
  const files = readdirSync(dir).filter((f) => f.endsWith(".csv")).sort().map((name) => {
    const file = join("data/glosses", name);
    return {file, rows: parseCsv(readFileSync(join(dir, name), "utf8"), file, ["article_id", "passage", "sentence", "original", "gloss"])};
  });
  const ids = new Set(files.flatMap(({rows}) => rows.map((r) => r.article_id)));
  const {header, records} = csvRecords(sentencesCsv);
  const compiled = parseCsv(recordsCsv(header, records.filter((r) => ids.has(firstCell(r)))), "sentences.csv", ["article_id", "passage", "sentence", "text"]);
  const sentences = new Map(compiled.map((s) => [`${s.article_id}/${s.passage}/${s.sentence}`, s.text]));
  const out: Record<(typeof GLOSS_COLUMNS)[number], string>[] = [];
  for (const {file, rows} of files) {
    for (const row of rows) {
      const key = `${row.article_id}/${row.passage}/${row.sentence}`;
      const sentence = sentences.get(key);
      if (sentence === undefined) throw new InputError(file, row._line, `no sentence ${key} in the compiled tables`);
      if (sentence !== row.original) throw new InputError(file, row._line, `original text differs from sentence ${key}: "${sentence.slice(0, 60)}…"`);
      if (!row.gloss.trim()) throw new InputError(file, row._line, "empty gloss");
      out.push({article_id: row.article_id, passage: row.passage, sentence: row.sentence, original: row.original, gloss: row.gloss, note: (row as Record<string, string>).note ?? ""});
    }
  }
  return out;
}
