// npm run bench: the performance budgets of Llama Ledger, measured.
//
//   npx tsx test/bench/run.ts [--only pages,interaction,build,compile] [--sizes 100,1000,10000]
//        [--runs 3] [--date YYYY-MM-DD] [--work /tmp/bench] [--dist DIR] [--root DIR] [--profile] [--no-write]
//
// - pages: Lighthouse (mobile preset, simulated throttling) on every built page and on a bare
//   Framework page with Plot + Inputs + Arquero built from the same node_modules in this run,
//   served with gzip from loopback; median of --runs runs (default 3) per page.
// - interaction: in Chromium, each range input of each page is set 100 times (input events) and
//   the time until an SVG on the page changes is taken with a MutationObserver + performance.now().
// - build: a cold build (a copy of the project without loader cache; observable build + postbuild).
// - compile: synthetic corpora (test/bench/synthetic.ts) through the CLI: seconds, peak memory.
//   --profile adds a CPU profile of the 1,000-article compile and its top self-time functions.
// The site for pages/interaction is built from a snapshot copy of src/, loaders/ and data/ into
// <work>/dist (or taken from --dist), so nobody's dist/ or loader cache is touched.
// Every budget that fails makes the exit code 1. The table goes to stdout and docs/performance.md.
import {spawn, spawnSync} from "node:child_process";
import {cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import os from "node:os";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {median, percentile, ROOT, runCompile} from "./compile.ts";
import {readProfile, selfTimes} from "./profile.ts";
import {DEFAULT_SEED, writeCorpus} from "./synthetic.ts";

const PARTS = ["pages", "interaction", "build", "compile", "scale"] as const;
type Part = (typeof PARTS)[number];

const {values} = parseArgs({
  options: {
    only: {type: "string"}, sizes: {type: "string", default: "100,1000,10000"}, runs: {type: "string", default: "3"},
    date: {type: "string"}, work: {type: "string", default: "/tmp/bench"}, dist: {type: "string"}, root: {type: "string"},
    profile: {type: "boolean", default: false}, "no-write": {type: "boolean", default: false}, moves: {type: "string", default: "100"},
    seed: {type: "string"}, "scale-sizes": {type: "string", default: "1000,10000"}, "scale-pages": {type: "string", default: "index,licensing,sources"}
  }
});
// The scale part builds the site twice more (at 1,000 and 10,000 articles, tens of minutes): only on request.
const only = new Set<Part>((values.only ? values.only.split(",") : PARTS.filter((p) => p !== "scale")).map((p) => {
  if (!PARTS.includes(p.trim() as Part)) throw new Error(`--only: unknown part "${p}" (expected ${PARTS.join(", ")})`);
  return p.trim() as Part;
}));
const WORK = values.work!;
const RUNS = Number(values.runs);
const MOVES = Number(values.moves);
const SEED = values.seed ? Number(values.seed) : DEFAULT_SEED;
const PROJECT = values.root ?? ROOT;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"];
mkdirSync(WORK, {recursive: true});

// ---------------------------------------------------------------------------------------------
// Rows of the report

interface Row { part: Part; page: string; metric: string; value: number; unit: string; budget: string; reference: number | null; ok: boolean | null; note?: string }
const rows: Row[] = [];
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);
const loadBefore = os.loadavg();

function fmt(x: number | null, unit = ""): string {
  if (x === null || !Number.isFinite(x)) return "—";
  if (unit === "B") return x >= 1024 ? `${(x / 1024).toFixed(1)} KiB` : `${x.toFixed(0)} B`;
  if (unit === "MiB") return `${(x / 2 ** 20).toFixed(0)} MiB`;
  if (unit === "s") return `${x.toFixed(2)} s`;
  if (unit === "ms") return `${x.toFixed(1)} ms`;
  if (unit === "x") return `${x.toFixed(2)}×`;
  return Number.isInteger(x) ? String(x) : x.toFixed(3);
}

// ---------------------------------------------------------------------------------------------
// Child processes

function sh(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<{status: number | null; out: string; seconds: number}> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd, env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", ...env}, stdio: ["ignore", "pipe", "pipe"]});
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.on("error", reject);
    child.on("close", (status) => resolve({status, out, seconds: (performance.now() - started) / 1000}));
  });
}

const OBSERVABLE = join(ROOT, "node_modules/@observablehq/framework/dist/bin/observable.js");
const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");

/** A snapshot of the project (src without its loader cache, loaders, data, config) in `dir`, node_modules linked. */
function snapshotProject(dir: string): void {
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(dir, {recursive: true});
  for (const name of ["src", "loaders", "data", "observablehq.config.ts", "package.json", "tsconfig.json"]) {
    if (existsSync(join(PROJECT, name))) cpSync(join(PROJECT, name), join(dir, name), {recursive: true, filter: (src) => !src.includes("/.observablehq/cache")});
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
}

/** The cold build as `npm run build` does it (clean cache, observable build, postbuild), into `out`. */
async function coldBuild(dir: string, out: string): Promise<{seconds: number; ok: boolean; output: string}> {
  // What `npm run clean` clears: Framework's cache and the compile cache (loaders/compile-cache.ts).
  for (const cache of ["src/.observablehq/cache", ".cache"]) rmSync(join(dir, cache), {recursive: true, force: true});
  rmSync(out, {recursive: true, force: true});
  const build = await sh(process.execPath, [OBSERVABLE, "build"], dir, {LEDGER_OUTPUT: out});
  if (build.status !== 0) return {seconds: build.seconds, ok: false, output: build.out};
  const post = await sh(process.execPath, [TSX, "loaders/postbuild.ts", out], dir);
  return {seconds: build.seconds + post.seconds, ok: post.status === 0, output: build.out + post.out};
}

/** The floor to beat: one Framework page importing Plot, Inputs and Arquero from node_modules, one chart, one Input. */
async function bareBuild(dir: string, out: string): Promise<void> {
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(join(dir, "src"), {recursive: true});
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({name: "bare", private: true, type: "module"}));
  writeFileSync(join(dir, "observablehq.config.js"), `export default {title: "Bare", root: "src", output: ${JSON.stringify(out)}, globalStylesheets: []};\n`);
  writeFileSync(join(dir, "src/index.md"), [
    "# A bare page", "",
    "```js", 'import * as Plot from "@observablehq/plot";', 'import * as Inputs from "@observablehq/inputs";', 'import * as aq from "arquero";', "```", "",
    "```js", 'const n = view(Inputs.range([2, 100], {label: "Points", step: 1, value: 50}));', "```", "",
    "```js",
    "const points = aq.table({x: Array.from({length: n}, (_, i) => i)}).derive({y: (d) => d.x * d.x}).objects();",
    'display(Plot.plot({width, marks: [Plot.lineY(points, {x: "x", y: "y"}), Plot.ruleY([0])]}));',
    "```", ""
  ].join("\n"));
  rmSync(out, {recursive: true, force: true});
  const build = await sh(process.execPath, [OBSERVABLE, "build"], dir);
  if (build.status !== 0) throw new Error(`bare page build failed:\n${build.out}`);
}

// ---------------------------------------------------------------------------------------------
// Parts

let siteDist = values.dist ?? "";
let firstBuild = NaN;

async function ensureSite(): Promise<string> {
  if (siteDist) return siteDist;
  const dir = join(WORK, "site");
  const out = join(WORK, "dist");
  log(`building a snapshot of the site into ${out}`);
  snapshotProject(dir);
  const build = await coldBuild(dir, out);
  if (!build.ok) throw new Error(`site build failed:\n${build.output.slice(-4000)}`);
  firstBuild = build.seconds;
  log(`cold build of the site: ${build.seconds.toFixed(1)} s`);
  return (siteDist = out);
}

async function buildPart(): Promise<void> {
  // The build that made the site for pages/interaction, and more cold builds up to two in all (each takes minutes).
  const dir = join(WORK, "site");
  const times: number[] = Number.isFinite(firstBuild) ? [firstBuild] : [];
  if (!existsSync(join(dir, "src"))) snapshotProject(dir);
  for (let i = 0; times.length < Math.max(1, Math.min(RUNS, 2)); ++i) {
    const build = await coldBuild(dir, join(WORK, `dist-build-${i}`));
    if (!build.ok) throw new Error(`build failed:\n${build.output.slice(-4000)}`);
    log(`cold build ${i + 1}: ${build.seconds.toFixed(1)} s`);
    times.push(build.seconds);
    rmSync(join(WORK, `dist-build-${i}`), {recursive: true, force: true});
  }
  rows.push({part: "build", page: "site", metric: `cold build, median of ${times.length}`, value: median(times), unit: "s", budget: "—", reference: null, ok: null, note: times.map((t) => t.toFixed(1)).join(", ")});
}

function builtPages(dist: string): string[] {
  return readdirSync(dist).filter((f) => f.endsWith(".html") && f !== "404.html").map((f) => f.replace(/\.html$/, "")).sort();
}
const pageUrl = (base: string, page: string) => (page === "index" ? base : `${base}${page}.html`);

async function pagesPart(): Promise<void> {
  const dist = await ensureSite();
  const bareOut = join(WORK, "bare-dist");
  log("building the bare Plot + Inputs + Arquero page");
  await bareBuild(join(WORK, "bare"), bareOut);
  const {serve} = await import("../browser/server.ts");
  const {launch} = await import("chrome-launcher");
  const {default: lighthouse} = await import("lighthouse");
  const site = await serve(dist, {gzip: true});
  const bare = await serve(bareOut, {gzip: true});
  const chrome = await launch({chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS});
  try {
    const measure = async (url: string) => {
      const runs: Array<{score: number; tbt: number; cls: number; bytes: number; lcp: number; bi: number}> = [];
      for (let i = 0; i < RUNS; ++i) {
        const result = await lighthouse(url, {port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"]});
        const lhr = result!.lhr;
        if (lhr.runtimeError) throw new Error(`lighthouse ${url}: ${lhr.runtimeError.message}`);
        const a = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
        runs.push({score: Math.round((lhr.categories.performance.score ?? 0) * 100), tbt: a("total-blocking-time"), cls: a("cumulative-layout-shift"), bytes: a("total-byte-weight"), lcp: a("largest-contentful-paint"), bi: lhr.environment?.benchmarkIndex ?? NaN});
      }
      const m = (k: keyof (typeof runs)[number]) => median(runs.map((r) => r[k]));
      return {score: m("score"), tbt: m("tbt"), cls: m("cls"), bytes: m("bytes"), lcp: m("lcp"), bi: m("bi"), all: runs};
    };
    log("lighthouse: bare page");
    const ref = await measure(bare.url);
    rows.push({part: "pages", page: "(bare Plot+Inputs+Arquero)", metric: "performance score", value: ref.score, unit: "", budget: "≥ 95", reference: null, ok: null, note: ref.all.map((r) => r.score).join(", ")});
    rows.push({part: "pages", page: "(bare Plot+Inputs+Arquero)", metric: "bytes transferred", value: ref.bytes, unit: "B", budget: "reference", reference: null, ok: null});
    for (const page of builtPages(dist)) {
      log(`lighthouse: ${page}`);
      const r = await measure(pageUrl(site.url, page));
      const runs = (k: "score" | "tbt" | "cls" | "bytes") => r.all.map((x) => (k === "cls" ? x[k].toFixed(3) : x[k].toFixed(0))).join(", ");
      rows.push({part: "pages", page, metric: "performance score", value: r.score, unit: "", budget: "≥ 95", reference: ref.score, ok: r.score >= 95, note: runs("score")});
      rows.push({part: "pages", page, metric: "total blocking time", value: r.tbt, unit: "ms", budget: "≤ 100 ms", reference: ref.tbt, ok: r.tbt <= 100, note: `${runs("tbt")}; benchmarkIndex ${r.all.map((x) => x.bi.toFixed(0)).join(", ")}`});
      rows.push({part: "pages", page, metric: "cumulative layout shift", value: r.cls, unit: "", budget: "≤ 0.02", reference: ref.cls, ok: r.cls <= 0.02, note: runs("cls")});
      rows.push({part: "pages", page, metric: "bytes transferred", value: r.bytes, unit: "B", budget: "≤ bare page", reference: ref.bytes, ok: r.bytes <= ref.bytes, note: runs("bytes")});
      rows.push({part: "pages", page, metric: "largest contentful paint (info)", value: r.lcp, unit: "ms", budget: "—", reference: ref.lcp, ok: null});
    }
  } finally {
    await chrome.kill();
    await site.close();
    await bare.close();
  }
}

async function interactionPart(): Promise<void> {
  const dist = await ensureSite();
  const {serve} = await import("../browser/server.ts");
  const {launch, open} = await import("../browser/browser.ts");
  const server = await serve(dist, {gzip: true});
  const browser = await launch();
  try {
    for (const page of builtPages(dist)) {
      const w = await open(browser, pageUrl(server.url, page));
      try {
        await w.page.waitForTimeout(1000);
        // tsx (esbuild keepNames) wraps functions in __name(...); measureMoves runs in the page, which lacks it.
        await w.page.evaluate("globalThis.__name ??= (f) => f");
        const count = await w.page.locator("input[type=range]").count();
        if (!count) continue;
        for (let k = 0; k < count; ++k) {
          const input = w.page.locator("input[type=range]").nth(k);
          const label = (await input.evaluate((el) => el.getAttribute("aria-label") || el.closest("form")?.querySelector("label")?.textContent || el.id || "")).trim().slice(0, 40) || `#${k + 1}`;
          const times = await input.evaluate(measureMoves, MOVES);
          const hits = times.filter((t): t is number => t !== null);
          const p95 = percentile(hits, 95);
          const note = `${hits.length}/${times.length} moves changed an SVG; median ${median(hits).toFixed(1)} ms`;
          log(`interaction ${page} [${label}]: p95 ${p95.toFixed(1)} ms (${note})`);
          rows.push({part: "interaction", page, metric: `slider "${label}" → SVG redraw, p95`, value: hits.length ? p95 : NaN, unit: "ms", budget: "≤ 50 ms", reference: null,
            ok: hits.length === 0 ? null : hits.length === times.length && p95 <= 50, note: hits.length ? note : "no SVG changed: not a chart input"});
        }
        if (w.errors.length) log(`interaction ${page}: console errors: ${w.errors.slice(0, 3).join(" | ")}`);
      } finally {
        await w.context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * Runs in the page. Sets the range input to `moves` values spread over its range (each differing
 * from the last), dispatching "input" as a user's drag does, and times each until a mutation
 * touches an SVG element (a chart redrawn, replaced or updated). null: nothing changed in 2 s.
 */
async function measureMoves(el: Element, moves: number): Promise<Array<number | null>> {
  const input = el as HTMLInputElement;
  const min = Number(input.min || 0);
  const max = Number(input.max || 100);
  const step = input.step === "any" || !input.step ? 0 : Number(input.step);
  const positions = 10;
  const valueAt = (k: number) => {
    let v = min + ((k % positions) / (positions - 1)) * (max - min);
    if (step) v = min + Math.round((v - min) / step) * step;
    return String(v);
  };
  const svgIn = (n: Node) => n instanceof SVGElement || (n instanceof Element && !!n.querySelector("svg"));
  const touchesSvg = (r: MutationRecord) => {
    const target = r.target instanceof Element ? r.target : r.target.parentElement;
    if (target?.closest("svg")) return true;
    return [...r.addedNodes].some(svgIn) || [...r.removedNodes].some(svgIn);
  };
  const times: Array<number | null> = [];
  let last = input.value;
  for (let k = 0, i = 0; k < moves; ++i) {
    const value = valueAt(i + 1);
    if (value === last) continue;
    last = value;
    ++k;
    const changed = new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => { observer.disconnect(); resolve(null); }, 2000);
      const observer = new MutationObserver((records) => {
        if (!records.some(touchesSvg)) return;
        const at = performance.now();
        clearTimeout(timer);
        observer.disconnect();
        resolve(at);
      });
      observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
    });
    const t0 = performance.now();
    input.value = value;
    input.dispatchEvent(new Event("input", {bubbles: true}));
    const at = await changed;
    times.push(at === null ? null : at - t0);
    // Let the page settle (trailing cells, transitions) before the next move.
    await new Promise((r) => setTimeout(r, 30));
  }
  return times;
}

async function compilePart(): Promise<void> {
  const sizes = values.sizes!.split(",").map(Number).filter((n) => n > 0).sort((a, b) => a - b);
  const results = new Map<number, {wall: number; cpu: number; rss: number}>();
  for (const n of sizes) {
    const corpus = join(WORK, `corpus-${SEED}`, String(n));
    rmSync(corpus, {recursive: true, force: true});
    const written = writeCorpus(corpus, {count: n, seed: SEED});
    const runs = n >= 10_000 ? 1 : RUNS;
    const measured = [];
    for (let i = 0; i < runs; ++i) {
      const out = join(WORK, `tables-${n}`);
      rmSync(out, {recursive: true, force: true});
      const run = await runCompile({articles: corpus, out, root: PROJECT});
      if (run.status !== 0 || run.articles !== n || run.tables.length !== 9) throw new Error(`compile of ${n} articles failed (status ${run.status}, ${run.tables.length} tables):\n${run.stderr.slice(-2000)}`);
      log(`compile ${n}: ${run.wallSeconds.toFixed(2)} s wall, ${run.cpuSeconds.toFixed(2)} s CPU, ${(run.maxRssBytes / 2 ** 20).toFixed(0)} MiB`);
      measured.push(run);
    }
    const r = {wall: median(measured.map((m) => m.wallSeconds)), cpu: median(measured.map((m) => m.cpuSeconds)), rss: median(measured.map((m) => m.maxRssBytes))};
    results.set(n, r);
    const page = `${n.toLocaleString("en")} articles (${(written.bytes / 2 ** 20).toFixed(1)} MiB)`;
    const timeBudget = n === 10_000 ? "≤ 30 s" : "—";
    rows.push({part: "compile", page, metric: `wall time, median of ${runs}`, value: r.wall, unit: "s", budget: timeBudget, reference: null, ok: n === 10_000 ? r.wall <= 30 : null, note: measured.map((m) => m.wallSeconds.toFixed(1)).join(", ")});
    rows.push({part: "compile", page, metric: "CPU time (user + sys)", value: r.cpu, unit: "s", budget: "—", reference: null, ok: null, note: "less sensitive than wall time to other load"});
    rows.push({part: "compile", page, metric: `peak memory (${measured[0].rssFrom})`, value: r.rss, unit: "MiB", budget: n === 10_000 ? "≤ 2 GiB" : "—", reference: null, ok: n === 10_000 ? r.rss <= 2 * 1024 ** 3 : null});
  }
  for (let i = 1; i < sizes.length; ++i) {
    const [a, b] = [sizes[i - 1], sizes[i]];
    const [ra, rb] = [results.get(a)!, results.get(b)!];
    const scale = b / a;
    const allowed = 1.2 * scale;
    rows.push({part: "compile", page: `${a.toLocaleString("en")} → ${b.toLocaleString("en")}`, metric: "growth of wall time", value: rb.wall / ra.wall, unit: "x", budget: `≤ ${allowed.toFixed(0)}× (${scale}× articles)`, reference: null, ok: rb.wall / ra.wall <= allowed});
    rows.push({part: "compile", page: `${a.toLocaleString("en")} → ${b.toLocaleString("en")}`, metric: "growth of CPU time", value: rb.cpu / ra.cpu, unit: "x", budget: `≤ ${allowed.toFixed(0)}×`, reference: null, ok: rb.cpu / ra.cpu <= allowed});
  }
}

const profileLines: string[] = [];

async function profilePart(): Promise<void> {
  const n = 1000;
  const corpus = join(WORK, `corpus-${SEED}`, `profile-${n}`);
  rmSync(corpus, {recursive: true, force: true});
  writeCorpus(corpus, {count: n, seed: SEED});
  const dir = join(WORK, "profile");
  rmSync(dir, {recursive: true, force: true});
  const run = await runCompile({articles: corpus, out: join(WORK, "tables-profile"), root: PROJECT, nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`]});
  if (run.status !== 0) throw new Error(`profiled compile failed:\n${run.stderr.slice(-2000)}`);
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"))!;
  const top = selfTimes(readProfile(join(dir, file)), PROJECT);
  const regexps = top.filter((t) => t.name.startsWith("RegExp:"));
  profileLines.push(`CPU profile of the CLI on ${n} synthetic articles (node --cpu-prof, ${run.wallSeconds.toFixed(1)} s wall with the profiler), top self time:`, "",
    "| self time | share | function | where |", "|---:|---:|---|---|",
    ...top.slice(0, 15).map((t) => `| ${t.ms.toFixed(0)} ms | ${(t.share * 100).toFixed(1)}% | \`${t.name.replace(/\|/g, "\\|").slice(0, 60)}\` | ${t.where} |`), "",
    `All regular expressions together: ${regexps.reduce((s, t) => s + t.ms, 0).toFixed(0)} ms (${(regexps.reduce((s, t) => s + t.share, 0) * 100).toFixed(1)}%) in ${regexps.length} patterns.`);
  for (const line of profileLines) process.stdout.write(line + "\n");
}

// ---------------------------------------------------------------------------------------------
// Report

function chromiumVersion(): string {
  const r = spawnSync(CHROMIUM, ["--version"], {encoding: "utf8"});
  return (r.stdout || "").trim() || "not found";
}

function table(part: Part): string[] {
  const mine = rows.filter((r) => r.part === part);
  if (!mine.length) return [];
  return [
    "| page | metric | value | budget | reference | ratio | pass | runs / note |", "|---|---|---:|---|---:|---:|---|---|",
    ...mine.map((r) => {
      const ratio = r.reference !== null && Number.isFinite(r.reference) && r.reference !== 0 ? r.value / r.reference : null;
      const pass = r.ok === null ? "—" : r.ok ? "pass" : "**FAIL**";
      return `| ${r.page} | ${r.metric} | ${fmt(r.value, r.unit)} | ${r.budget} | ${fmt(r.reference, r.unit)} | ${ratio === null ? "—" : ratio.toFixed(2)} | ${pass} | ${r.note ?? ""} |`;
    })
  ];
}

/** Lighthouse mobile on one URL, RUNS times: medians, each run's figures, and the machine's benchmarkIndex. */
async function lighthouseRuns(port: number, url: string) {
  const {default: lighthouse} = await import("lighthouse");
  const runs: Array<{score: number; tbt: number; cls: number; bytes: number; bi: number}> = [];
  for (let i = 0; i < RUNS; ++i) {
    const lhr = (await lighthouse(url, {port, output: "json", logLevel: "error", onlyCategories: ["performance"]}))!.lhr;
    if (lhr.runtimeError) throw new Error(`lighthouse ${url}: ${lhr.runtimeError.message}`);
    const a = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    runs.push({score: Math.round((lhr.categories.performance.score ?? 0) * 100), tbt: a("total-blocking-time"), cls: a("cumulative-layout-shift"), bytes: a("total-byte-weight"), bi: lhr.environment?.benchmarkIndex ?? NaN});
  }
  const m = (k: keyof (typeof runs)[number]) => median(runs.map((r) => r[k]));
  return {score: m("score"), tbt: m("tbt"), cls: m("cls"), bytes: m("bytes"), bi: m("bi"), all: runs};
}

async function scalePart(): Promise<void> {
  const {appendCatalogue, generateCorpus} = await import("./synthetic.ts");
  const {serve} = await import("../browser/server.ts");
  const {launch: launchChromium, open} = await import("../browser/browser.ts");
  const {launch} = await import("chrome-launcher");
  const bareOut = join(WORK, "bare-dist");
  if (!existsSync(join(bareOut, "index.html"))) await bareBuild(join(WORK, "bare"), bareOut);
  const bare = await serve(bareOut, {gzip: true});
  const chrome = await launch({chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS});
  try {
    const ref = await lighthouseRuns(chrome.port, bare.url);
    for (const n of values["scale-sizes"]!.split(",").map(Number)) {
      const dir = join(WORK, `scale-${n}`);
      const out = join(WORK, `scale-${n}-dist`);
      snapshotProject(dir);
      const corpus = generateCorpus({count: n, seed: SEED});
      for (const a of corpus) writeFileSync(join(dir, "data/articles", a.file), a.text);
      appendCatalogue(join(dir, "data/catalogue.csv"), corpus);
      const total = readdirSync(join(dir, "data/articles")).length;
      const label = `${total.toLocaleString("en")} articles`;
      log(`scale: compiling ${label}`);
      const compile = await runCompile({articles: join(dir, "data/articles"), out: join(WORK, `scale-${n}-tables`), root: dir, extra: ["--catalogue", join(dir, "data/catalogue.csv")]});
      if (compile.status !== 0) throw new Error(`compile of ${label} failed:\n${compile.stderr.slice(-2000)}`);
      log(`scale: building the site with ${label}`);
      const build = await coldBuild(dir, out);
      if (!build.ok) throw new Error(`build of ${label} failed:\n${build.output.slice(-4000)}`);
      rows.push({part: "scale", page: label, metric: "compile (CLI), wall", value: compile.wallSeconds, unit: "s", budget: "—", reference: null, ok: null});
      // The issue's budget is for the 10,000-article site; below that Framework's fixed cost (npm
      // bundles, pages) dominates, so the ratio is reported, not judged.
      const judged = total >= 10_000;
      rows.push({part: "scale", page: label, metric: "cold build of the site", value: build.seconds, unit: "s", budget: judged ? "≤ 3× compile" : "— (3× compile: at 10,000)", reference: compile.wallSeconds, ok: judged ? build.seconds <= 3 * compile.wallSeconds : null});
      const site = await serve(out, {gzip: true});
      try {
        for (const page of values["scale-pages"]!.split(",")) {
          log(`scale: lighthouse ${page} at ${label}`);
          const r = await lighthouseRuns(chrome.port, pageUrl(site.url, page));
          const bi = `benchmarkIndex ${r.all.map((x) => x.bi.toFixed(0)).join(", ")} (bare page ${ref.bi.toFixed(0)})`;
          rows.push({part: "scale", page: `${page}, ${label}`, metric: "performance score", value: r.score, unit: "", budget: "≥ 95", reference: ref.score, ok: r.score >= 95, note: `${r.all.map((x) => x.score).join(", ")}; ${bi}`});
          rows.push({part: "scale", page: `${page}, ${label}`, metric: "total blocking time", value: r.tbt, unit: "ms", budget: "≤ 100 ms", reference: ref.tbt, ok: r.tbt <= 100, note: r.all.map((x) => x.tbt.toFixed(0)).join(", ")});
          rows.push({part: "scale", page: `${page}, ${label}`, metric: "cumulative layout shift", value: r.cls, unit: "", budget: "≤ 0.02", reference: ref.cls, ok: r.cls <= 0.02, note: r.all.map((x) => x.cls.toFixed(3)).join(", ")});
          rows.push({part: "scale", page: `${page}, ${label}`, metric: "bytes transferred", value: r.bytes, unit: "B", budget: "≤ bare page", reference: ref.bytes, ok: r.bytes <= ref.bytes});
        }
        // Opening an article: search its title in the finder (large corpora) or pick it (small), time to its text.
        const browser = await launchChromium();
        try {
          const times: number[] = [];
          const targets = corpus.filter((a) => a.entry.title.length > 30).slice(0, 5);
          for (const target of targets) {
            const w = await open(browser, `${site.url}sources.html`);
            const search = w.page.locator(".article-finder input[type=search]");
            if (await search.count()) {
              await search.fill(target.entry.title.slice(0, 40));
              const link = w.page.locator(`.article-finder tbody a[href*="article=${encodeURIComponent(target.entry.id)}#"]`).first();
              await link.waitFor();
              const t0 = performance.now();
              await link.click();
              await w.page.waitForSelector(`#article-${target.entry.id} .reader-blocks`);
              times.push(performance.now() - t0);
            }
            await w.context.close();
          }
          if (times.length) rows.push({part: "scale", page: label, metric: "open an article found by search, to its text (desktop)", value: median(times), unit: "ms", budget: "≤ 300 ms", reference: null, ok: median(times) <= 300, note: times.map((t) => t.toFixed(0)).join(", ")});
        } finally {
          await browser.close();
        }
      } finally {
        await site.close();
      }
    }
  } finally {
    await chrome.kill();
    await bare.close();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const failures: string[] = [];
  const attempt = async (part: Part, f: () => Promise<void>) => {
    try {
      await f();
    } catch (error) {
      log(`${part} failed: ${(error as Error).stack ?? error}`);
      failures.push(`${part}: ${(error as Error).message.split("\n")[0]}`);
    }
  };
  if (only.has("compile")) await attempt("compile", compilePart);
  if (only.has("compile") && values.profile) await attempt("compile", profilePart);
  if (only.has("build")) await attempt("build", async () => { if (!values.dist) await ensureSite(); await buildPart(); });
  if (only.has("pages")) await attempt("pages", pagesPart);
  if (only.has("interaction")) await attempt("interaction", interactionPart);
  if (only.has("scale")) await attempt("scale", scalePart);

  const cpu = os.cpus();
  const date = values.date ?? process.env.BENCH_DATE ?? (process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000).toISOString().slice(0, 10) : "undated");
  const machine = [
    `- Date: ${date} (run stamp ${new Date().toISOString()})`,
    `- CPU: ${cpu[0]?.model ?? "unknown"}, ${cpu.length} cores; memory ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; ${os.type()} ${os.release()}`,
    `- Node ${process.version}; ${chromiumVersion()}; Lighthouse ${lighthouseVersion()}`,
    `- Load average (1 min) ${loadBefore[0].toFixed(1)} before, ${os.loadavg()[0].toFixed(1)} after: other work shares these ${cpu.length} cores, so every figure is noisy; medians are taken where noted.`,
    `- Run: \`npx tsx test/bench/run.ts ${process.argv.slice(2).join(" ")}\` in ${((performance.now() - started) / 60000).toFixed(1)} min; synthetic corpus seed ${SEED}.`
  ];
  const failed = rows.filter((r) => r.ok === false);
  const sections: Record<Part, string> = {
    pages: "Pages: Lighthouse 13, mobile preset (simulated slow 4G, 4× CPU slowdown), gzip from loopback, median of " + RUNS + " runs per page. Reference: a bare Framework page with Plot + Inputs + Arquero from the same node_modules, built in the same run.",
    interaction: `Interaction: Chromium (desktop viewport, no throttling); each range input set ${MOVES} times with "input" events; time from the event to the first mutation of an SVG element (MutationObserver + performance.now()).`,
    build: "Build: a snapshot copy of the project, cache deleted, `observable build` + `loaders/postbuild.ts`, into a private output folder.",
    compile: "Compile: `node --import tsx loaders/cli.ts` on synthetic corpora (test/bench/synthetic.ts), peak memory by `/usr/bin/time -v` (or the child's resourceUsage).",
    scale: "Scale (`--only scale`, sizes by `--scale-sizes`): the seed articles plus a synthetic corpus with catalogue rows (test/bench/synthetic.ts) in a snapshot of the project; the corpus compiled by the CLI, then a cold build of the site; Lighthouse mobile (median of " + RUNS + ", benchmarkIndex beside each figure) on the pages of `--scale-pages` against the bare page; bytes each page downloads at load in Chromium; opening an article found by the reader's search (desktop, no throttling, median of 5).",
  };
  for (const part of PARTS) {
    if (!only.has(part)) continue;
    process.stdout.write(`\n## ${part}\n${sections[part]}\n\n${table(part).join("\n")}\n`);
  }
  process.stdout.write(`\n${machine.join("\n")}\n`);
  if (failed.length) process.stdout.write(`\nFailing budgets: ${failed.length}\n${failed.map((r) => `- ${r.page}: ${r.metric} = ${fmt(r.value, r.unit)} (budget ${r.budget})`).join("\n")}\n`);
  if (failures.length) process.stdout.write(`\nParts that did not complete:\n${failures.map((f) => `- ${f}`).join("\n")}\n`);
  if (!values["no-write"]) writeReport(sections, machine, failed, failures);
  process.exitCode = failed.length || failures.length ? 1 : 0;
}

function lighthouseVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, "node_modules/lighthouse/package.json"), "utf8")) as {version: string}).version;
  } catch {
    return "?";
  }
}

/** docs/performance.md: each part in its own marked section, so a partial run (--only) keeps the others; notes after <!-- notes --> are kept. */
function writeReport(sections: Record<Part, string>, machine: string[], failed: Row[], failures: string[]): void {
  const file = join(ROOT, "docs/performance.md");
  const old = existsSync(file) ? readFileSync(file, "utf8") : "";
  const block = (part: Part) => {
    if (only.has(part)) {
      const body = [`### ${part}`, "", sections[part], "", ...(part === "compile" && profileLines.length ? [...table(part), "", ...profileLines] : table(part)), "", "Measured on:", "", ...machine];
      if (failures.some((f) => f.startsWith(part))) body.push("", `This part did not complete: ${failures.filter((f) => f.startsWith(part)).join("; ")}`);
      if (part === "compile" && !profileLines.length) {
        const kept = new RegExp(`<!-- profile -->([\\s\\S]*?)<!-- /profile -->`).exec(old)?.[1];
        if (kept) body.push("", `<!-- profile -->${kept}<!-- /profile -->`);
      } else if (part === "compile") {
        body.splice(body.indexOf(profileLines[0]), profileLines.length, "<!-- profile -->", ...profileLines, "<!-- /profile -->");
      }
      return `<!-- bench:${part} -->\n${body.join("\n")}\n<!-- /bench:${part} -->`;
    }
    return new RegExp(`<!-- bench:${part} -->[\\s\\S]*?<!-- /bench:${part} -->`).exec(old)?.[0] ?? `<!-- bench:${part} -->\n### ${part}\n\nNot measured yet: \`npx tsx test/bench/run.ts --only ${part}\`.\n<!-- /bench:${part} -->`;
  };
  const notes = /<!-- notes -->[\s\S]*$/.exec(old)?.[0] ?? "<!-- notes -->\n";
  const text = [
    "# Performance", "",
    "Budgets from the issue \"a student on a phone gets a readable, interactive chapter at once; a forker with 10,000 articles gets tables in about a minute\", measured by `npm run bench` (`test/bench/run.ts`; parts with `--only pages|interaction|build|compile`, corpus sizes with `--sizes`). A failing budget makes the run exit non-zero. Each section below says when and where it was measured; the figures are from a shared 2-core machine under other load, so read them as medians with wide error bars.", "",
    ...PARTS.map((p) => block(p) + "\n"),
    notes
  ].join("\n");
  writeFileSync(file, text);
  log(`wrote ${file}${failed.length ? ` (${failed.length} failing budgets)` : ""}`);
}

await main();
