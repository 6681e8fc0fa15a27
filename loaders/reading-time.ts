// Reading time of a page, from its Markdown source: the words a reader reads, at a steady pace.
// Code (fenced blocks, `${…}` expressions), front matter, HTML comments, tags and link targets
// are not read, so they are not counted. Pure: text in, numbers out.

export const WORDS_PER_MINUTE = 200;
/** A chart is read, not skimmed: its caption, its axes and a comparison or two. */
export const MINUTES_PER_CHART = 1;
/** A check for understanding: its question and choices are counted as words; this is the time to think and answer. */
export const MINUTES_PER_CHECK = 0.5;

export interface ReadingTime {
  words: number;
  minutes: number;
  charts?: number;
  checks?: number;
}

/** Charts (`lazyChart(` calls and `<figure class="chart">`s, once each) and checks (`check({` calls) on a page. */
export function countInteractive(markdown: string): {charts: number; checks: number} {
  const figures = (markdown.match(/<figure\b[^>]*class="[^"]*\bchart\b/g) ?? []).length;
  const lazy = (markdown.match(/\blazyChart\(/g) ?? []).length;
  return {charts: Math.max(figures, lazy), checks: (markdown.match(/\bcheck\(\{/g) ?? []).length};
}

/** The words a reader reads in the checks: each `question`, `why` and `choices` string of a `check({…})` call. */
export function checkText(markdown: string): string {
  const strings: string[] = [];
  const literal = /"((?:[^"\\]|\\.)*)"/g;
  for (const m of markdown.matchAll(/\b(?:question|why):\s*"((?:[^"\\]|\\.)*)"/g)) strings.push(m[1]);
  for (const m of markdown.matchAll(/\bchoices:\s*\[([^\]]*)\]/g)) for (const c of m[1].matchAll(literal)) strings.push(c[1]);
  return strings.join(" \n");
}

/** The prose of a Markdown page: no front matter, no fenced code, no `${…}`, no tags or URLs. */
export function proseText(markdown: string): string {
  let text = markdown.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  text = text.replace(/^---\n[\s\S]*?\n---(?:\n|$)/, "");
  text = stripFences(text);
  text = stripExpressions(text);
  return text
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<[^>\n]+>/g, " ")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/https?:\/\/\S+/g, " ");
}

// Fenced code blocks (``` or ~~~, up to three spaces of indent) run to a closing fence of the same
// character at least as long, or to the end of the file, as CommonMark says.
function stripFences(text: string): string {
  const out: string[] = [];
  let fence: {char: string; length: number} | null = null;
  for (const line of text.split("\n")) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (m && m[1][0] === fence.char && m[1].length >= fence.length && /^ {0,3}[`~]+\s*$/.test(line)) fence = null;
      continue;
    }
    if (m && !(m[1][0] === "`" && line.slice(m.index + m[0].length).includes("`"))) {
      fence = {char: m[1][0], length: m[1].length};
      continue;
    }
    out.push(line);
  }
  return out.join("\n");
}

// `${…}` inline expressions render charts, inputs or numbers; their source is code, not prose.
// Braces are balanced, and quoted strings inside are skipped, so `${f({a: "}"})}` is one expression.
function stripExpressions(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf("${", i);
    if (start < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, start) + " ";
    let depth = 0;
    let j = start + 1;
    let quote = "";
    for (; j < text.length; ++j) {
      const c = text[j];
      if (quote) {
        if (c === "\\") ++j;
        else if (c === quote) quote = "";
      } else if (c === '"' || c === "'" || c === "`") quote = c;
      else if (c === "{") ++depth;
      else if (c === "}" && --depth === 0) break;
    }
    i = j + 1;
  }
  return out;
}

const segmenter = new Intl.Segmenter("en", {granularity: "word"});

/** Words as Intl.Segmenter counts them (numbers count; punctuation and spaces do not). */
export function countWords(text: string): number {
  let n = 0;
  for (const s of segmenter.segment(text)) if (s.isWordLike) ++n;
  return n;
}

/**
 * Words of prose (and of the checks' questions, choices and explanations) at `wordsPerMinute`,
 * plus a minute per chart and half a minute per check; whole minutes, at least one for any page with words.
 */
export function readingTime(markdown: string, wordsPerMinute = WORDS_PER_MINUTE): ReadingTime {
  const words = countWords(proseText(markdown)) + countWords(checkText(markdown));
  const {charts, checks} = countInteractive(markdown);
  const total = words / wordsPerMinute + charts * MINUTES_PER_CHART + checks * MINUTES_PER_CHECK;
  const out: ReadingTime = {words, minutes: words === 0 ? 0 : Math.max(1, Math.round(total))};
  if (charts) out.charts = charts;
  if (checks) out.checks = checks;
  return out;
}

/** Reading time of each page, keyed by page name (file name without `.md`), in name order. */
export function readingTimes(pages: Record<string, string>, wordsPerMinute = WORDS_PER_MINUTE): Record<string, ReadingTime> {
  const out: Record<string, ReadingTime> = {};
  for (const name of Object.keys(pages).sort()) out[name] = readingTime(pages[name], wordsPerMinute);
  return out;
}
