// The compile of a large corpus on several threads. The per-article work (decode, boilerplate,
// language, passages, sentences, extractors) is independent from article to article, so the
// articles, in file-name order, are cut into contiguous chunks that a pool of worker threads
// (loaders/compile-worker.ts) compiles; the chunks' rows are concatenated in chunk order, which
// gives exactly the tables and warnings of the single-threaded compileCorpus. Ids, order and the
// catalogue stay on this thread. compileCorpusCsv also has the workers evaluate their articles'
// claims and format their rows as CSV (loaders/csv-chunks.ts); compileCorpusParallel returns rows.
//
// Below `minArticles` (200) everything runs on the calling thread: the Framework data loaders
// (5 articles) and the unit tests call the synchronous compileFolder/compileCorpus anyway.
// Settings, for tests and for machines where the defaults are wrong (documented in
// docs/performance.md): LEDGER_PARALLEL_MIN_ARTICLES (threshold), LEDGER_WORKERS (number of
// workers, default os.availableParallelism(); 1 or 0 means no workers), LEDGER_PARALLEL_CHUNK
// (articles per chunk).
import os from "node:os";
import {Worker} from "node:worker_threads";
import {InputError} from "./csv.ts";
import type {ClaimDefinition} from "./claims.ts";
import {csvChunk, joinCsvChunks, type CsvChunk, type CsvCompiled} from "./csv-chunks.ts";
import {catalogueWarnings, compileArticles, emptyTables, finishCorpus, planCorpus, type ArticleInput, type ArticleJob, type Compiled} from "./pipeline.ts";
import {compileOptions, readArticles, type ProjectPaths} from "./project.ts";
import {TABLE_NAMES, type Tables} from "./tables.ts";

export interface ParallelOptions {
  /** Fewer articles than this compile on the calling thread. Default 200, or LEDGER_PARALLEL_MIN_ARTICLES. */
  minArticles?: number;
  /** Worker threads. Default os.availableParallelism(), or LEDGER_WORKERS; never more than there are chunks; ≤ 1 means none. */
  workers?: number;
  /** Articles per chunk. Default: about 16 chunks per worker, 10 to 100 articles each; or LEDGER_PARALLEL_CHUNK. */
  chunk?: number;
}

/**
 * What a worker is told once: where its lexicon is (it builds the lexicon and extractors
 * itself), and the claims it evaluates on its chunks when it answers in CSV.
 */
export interface WorkerSetup {
  lexicon?: string;
  claims?: ClaimDefinition[];
}

/** What a worker posts back for a chunk: its rows (every table but claims), or its tables as CSV. */
export type ChunkOutput = "rows" | "csv";

/** main → worker: compile these jobs; worker → main: the chunk's rows or CSV, or the error that stopped it. */
export interface ChunkRequest { chunk: number; jobs: ArticleJob[]; output: ChunkOutput }
export type ChunkResult =
  | {chunk: number; compiled: Compiled | CsvChunk}
  | {chunk: number; error: {file: string; line: number; reason: string}}
  | {chunk: number; crash: {message: string; stack?: string}};

export const DEFAULT_MIN_ARTICLES = 200;

/** A compile, and how many worker threads it used (0: it ran on the calling thread). */
export interface ParallelCompiled extends Compiled {
  workers: number;
}

/** compileFolder, on worker threads when the folder has at least `minArticles` articles. */
export function compileFolderParallel(paths: ProjectPaths, parallel: ParallelOptions = {}): Promise<ParallelCompiled> {
  return compileCorpusParallel(readArticles(paths.articles), paths, parallel);
}

/**
 * The same tables and warnings as `compileCorpus(inputs, compileOptions(paths))`, computed on
 * worker threads for large corpora. Errors are the same too: the first bad article in file-name
 * order stops the compile with its InputError (file:line: reason).
 */
export async function compileCorpusParallel(inputs: ArticleInput[], paths: Omit<ProjectPaths, "articles">, parallel: ParallelOptions = {}): Promise<ParallelCompiled> {
  const {options, plan, chunks, workers} = schedule(inputs, paths, parallel);
  const compiled = workers ? concat(await runPool<Compiled>(chunks, workers, {lexicon: paths.lexicon}, "rows")) : compileArticles(plan.jobs, options);
  if (plan.duplicate) throw plan.duplicate;
  return {...finishCorpus(plan, compiled, options), workers};
}

/** compileFolderCsv's answer: every table as CSV text, and how many worker threads made it. */
export interface ParallelCsvCompiled extends CsvCompiled {
  workers: number;
}

/** compileCorpusCsv on the articles of a folder. */
export function compileFolderCsv(paths: ProjectPaths, parallel: ParallelOptions = {}): Promise<ParallelCsvCompiled> {
  return compileCorpusCsv(readArticles(paths.articles), paths, parallel);
}

/**
 * tableCsv of every table of compileCorpusParallel, and the same warnings and errors, with the
 * rows formatted and the claims evaluated on the workers (loaders/csv-chunks.ts). What the CLI
 * and the build's compile cache want, since both write CSV.
 */
export async function compileCorpusCsv(inputs: ArticleInput[], paths: Omit<ProjectPaths, "articles">, parallel: ParallelOptions = {}): Promise<ParallelCsvCompiled> {
  const {options, plan, chunks, workers} = schedule(inputs, paths, parallel);
  const claims = options.claims ?? [];
  const parts = workers ? await runPool<CsvChunk>(chunks, workers, {lexicon: paths.lexicon, claims}, "csv") : [csvChunk(compileArticles(plan.jobs, options), claims)];
  if (plan.duplicate) throw plan.duplicate;
  return {...joinCsvChunks(parts, claims.length, catalogueWarnings(plan, options)), workers};
}

/** The options, the plan, its chunks and the number of workers (0: none) of a compile. */
function schedule(inputs: ArticleInput[], paths: Omit<ProjectPaths, "articles">, parallel: ParallelOptions) {
  const options = compileOptions(paths);
  const plan = planCorpus(inputs, options.catalogue ?? []);
  const settings = resolve(parallel, plan.jobs.length);
  const chunks: ArticleJob[][] = [];
  for (let i = 0; i < plan.jobs.length; i += settings.chunk) chunks.push(plan.jobs.slice(i, i + settings.chunk));
  let workers = Math.min(settings.workers, chunks.length);
  if (workers <= 1 || inputs.length < settings.minArticles) workers = 0;
  return {options, plan, chunks, workers};
}

function resolve(parallel: ParallelOptions, jobs: number): Required<ParallelOptions> {
  const env = (name: string) => (process.env[name] !== undefined && process.env[name] !== "" ? Number(process.env[name]) : undefined);
  const minArticles = parallel.minArticles ?? env("LEDGER_PARALLEL_MIN_ARTICLES") ?? DEFAULT_MIN_ARTICLES;
  const workers = Math.floor(parallel.workers ?? env("LEDGER_WORKERS") ?? os.availableParallelism());
  const chunk = Math.max(1, Math.floor(parallel.chunk ?? env("LEDGER_PARALLEL_CHUNK") ?? Math.min(100, Math.max(10, Math.ceil(jobs / (Math.max(1, workers) * 16))))));
  for (const [name, value] of Object.entries({minArticles, workers, chunk})) {
    if (!Number.isFinite(value) || value < 0) throw new Error(`parallel compile: ${name} must be a number ≥ 0, not ${value}`);
  }
  return {minArticles, workers, chunk};
}

/**
 * Compiles `chunks` on `size` workers, each taking the next chunk when it is done with one (a
 * busy core does not hold the others back). Resolves with the chunks' results in chunk order,
 * or rejects with the error of the first chunk (in order) that failed: once a chunk fails, no
 * later chunk is started and the earlier ones in flight are awaited, so an earlier bad article
 * still wins, exactly as in a compile one article after the other.
 */
function runPool<T extends Compiled | CsvChunk>(chunks: ArticleJob[][], size: number, setup: WorkerSetup, output: ChunkOutput): Promise<T[]> {
  return new Promise((resolvePool, rejectPool) => {
    const results: T[] = new Array(chunks.length);
    const workers: Worker[] = [];
    let next = 0;
    let running = 0;
    let failed: {chunk: number; error: Error} | undefined;
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (error) rejectPool(error);
      else resolvePool(results);
    };
    const dispatch = (worker: Worker) => {
      if (next < chunks.length && (!failed || next < failed.chunk)) {
        const request: ChunkRequest = {chunk: next, jobs: chunks[next], output};
        ++next;
        ++running;
        worker.postMessage(request);
      } else if (running === 0) {
        settle(failed?.error);
      }
    };
    for (let i = 0; i < size; ++i) {
      const worker = new Worker(new URL("./compile-worker.mjs", import.meta.url), {workerData: setup});
      workers.push(worker);
      worker.on("message", (result: ChunkResult) => {
        --running;
        if ("compiled" in result) results[result.chunk] = result.compiled as T;
        else {
          const error = "error" in result ? new InputError(result.error.file, result.error.line, result.error.reason) : Object.assign(new Error(result.crash.message), {stack: result.crash.stack});
          if (!failed || result.chunk < failed.chunk) failed = {chunk: result.chunk, error};
        }
        dispatch(worker);
      });
      worker.on("error", (error) => settle(error));
      worker.on("exit", (code) => {
        if (!settled) settle(new Error(`a compile worker stopped with exit code ${code} before the compile was done`));
      });
      dispatch(worker);
    }
  });
}

/** The chunks' rows, concatenated in order: the tables of a compile one article after the other. */
function concat(parts: Compiled[]): Compiled {
  const tables = emptyTables();
  const warnings: string[] = [];
  for (const part of parts) {
    for (const name of TABLE_NAMES) {
      const into = tables[name] as Tables[typeof name][number][];
      for (const row of part.tables[name]) into.push(row);
    }
    for (const w of part.warnings) warnings.push(w);
  }
  return {tables, warnings};
}
