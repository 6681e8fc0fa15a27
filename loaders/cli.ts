// npm run compile -- --articles DIR --out DIR [--catalogue FILE] [--lexicon DIR] [--format csv|parquet]
// Compiles any folder of article text files into the tables of the contract, one CSV per table.
// From 200 articles on, the articles are compiled on worker threads (loaders/parallel.ts).
import {mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {writeCsvTable} from "./csv-chunks.ts";
import {run} from "./emit.ts";
import {tableParquet} from "./parquet.ts";
import {compileFolderCsv, compileFolderParallel} from "./parallel.ts";
import {TABLE_NAMES, type TableName} from "./tables.ts";

const usage = "usage: npm run compile -- --articles DIR --out DIR [--catalogue FILE] [--lexicon DIR] [--claims FILE] [--format csv|parquet] [--quiet]";

run(async () => {
  let values;
  try {
    ({values} = parseArgs({options: {articles: {type: "string"}, out: {type: "string"}, catalogue: {type: "string"}, lexicon: {type: "string"}, claims: {type: "string"}, format: {type: "string", default: "csv"}, quiet: {type: "boolean"}, help: {type: "boolean"}}}));
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n${usage}\n`);
    process.exit(2);
  }
  if (values.help) return void process.stdout.write(usage + "\n");
  if (!values.articles || !values.out) {
    process.stderr.write(`error: --articles and --out are required\n${usage}\n`);
    process.exit(2);
  }
  if (values.format !== "csv" && values.format !== "parquet") {
    process.stderr.write(`error: --format is csv or parquet, not "${values.format}"\n${usage}\n`);
    process.exit(2);
  }
  const started = performance.now();
  const paths = {articles: values.articles, catalogue: values.catalogue, lexicon: values.lexicon, claims: values.claims};
  // CSV is formatted on the worker threads (loaders/csv-chunks.ts); Parquet needs the rows here.
  let rows: Record<TableName, number>;
  let warnings: string[];
  let workers: number;
  let write: (name: TableName) => void;
  if (values.format === "parquet") {
    const compiled = await compileFolderParallel(paths);
    ({warnings, workers} = compiled);
    rows = Object.fromEntries(TABLE_NAMES.map((name) => [name, compiled.tables[name].length])) as Record<TableName, number>;
    write = (name) => writeFileSync(join(values.out!, `${name}.parquet`), new Uint8Array(tableParquet(compiled.tables, name)));
  } else {
    const compiled = await compileFolderCsv(paths);
    ({warnings, workers, rows} = compiled);
    write = (name) => writeCsvTable(join(values.out!, `${name}.csv`), compiled, name);
  }
  if (!values.quiet) for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  mkdirSync(values.out, {recursive: true});
  for (const name of TABLE_NAMES) write(name);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  process.stderr.write(`compiled ${rows.articles} articles into ${TABLE_NAMES.length} tables in ${values.out} (${rows.passages} passages, ${rows.removed} removed blocks) in ${seconds} s${workers ? ` on ${workers} worker threads` : ""}\n`);
});
