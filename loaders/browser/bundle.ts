// Site tooling: bundles the pipeline (loaders/) into one Web Worker script for /try, with
// esbuild (which Framework ships). The lexicons and the claims are bundled in as text, so the
// worker never fetches anything.
//
// The extractors read their own lexicon files with fs.readFileSync(new URL(..., import.meta.url)).
// In the bundle `node:fs` is a module whose readFileSync answers those reads from the bundled
// files, the way browserify's brfs inlines static reads: the same code runs in Node and in the
// browser, and a read of anything not bundled fails loudly.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {build, type Plugin} from "esbuild";
import {ROOT} from "../project.ts";

/** What the worker may read: path from the project root → text. */
export function bundledFiles(root = ROOT): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(join(root, "data/lexicon")).sort()) if (name.endsWith(".csv")) files[`data/lexicon/${name}`] = readFileSync(join(root, "data/lexicon", name), "utf8");
  files["data/claims.csv"] = readFileSync(join(root, "data/claims.csv"), "utf8");
  return files;
}

function bundledFilesPlugin(files: Record<string, string>): Plugin {
  return {
    name: "bundled-files",
    setup(b) {
      b.onResolve({filter: /^virtual:bundled-files$/}, () => ({path: "bundled-files", namespace: "ledger"}));
      b.onResolve({filter: /^(?:node:)?fs$/}, () => ({path: "fs", namespace: "ledger"}));
      b.onResolve({filter: /^(?:node:)?(?:path|url|crypto|os|worker_threads|child_process)$/}, (args) => ({errors: [{text: `${args.importer} imports ${args.path}: the pipeline must stay free of Node APIs to run in the browser`}]}));
      b.onLoad({filter: /^bundled-files$/, namespace: "ledger"}, () => ({contents: `export const BUNDLED_FILES = ${JSON.stringify(files)};`, loader: "js"}));
      b.onLoad({filter: /^fs$/, namespace: "ledger"}, () => ({
        contents: `import {BUNDLED_FILES} from "virtual:bundled-files";
export function readFileSync(url) {
  const path = String(url instanceof URL ? url.pathname : url);
  const key = Object.keys(BUNDLED_FILES).find((k) => path.endsWith("/" + k));
  if (key === undefined) throw new Error(path + " is not bundled with the pipeline");
  return BUNDLED_FILES[key];
}
export function existsSync(url) { try { readFileSync(url); return true; } catch { return false; } }
export default {readFileSync, existsSync};`,
        loader: "js",
        resolveDir: ROOT
      }));
    }
  };
}

/** The worker script: ES module, minified. */
export async function bundleWorker(root = ROOT): Promise<string> {
  const result = await build({
    entryPoints: [join(root, "loaders/browser/compile-worker.ts")],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    plugins: [bundledFilesPlugin(bundledFiles(root))]
  });
  return result.outputFiles[0].text;
}
