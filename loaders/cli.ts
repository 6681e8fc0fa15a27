// npm run compile -- --articles DIR --out DIR [--catalogue FILE] [--lexicon DIR] [--format csv|parquet]
// Compiles any folder of article text files into the tables of the contract, one CSV per table.
// From 200 articles on, the articles are compiled on worker threads (loaders/parallel.ts).
import {mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {run, tableCsv} from "./emit.ts";
import {tableParquet} from "./parquet.ts";
import {compileFolderParallel} from "./parallel.ts";
import {TABLE_NAMES} from "./tables.ts";

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
  const {tables, warnings, workers} = await compileFolderParallel({articles: values.articles, catalogue: values.catalogue, lexicon: values.lexicon, claims: values.claims});
  if (!values.quiet) for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  mkdirSync(values.out, {recursive: true});
  for (const name of TABLE_NAMES) {
    if (values.format === "parquet") writeFileSync(join(values.out, `${name}.parquet`), new Uint8Array(tableParquet(tables, name)));
    else writeFileSync(join(values.out, `${name}.csv`), tableCsv(tables, name));
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  process.stderr.write(`compiled ${tables.articles.length} articles into ${TABLE_NAMES.length} tables in ${values.out} (${tables.passages.length} passages, ${tables.removed.length} removed blocks) in ${seconds} s${workers ? ` on ${workers} worker threads` : ""}\n`);
});
