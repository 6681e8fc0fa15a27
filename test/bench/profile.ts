// Reads a V8 .cpuprofile (node --cpu-prof) and lists the functions with the most self time.
// npx tsx test/bench/profile.ts FILE.cpuprofile [--top 25]
import {readFileSync} from "node:fs";
import {relative} from "node:path";

interface ProfileNode {
  id: number;
  callFrame: {functionName: string; url: string; lineNumber: number; columnNumber: number};
  children?: number[];
}
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export interface SelfTime { name: string; where: string; ms: number; share: number }

/** Self time per function (summed over every node with the same name and location), largest first. */
export function selfTimes(profile: CpuProfile, root = process.cwd()): SelfTime[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const ms = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; ++i) ms.set(profile.samples[i], (ms.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  const total = [...ms.values()].reduce((a, b) => a + b, 0);
  const sums = new Map<string, SelfTime>();
  for (const [id, t] of ms) {
    const {functionName, url, lineNumber} = byNode.get(id)!.callFrame;
    const file = url.replace(/^file:\/\//, "");
    const where = file ? `${file.startsWith("/") ? relative(root, file) : file}:${lineNumber + 1}` : "";
    const name = functionName || "(anonymous)";
    const key = `${name}@${where}`;
    const s = sums.get(key) ?? sums.set(key, {name, where, ms: 0, share: 0}).get(key)!;
    s.ms += t;
  }
  return [...sums.values()].map((s) => ({...s, share: s.ms / total})).sort((a, b) => b.ms - a.ms);
}

/** Self time summed by source file: which module the time is spent in. */
export function selfTimesByFile(profile: CpuProfile, root = process.cwd()): Array<{file: string; ms: number; share: number}> {
  const sums = new Map<string, number>();
  for (const s of selfTimes(profile, root)) {
    const file = s.where.replace(/:\d+$/, "") || s.name;
    sums.set(file, (sums.get(file) ?? 0) + s.ms);
  }
  const total = [...sums.values()].reduce((a, b) => a + b, 0);
  return [...sums].map(([file, ms]) => ({file, ms, share: ms / total})).sort((a, b) => b.ms - a.ms);
}

export function readProfile(path: string): CpuProfile {
  return JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  const top = Number(process.argv[process.argv.indexOf("--top") + 1]) || 25;
  const profile = readProfile(file);
  for (const s of selfTimes(profile).slice(0, top)) console.log(`${s.ms.toFixed(0).padStart(8)} ms ${(s.share * 100).toFixed(1).padStart(5)}%  ${s.name}  ${s.where}`);
  console.log("--- by file");
  for (const s of selfTimesByFile(profile).slice(0, 15)) console.log(`${s.ms.toFixed(0).padStart(8)} ms ${(s.share * 100).toFixed(1).padStart(5)}%  ${s.file}`);
}
