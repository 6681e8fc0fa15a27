// The worker pool of loaders/parallel.ts must give exactly what the single-threaded compile
// gives: the same rows in the same order, the same warnings, and the same first error.
import {test} from "node:test";
import assert from "node:assert/strict";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {InputError} from "../loaders/csv.ts";
import {tableCsv} from "../loaders/emit.ts";
import {csvText, writeCsvTable} from "../loaders/csv-chunks.ts";
import {compileCorpusCsv, compileCorpusParallel, DEFAULT_MIN_ARTICLES} from "../loaders/parallel.ts";
import {compileCorpus, type ArticleInput, type Compiled} from "../loaders/pipeline.ts";
import {compileOptions} from "../loaders/project.ts";
import {TABLE_NAMES} from "../loaders/tables.ts";
import {generateCorpus} from "./bench/synthetic.ts";

const ARTICLES = 250;
const enc = (s: string) => new TextEncoder().encode(s);
const corpus: ArticleInput[] = generateCorpus({count: ARTICLES}).map((a) => ({file: a.file, bytes: enc(a.text)}));

const dir = mkdtempSync(join(tmpdir(), "ledger-parallel-"));
// A catalogue with rows for some files (one with a language the text contradicts) and one for a
// file that is not there: warnings from the workers and from the main thread, interleaved.
const catalogue = join(dir, "catalogue.csv");
writeFileSync(catalogue, [
  "id,file,title,outlet,published,language,translated_from,original_outlet,note",
  `first,${corpus[0].file},Erster,Outlet A,2024-07,de,,,`,
  `tenth,${corpus[9].file},Zehnter,,,xx,,,language mismatch on purpose`,
  `last,${corpus[ARTICLES - 1].file},,Outlet B,,,,,`,
  "gone,gone.txt,Missing,,,,,,no such file"
].join("\n") + "\n");
test.after(() => rmSync(dir, {recursive: true, force: true}));

function csvs(compiled: Compiled): string[] {
  return TABLE_NAMES.map((name) => tableCsv(compiled.tables, name));
}

const sequential = compileCorpus(corpus, compileOptions({catalogue}));

test(`${ARTICLES} articles (≥ ${DEFAULT_MIN_ARTICLES}) on workers: every table and warning as in the single-threaded compile`, {timeout: 120_000}, async () => {
  assert.ok(ARTICLES >= DEFAULT_MIN_ARTICLES);
  const parallel = await compileCorpusParallel(corpus, {catalogue}, {workers: 2});
  assert.equal(parallel.workers, 2);
  assert.equal(parallel.tables.articles.length, ARTICLES);
  assert.deepEqual(csvs(parallel), csvs(sequential));
  assert.deepEqual(parallel.warnings, sequential.warnings);
  assert.ok(sequential.warnings.some((w) => w.includes("the catalogue says language \"xx\"")));
  assert.ok(sequential.warnings.at(-1)!.startsWith("catalogue: row \"gone\""));
});

test("small chunks, inputs in any order, and the single-threaded fallback give the same tables", {timeout: 120_000}, async () => {
  const shuffled = [...corpus].reverse();
  const chunked = await compileCorpusParallel(shuffled, {catalogue}, {workers: 2, chunk: 7});
  assert.equal(chunked.workers, 2);
  assert.deepEqual(csvs(chunked), csvs(sequential));
  assert.deepEqual(chunked.warnings, sequential.warnings);
  const alone = await compileCorpusParallel(corpus, {catalogue}, {workers: 1});
  assert.equal(alone.workers, 0);
  assert.deepEqual(csvs(alone), csvs(sequential));
  const below = await compileCorpusParallel(corpus.slice(0, 20), {catalogue});
  assert.equal(below.workers, 0, "below the threshold: no workers");
  assert.deepEqual(csvs(below), csvs(compileCorpus(corpus.slice(0, 20), compileOptions({catalogue}))));
});

test("as CSV: the workers' formatted chunks, claims joined claim by claim, are byte for byte the single-threaded tables", {timeout: 120_000}, async () => {
  const claims = compileOptions({catalogue}).claims ?? [];
  assert.ok(claims.length >= 2, "several claims, so their rows must be regrouped across chunks");
  for (const settings of [{workers: 2}, {workers: 2, chunk: 7}, {workers: 1}]) {
    const csv = await compileCorpusCsv(corpus, {catalogue}, settings);
    assert.equal(csv.workers, settings.workers === 1 ? 0 : 2);
    assert.deepEqual(TABLE_NAMES.map((name) => csvText(csv, name)), csvs(sequential), JSON.stringify(settings));
    assert.deepEqual(TABLE_NAMES.map((name) => csv.rows[name]), TABLE_NAMES.map((name) => sequential.tables[name].length));
    assert.deepEqual(csv.warnings, sequential.warnings);
  }
  const dir = mkdtempSync(join(tmpdir(), "ledger-csv-"));
  const csv = await compileCorpusCsv(corpus, {catalogue}, {workers: 2, chunk: 7});
  writeCsvTable(join(dir, "claims.csv"), csv, "claims");
  assert.equal(readFileSync(join(dir, "claims.csv"), "utf8"), tableCsv(sequential.tables, "claims"));
  rmSync(dir, {recursive: true, force: true});
});

// The error the single-threaded compile throws, and the parallel one, side by side.
async function errors(inputs: ArticleInput[]): Promise<[string, string]> {
  const message = (e: unknown) => (e instanceof InputError ? `InputError: ${e.message}` : `other: ${(e as Error).message}`);
  let sequentialError = "no error";
  try {
    compileCorpus(inputs, compileOptions({}));
  } catch (e) {
    sequentialError = message(e);
  }
  let parallelError = "no error";
  try {
    await compileCorpusParallel(inputs, {}, {minArticles: 2, workers: 2, chunk: 5});
  } catch (e) {
    parallelError = message(e);
  }
  let csvError = "no error";
  try {
    await compileCorpusCsv(inputs, {}, {minArticles: 2, workers: 2, chunk: 5});
  } catch (e) {
    csvError = message(e);
  }
  assert.equal(csvError, parallelError, "the CSV compile stops on the same error");
  return [parallelError, sequentialError];
}

test("a bad article stops the parallel compile with the InputError of the first bad file in file-name order", {timeout: 120_000}, async () => {
  const small = corpus.slice(0, 40);
  const latin1 = (file: string): ArticleInput => ({file, bytes: new Uint8Array([0x47, 0x72, 0xf6, 0xdf, 0x65, 0x0a])});
  // Two bad files in different chunks: the earlier one wins, even if its chunk finishes later.
  const two = [...small, latin1("syn-031-de-bad.txt"), latin1("syn-005-de-bad.txt")];
  const [parallel, sequential] = await errors(two);
  assert.equal(parallel, sequential);
  assert.equal(parallel, "InputError: syn-005-de-bad.txt:1: invalid UTF-8 at byte 2 (0xF6); the file is probably Latin-1 or Windows-1252: save it as UTF-8");
  // A duplicate id after a bad article: the bad article comes first, as one by one.
  const duplicate = [...small, latin1("syn-012-de-bad.txt"), {file: "other/" + small[30].file, bytes: small[30].bytes}];
  const [p2, s2] = await errors(duplicate);
  assert.equal(p2, s2);
  assert.match(p2, /^InputError: syn-012-de-bad\.txt:1: invalid UTF-8/);
  // Only the duplicate ("other/…" sorts first, so the corpus's own file is the second): its error.
  const [p3, s3] = await errors([...small, {file: "other/" + small[30].file, bytes: small[30].bytes}]);
  assert.equal(p3, s3);
  assert.equal(p3, `InputError: ${small[30].file}: article id "${small[30].file.replace(/\.\w+$/, "")}" is also the id of other/${small[30].file}; rename one file or set ids in the catalogue`);
});
