// The teacher notes' scenario links (src/*.md, inside <div class="teacher-only teacher-notes">) and
// the query parameters each page reads: every `urlState(input, "key")` call in the page's cells,
// and every key read straight from `new URLSearchParams(location.search)`. Shared by the unit test
// (test/teacher-notes.test.ts) and the handout's browser test.
import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";

/**
 * Parameters every page reads through components/classroom.js: the views it switches on with
 * `flag(location.search, "name")` (classroom, teacher, and speaker for the speaker's window). Read
 * from the component rather than listed here, so that a view added or renamed there is known here.
 */
export function viewParams(source = readFileSync("src/components/classroom.js", "utf8")): string[] {
  return [...new Set([...source.matchAll(/\bflag\(\s*location\.search\s*,\s*"([^"]+)"\s*\)/g)].map((m) => m[1]))].sort();
}
export const VIEW_PARAMS = viewParams();

export interface ScenarioLink {
  /** The page whose notes hold the link ("seeding"). */
  from: string;
  /** The page it opens, without ".html" ("seeding"). */
  page: string;
  href: string;
  text: string;
  params: [string, string][];
  hash: string;
}

/**
 * What is wrong with a scenario link: a page that does not exist, or a query parameter its page
 * does not read (a link setting it would open the default scenario, not the one the note describes).
 */
export function linkProblems(link: ScenarioLink, md: Map<string, string>): string[] {
  const target = md.get(link.page);
  if (!target) return [`${link.href} opens no page of the site`];
  const known = new Set([...pageParams(target), ...VIEW_PARAMS]);
  const problems: string[] = [];
  for (const [key, value] of link.params) {
    if (!known.has(key)) problems.push(`${link.href} sets “${key}”, which ${link.page}.md does not read (it reads ${[...known].sort().join(", ")})`);
    else if (value === "" && !VIEW_PARAMS.includes(key)) problems.push(`${link.href} gives “${key}” no value`);
  }
  return problems;
}

/** The teacher-notes blocks of a page's Markdown, as written. */
export function teacherNotes(markdown: string): string[] {
  return [...markdown.matchAll(/<div class="teacher-only teacher-notes">([\s\S]*?)<\/div>/g)].map((m) => m[1]);
}

/** Every link to a page of the site with a query string inside the page's teacher notes. */
export function scenarioLinks(from: string, markdown: string): ScenarioLink[] {
  const links: ScenarioLink[] = [];
  for (const notes of teacherNotes(markdown)) {
    for (const [, text, href] of notes.matchAll(/\[([^\]]+)\]\(([^)\s]+)\)/g)) {
      const url = new URL(href, `http://site/${from}.html`);
      if (url.host !== "site" || !url.search) continue;
      links.push({from, page: url.pathname.replace(/^\//, "").replace(/\.html$/, "") || "index", href, text, params: [...url.searchParams], hash: decodeURIComponent(url.hash.slice(1))});
    }
  }
  return links;
}

/** The query parameters a page's cells read (its urlState keys and direct URLSearchParams reads). */
export function pageParams(markdown: string): Set<string> {
  const keys = new Set<string>();
  for (const call of markdown.matchAll(/\burlState\(/g)) {
    const key = secondArgument(markdown, call.index! + call[0].length);
    if (key !== undefined) keys.add(key);
  }
  const direct = /new URLSearchParams\(location\.search\)\.(?:get|has)\(\s*"([^"]+)"\s*\)/g;
  for (const m of markdown.matchAll(direct)) keys.add(m[1]);
  // A variable holding the page's parameters: const params = new URLSearchParams(location.search); params.get("x")
  for (const [, name] of markdown.matchAll(/\b(\w+)\s*=\s*new URLSearchParams\(location\.search\)/g)) {
    for (const m of markdown.matchAll(new RegExp(`\\b${name}\\.(?:get|has)\\(\\s*"([^"]+)"\\s*\\)`, "g"))) keys.add(m[1]);
    // A helper called with the key as its first argument: percent("share_low", …) reading params.get(key).
    for (const [, helper] of markdown.matchAll(new RegExp(`\\b(\\w+)\\s*=\\s*\\(\\s*key\\b[^)]*\\)\\s*=>[^\\n]*\\b${name}\\.(?:get|has)\\(\\s*key\\s*\\)`, "g"))) {
      for (const m of markdown.matchAll(new RegExp(`\\b${helper}\\(\\s*"([^"]+)"`, "g"))) keys.add(m[1]);
    }
  }
  return keys;
}

/**
 * The second top-level argument of a call whose arguments start at `start`, when it is a string
 * literal. Strings, template literals and nested brackets are skipped, so commas inside
 * `rangeInput([0, 8], {label: "a, b"})` do not count.
 */
function secondArgument(source: string, start: number): string | undefined {
  let depth = 0;
  let argument = 0;
  let argStart = start;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '"' || c === "'" || c === "`") {
      i = skipString(source, i);
      continue;
    }
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) {
      if (depth === 0) return argument === 1 ? literal(source.slice(argStart, i)) : undefined;
      depth--;
    } else if (c === "," && depth === 0) {
      if (argument === 1) return literal(source.slice(argStart, i));
      argument++;
      argStart = i + 1;
    }
  }
  return undefined;
}

function skipString(source: string, i: number): number {
  const quote = source[i];
  for (let j = i + 1; j < source.length; j++) {
    if (source[j] === "\\") j++;
    else if (quote === "`" && source[j] === "$" && source[j + 1] === "{") {
      let depth = 1;
      for (j += 2; j < source.length && depth; j++) {
        if (source[j] === "{") depth++;
        else if (source[j] === "}") depth--;
        else if (`"'\``.includes(source[j])) j = skipString(source, j);
      }
      j--;
    } else if (source[j] === quote) return j;
  }
  return source.length;
}

function literal(text: string): string | undefined {
  const m = /^\s*(["'])((?:\\.|(?!\1).)*)\1\s*$/.exec(text);
  return m ? m[2] : undefined;
}

/** Every page's Markdown under src/, by page name. */
export function pages(dir = "src"): Map<string, string> {
  return new Map(readdirSync(dir).filter((f) => f.endsWith(".md")).map((f) => [f.replace(/\.md$/, ""), readFileSync(join(dir, f), "utf8")]));
}
