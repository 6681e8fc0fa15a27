// "Host" is a role the passage gives a company, not a property of its name.
//
// An entity of kind host in the lexicon (Nvidia, Dell, AWS …) is a host mention only where the
// sentence presents it as hosting or offering Llama; elsewhere (Nvidia as the GPU maker, a
// competitor, a contractor) it is a company mention. The cues are word stems per language in
// data/lexicon/host_roles.csv (role host or other), matched at word starts (anywhere in scripts
// written without spaces). Per host mention, in its sentence:
//   1. a partner list (another host entity a list's gap away) makes it a host, unless a cue
//      of another role sits right beside it (within ADJACENT characters);
//   2. otherwise a cue of another role right beside it makes it a company, and else the
//      nearest cue within REACH decides: host cue → host, other cue → company;
//   3. with no cue, a Llama model named in the sentence makes it a host ("Llama on AWS");
//   4. a sentence of nothing but names is an entry of a list, and lists name partners: host;
//   5. otherwise it is a company.

import fs from "node:fs";
import {InputError, parseCsv} from "../csv.ts";
import type {MentionKind} from "../tables.ts";

export type HostRole = "host" | "other";

export interface HostCue {
  role: HostRole;
  language: string;
  term: string;
  line: number;
}

export interface HostCues {
  file: string;
  cues: readonly HostCue[];
}

export function parseHostCues(csvText: string, file: string): HostCues {
  const cues = parseCsv(csvText, file, ["role", "language", "term"] as const).map((row) => {
    const role = row.role.trim();
    if (role !== "host" && role !== "other") throw new InputError(file, row._line, `unknown role "${row.role}" (expected host or other)`);
    const term = row.term.trim().toLowerCase();
    if (!term) throw new InputError(file, row._line, "empty term");
    const language = row.language.trim().toLowerCase();
    if (language && !/^[a-z]{2,3}$/.test(language)) throw new InputError(file, row._line, `language "${row.language}" is not an ISO 639 code`);
    return {role: role as HostRole, language, term, line: row._line};
  });
  return {file, cues};
}

let cached: HostCues | undefined;

export function defaultHostCues(): HostCues {
  if (!cached) {
    const text = fs.readFileSync(new URL("../../data/lexicon/host_roles.csv", import.meta.url), "utf8");
    cached = parseHostCues(text, "data/lexicon/host_roles.csv");
  }
  return cached;
}

const SPACELESS = /[\p{scx=Han}\p{scx=Hira}\p{scx=Kana}\p{sc=Thai}]/u;

interface CueIndex { byFirst: Map<string, Array<{term: string; spaceless: boolean}>> }

const compiled = new WeakMap<HostCues, Map<string, CueIndex>>();

// Per language and role, the stems by their first character; a language without cues of its
// own uses every language's.
function cueIndex(cues: HostCues, language: string, role: HostRole): CueIndex {
  let byKey = compiled.get(cues);
  if (!byKey) compiled.set(cues, (byKey = new Map()));
  const key = `${language}\u0000${role}`;
  let index = byKey.get(key);
  if (!index) {
    const ofRole = cues.cues.filter((c) => c.role === role);
    let chosen = ofRole.filter((c) => c.language === language);
    chosen = chosen.length ? [...chosen, ...ofRole.filter((c) => c.language === "")] : ofRole;
    index = {byFirst: new Map()};
    for (const term of [...new Set(chosen.map((c) => c.term))].sort((a, b) => b.length - a.length)) {
      const first = term[0];
      (index.byFirst.get(first) ?? index.byFirst.set(first, []).get(first)!).push({term, spaceless: SPACELESS.test(first)});
    }
    byKey.set(key, index);
  }
  return index;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

// Stems found at word starts (anywhere for scripts without spaces), as [start, end) in `lower`,
// which has the same offsets as the text (the caller checks).
function findCues(lower: string, index: CueIndex): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  for (let i = 0; i < lower.length; ++i) {
    const candidates = index.byFirst.get(lower[i]);
    if (!candidates) continue;
    const wordStart = i === 0 || !WORD.test(lower[i - 1]);
    for (const c of candidates) {
      if ((c.spaceless || wordStart) && lower.startsWith(c.term, i)) { out.push([i, i + c.term.length]); break; }
    }
  }
  return out;
}

const ADJACENT = 12;
/** The most characters between two items of one list ("AWS, Microsoft Azure, Google Cloud und …"). */
const LIST_GAP = 24;
/** Cues further from the name than this (in characters) belong to another clause. */
const REACH = 80;

interface Span { entity: string; kind: MentionKind; start: number; end: number }

function sentenceBounds(text: string): number[] {
  const ends: number[] = [];
  for (const m of text.matchAll(/[.!?;。！？；](?=\s|$)|[。！？]/gu)) ends.push(m.index + m[0].length);
  return ends;
}

// A sentence that is nothing but names ("AWS (Amazon Web Services)", a list item of a partner
// list, "Dell, Groq") is an entry of a list, and the lists that name hosts name partners.
function bareList(text: string, s: number, e: number, mentions: readonly Span[]): boolean {
  let rest = "";
  let at = s;
  for (const m of mentions) {
    if (m.end <= s || m.start >= e) continue;
    rest += text.slice(at, m.start);
    at = m.end;
  }
  rest += text.slice(at, e);
  return !/[\p{L}\p{N}]/u.test(rest.replace(/\b(?:and|und|et|y|e|en|og|och|ja|i|и|і|та|και|و|ו)\b/giu, ""));
}

/** The kind each mention takes in its passage: host-kind entities become "company" outside a hosting role. */
export function rolesOf<T extends Span>(text: string, language: string, mentions: readonly T[], cues: HostCues = defaultHostCues()): MentionKind[] {
  if (!mentions.some((m) => m.kind === "host")) return mentions.map((m) => m.kind);
  const key = (language || "").toLowerCase().split(/[-_]/)[0];
  // Lower-casing keeps the offsets in every script the cues are written in; where it does not
  // (a rare character that grows), the text is searched as it is and capitals miss.
  const folded = text.toLowerCase();
  const lower = folded.length === text.length ? folded : text;
  const find = (role: HostRole) => findCues(lower, cueIndex(cues, key, role));
  const hostCues = find("host");
  const otherCues = find("other");
  const ends = sentenceBounds(text);
  const sentenceOf = (x: number) => {
    let s = 0;
    for (const e of ends) { if (e > x) return [s, e] as const; s = e; }
    return [s, text.length] as const;
  };
  const inside = (x: readonly [number, number], m: Span) => x[0] < m.start || x[0] >= m.end;
  // Two host names a short stretch apart, with no cue of another role and no clause break
  // between them, are items of one list ("AWS, Microsoft Azure und Google Cloud").
  const inList = (a: Span, b: Span) => {
    const [from, to] = a.end <= b.start ? [a.end, b.start] : [b.end, a.start];
    if (to - from > LIST_GAP || /[;；。，]/u.test(text.slice(from, to))) return false;
    return !otherCues.some((c) => c[0] >= from && c[1] <= to);
  };
  return mentions.map((m) => {
    if (m.kind !== "host") return m.kind;
    const [s, e] = sentenceOf(m.start);
    // A full-width comma or semicolon ends a clause ("英伟达提供芯片，而亚马逊云科技托管…").
    const here = (c: readonly [number, number]) => c[0] >= s && c[1] <= e && inside(c, m) &&
      !/[；;，]/u.test(text.slice(Math.min(c[1], m.end), Math.max(c[0], m.start)));
    const dist = (c: readonly [number, number]) => Math.max(0, c[0] - m.end, m.start - c[1]);
    const nearest = (cs: ReadonlyArray<readonly [number, number]>) => cs.filter(here).reduce((d, c) => Math.min(d, dist(c)), Infinity);
    const h = nearest(hostCues);
    const o = nearest(otherCues);
    const listed = mentions.some((x) => x.kind === "host" && x.entity !== m.entity && x.start >= s && x.end <= e && inList(x, m));
    if (listed) return o <= ADJACENT && o < h ? "company" : "host";
    // A chip or rival word right beside the name says more than a verb such as "offers" or
    // "提供" that also goes with chips; further away the nearer cue decides.
    if (o <= ADJACENT) return "company";
    if (h <= REACH || o <= REACH) return h <= o ? "host" : "company";
    if (mentions.some((x) => x.kind === "model" && x.start >= s && x.end <= e)) return "host";
    return bareList(text, s, e, mentions) ? "host" : "company";
  });
}
