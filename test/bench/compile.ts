// The compile CLI as a child process, timed: wall seconds, CPU seconds and peak memory.
// Peak memory comes from `/usr/bin/time -v` when it is installed, else from the child's own
// process.resourceUsage().maxRSS (printed by a tiny preload, see MAXRSS_HOOK).
import {spawn} from "node:child_process";
import {existsSync, mkdirSync, readdirSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TIME = "/usr/bin/time";

export interface CompileRun {
  articles: number;
  wallSeconds: number;
  cpuSeconds: number;
  maxRssBytes: number;
  status: number | null;
  tables: string[];
  stderr: string;
  /** How maxRss was measured. */
  rssFrom: "time -v" | "resourceUsage";
}

// Written once to a temp file and preloaded with --import when /usr/bin/time is missing.
const MAXRSS_HOOK = `process.on("exit", () => { const u = process.resourceUsage(); process.stderr.write("\\nbench-usage " + JSON.stringify({maxRSS: u.maxRSS * 1024, user: u.userCPUTime, system: u.systemCPUTime}) + "\\n"); });\n`;

/**
 * Runs `node --import tsx loaders/cli.ts --articles DIR --out DIR --quiet` in `root` (the project,
 * or a patched copy of it) and measures it. `nodeArgs` go before the script (e.g. --cpu-prof).
 */
export async function runCompile({articles, out, root = ROOT, nodeArgs = [], extra = []}: {articles: string; out: string; root?: string; nodeArgs?: string[]; extra?: string[]}): Promise<CompileRun> {
  mkdirSync(out, {recursive: true});
  const useTime = existsSync(TIME);
  const args = ["--import", "tsx", ...nodeArgs];
  if (!useTime) {
    const hook = join(tmpdir(), "ledger-bench-maxrss.mjs");
    writeFileSync(hook, MAXRSS_HOOK);
    args.push("--import", hook);
  }
  args.push("loaders/cli.ts", "--articles", articles, "--out", out, "--quiet", ...extra);
  const [command, argv] = useTime ? [TIME, ["-v", process.execPath, ...args]] : [process.execPath, args];
  const started = performance.now();
  const {status, stderr} = await new Promise<{status: number | null; stderr: string}>((resolve, reject) => {
    const child = spawn(command, argv, {cwd: root, stdio: ["ignore", "ignore", "pipe"], env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"}});
    let err = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({status: code, stderr: err}));
  });
  const wallSeconds = (performance.now() - started) / 1000;
  let maxRssBytes = NaN;
  let cpuSeconds = NaN;
  if (useTime) {
    maxRssBytes = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1]) * 1024;
    cpuSeconds = Number(/User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1]) + Number(/System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1]);
  } else {
    const usage = /bench-usage (\{.*\})/.exec(stderr);
    if (usage) {
      const u = JSON.parse(usage[1]) as {maxRSS: number; user: number; system: number};
      maxRssBytes = u.maxRSS;
      cpuSeconds = (u.user + u.system) / 1e6;
    }
  }
  const count = Number(/compiled (\d+) articles/.exec(stderr)?.[1] ?? NaN);
  const tables = existsSync(out) ? readdirSync(out).filter((f) => f.endsWith(".csv")).sort() : [];
  return {articles: count, wallSeconds, cpuSeconds, maxRssBytes, status, tables, stderr, rssFrom: useTime ? "time -v" : "resourceUsage"};
}

export function median(xs: number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
