// Site tooling: one compile per build. Framework runs each data loader in its own process, so
// without this every loader would compile the whole corpus again (nine compiles per build).
// The first loader compiles and writes every table to a cache folder named by a hash of the
// bytes the compile depends on; the others read their table from it.
//
// Why the cache stays correct: its key is the SHA-256 of every file's path and bytes under
// data/ and loaders/, and of package-lock.json (the libraries the pipeline uses). Editing,
// adding, removing or renaming an article, a lexicon entry, a claim or a loader gives a new key,
// hence a new folder, and the old one is never read again. Nothing is keyed by time stamps.
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import type {Compiled} from "./pipeline.ts";
import type {CsvCompiled} from "./csv-chunks.ts";
import {ROOT} from "./root.ts";
import {TABLE_NAMES, tableCsv, type TableName} from "./tables.ts";

/** What the compile reads, relative to the project root. */
export const CACHE_INPUTS = ["data", "loaders", "package-lock.json"];

function* files(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) yield* files(join(path, name));
  } else yield path;
}

/** The hash of the paths and bytes of every input file; the cache folder's name. */
export function cacheKey(root: string, inputs: readonly string[] = CACHE_INPUTS): string {
  const hash = createHash("sha256");
  for (const input of inputs) {
    for (const file of files(join(root, input))) {
      const bytes = readFileSync(file);
      hash.update(`${relative(root, file)}\0${bytes.length}\0`).update(bytes);
    }
  }
  return hash.digest("hex").slice(0, 32);
}

export interface CacheOptions {
  root: string;
  /** Where cached compiles live; one subfolder per key. */
  dir: string;
  inputs?: readonly string[];
  /** How long a loader waits for another one that is compiling the same key. */
  waitMs?: number;
}

/** A compile read from the cache: each table's CSV text, and the compile's warnings. */
export interface CachedCompile {
  key: string;
  table(name: TableName): string;
  warnings: string[];
  /** True when this call compiled (the cache had no entry for the key). */
  compiled: boolean;
  /** The cache folder of this compile (files made from it are kept there too: cachedFiles). */
  folder: string;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * The compile for the current inputs: from the cache when it holds one, else `compile()` once,
 * written to the cache. Concurrent loaders agree on one compile: the first takes a lock (an
 * atomic mkdir) and the others wait for its result; a folder appears only complete (written
 * under a temporary name, then renamed).
 */
export async function cachedCompile(options: CacheOptions, compile: () => Compiled | CsvCompiled | Promise<Compiled | CsvCompiled>): Promise<CachedCompile> {
  const {root, dir, inputs = CACHE_INPUTS, waitMs = DEFAULT_WAIT_MS} = options;
  const key = cacheKey(root, inputs);
  const entry = join(dir, key);
  mkdirSync(dir, {recursive: true});
  const compiled = await once(entry, waitMs, async (partial) => {
    const result = await compile();
    // Loaded only to write a compile: a loader that reads the cache loads no pipeline (~0.15 s each).
    const {writeCsvTable} = await import("./csv-chunks.ts");
    for (const name of TABLE_NAMES) {
      const file = join(partial, `${name}.csv`);
      if ("csv" in result) writeCsvTable(file, result, name);
      else writeFileSync(file, tableCsv(result.tables, name));
    }
    writeFileSync(join(partial, "warnings.json"), JSON.stringify(result.warnings));
  });
  return {
    key,
    compiled,
    folder: entry,
    table: (name) => readFileSync(join(entry, `${name}.csv`), "utf8"),
    warnings: JSON.parse(readFileSync(join(entry, "warnings.json"), "utf8"))
  };
}

/**
 * Files made from a cached compile (the site's corpus archives), kept beside its tables in a
 * subfolder `name` and made once per compile the way the compile is: `make` runs in one loader,
 * the others wait and read. Returns a reader of those files.
 */
export async function cachedFiles(compile: CachedCompile, name: string, make: () => Record<string, string | Uint8Array> | Promise<Record<string, string | Uint8Array>>, waitMs = DEFAULT_WAIT_MS): Promise<(file: string) => Buffer> {
  const entry = join(compile.folder, name);
  await once(entry, waitMs, async (partial) => {
    for (const [file, contents] of Object.entries(await make())) writeFileSync(join(partial, file), contents);
  });
  return (file) => readFileSync(join(entry, file));
}

const DEFAULT_WAIT_MS = 15 * 60_000;

/**
 * Makes the folder `entry` with `fill` unless it exists; true when this call made it. The
 * first caller takes a lock (an atomic mkdir) and fills a temporary folder that is then renamed,
 * so `entry` appears only complete; the others wait for it.
 */
async function once(entry: string, waitMs: number, fill: (partial: string) => Promise<void>): Promise<boolean> {
  if (existsSync(entry)) return false;
  const lock = `${entry}.lock`;
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(entry)) return false;
      // A lock older than the wait is left by a killed process: take it over.
      if (Date.now() - started > waitMs || (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > waitMs)) {
        rmSync(lock, {recursive: true, force: true});
        continue;
      }
      sleep(100);
    }
  }
  try {
    if (existsSync(entry)) return false;
    const partial = `${entry}.${process.pid}.partial`;
    rmSync(partial, {recursive: true, force: true});
    mkdirSync(partial);
    try {
      await fill(partial);
    } catch (error) {
      rmSync(partial, {recursive: true, force: true});
      throw error;
    }
    renameSync(partial, entry);
    return true;
  } finally {
    rmSync(lock, {recursive: true, force: true});
  }
}

/** Out of git, cleared by `npm run clean`. */
export const PROJECT_CACHE = join(ROOT, ".cache/compile");

/** The project's own corpus (data/articles, the catalogue, the lexicons, the claims), compiled once per change. */
export function projectCompile(): Promise<CachedCompile> {
  return cachedCompile({root: ROOT, dir: PROJECT_CACHE}, async () => {
    const {compileFolderCsv} = await import("./parallel.ts");
    return compileFolderCsv({articles: join(ROOT, "data/articles"), catalogue: join(ROOT, "data/catalogue.csv")});
  });
}
