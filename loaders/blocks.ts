import MarkdownIt from "markdown-it";


export type BlockKind = "heading" | "paragraph" | "list_item";

/** A block of an article: its text as written (markup markers stripped) and its 1-based source line. */
export interface Block {
  kind: BlockKind;
  line: number;
  text: string;
}

// html: false keeps any markup in an article as literal text; we never render it anyway.
const md = new MarkdownIt({html: false, linkify: false, typographer: false});

/**
 * Splits an article into blocks using markdown-it's token stream and its source line maps.
 * News text dumps put one paragraph on each line with no blank line between them, which
 * markdown would merge into one paragraph; so a paragraph is split again at every line break
 * that does not fall mid-sentence. Lines markdown-it consumes without a token (link reference
 * definitions, setext underlines) are kept as paragraphs so that no word is ever dropped.
 */
export function splitBlocks(text: string): Block[] {
  const lines = text.split("\n");
  const tokens = md.parse(text, {});
  const blocks: Block[] = [];
  const covered = new Uint8Array(lines.length);
  let listDepth = 0;
  for (const token of tokens) {
    if (token.type === "list_item_open") ++listDepth;
    else if (token.type === "list_item_close") --listDepth;
    if (!token.map || !isLeafBlock(token)) continue;
    const [from, to] = token.map;
    for (let i = from; i < to; ++i) covered[i] = 1;
    const kind: BlockKind = token.type === "heading_open" ? "heading" : listDepth > 0 ? "list_item" : "paragraph";
    if (token.type === "paragraph_open" || token.type === "heading_open") {
      pushLines(blocks, lines, from, to, kind, token.type === "heading_open");
    } else {
      // Code, tables and the like are kept whole, exactly as written.
      const raw = lines.slice(from, to).join("\n").trim();
      if (raw) blocks.push({kind, line: from + 1, text: raw});
    }
  }
  for (let i = 0; i < lines.length; ++i) {
    if (!covered[i] && /[\p{L}\p{N}]/u.test(lines[i])) blocks.push({kind: "paragraph", line: i + 1, text: lines[i].trim()});
  }
  blocks.sort((a, b) => a.line - b.line);
  return blocks.map((b) => (prose.has(b) ? classify(b) : b));
}

function isLeafBlock(token: {type: string}): boolean {
  return ["paragraph_open", "heading_open", "fence", "code_block", "html_block", "table_open"].includes(token.type);
}

// Blocks read from markdown paragraphs, the only ones whose kind is guessed from their shape.
const prose = new WeakSet<Block>();

function pushLines(blocks: Block[], lines: string[], from: number, to: number, kind: BlockKind, isHeading: boolean): void {
  let current: Block | null = null;
  for (let i = from; i < to; ++i) {
    const text = stripMarkers(lines[i], isHeading).trim();
    if (!text || /^[=-]+$/.test(text) && isHeading) continue;
    // A line longer than any wrap width is a whole paragraph of a line-per-paragraph dump: the
    // next line starts a block even in lower case ("di Giulia Ferraresi" after a standfirst).
    // A short line ("di Giulia Ferraresi") was not wrapped either: wrapping fills a line.
    if (current && (!endsMidSentence(current.text, text) || lines[i - 1].length > WRAP_MAX || lines[i - 1].trim().length < WRAP_MIN)) current = null;
    if (current) current.text += " " + text;
    else {
      blocks.push((current = {kind: kind === "list_item" && i > from && isLazyLine(lines[i]) ? "paragraph" : kind, line: i + 1, text}));
      prose.add(current);
    }
  }
}

// A line that continues a list item without indentation ("lazy continuation") is, in a
// line-per-paragraph dump, the paragraph after the list.
function isLazyLine(line: string): boolean {
  return !/^\s/.test(line) && !/^(?:[-*+]|\d{1,9}[.)])(?:\s|$)/.test(line);
}

// Container markers (blockquote ">", list bullets, ATX "#") are markup, not article text.
function stripMarkers(line: string, isHeading: boolean): string {
  let s = line.replace(/^\s{0,3}(?:>\s?)+/, "");
  // An ordered-list marker that is really a date ("2. 7. 2025", Hungarian "2025. május 2.") stays:
  // it is a word of the page.
  s = s.replace(/^\s{0,3}(?:[-*+]|(\d{1,9})[.)])(?:\s+|$)/, (marker, n: string | undefined, _at: number, all: string) =>
    n !== undefined && (Number(n) > 999 || /^\d/.test(all.slice(marker.length))) ? marker : "");
  if (isHeading) s = s.replace(/^\s{0,3}#{1,6}(?:\s+|$)/, "").replace(/\s+#+\s*$/, "");
  return s;
}

// A hard-wrapped line ends mid-sentence: with a letter, digit, comma or hyphen and the next line
// starts in lower case. Anything else is read as a paragraph break of a line-per-paragraph dump.
function endsMidSentence(previous: string, next: string): boolean {
  return /[\p{Ll}\p{N},;\-–]$/u.test(previous) && /^[\p{Ll}(]/u.test(next);
}

const HEADING_MAX_WORDS = 14;
const WRAP_MAX = 140;
const WRAP_MIN = 22;

// Plain-text dumps lose heading markup; a short line without closing punctuation is a heading.
function classify(block: Block): Block {
  if (block.kind !== "paragraph") return block;
  const words = block.text.split(/\s+/).filter(Boolean).length;
  const last = block.text.at(-1) ?? "";
  const question = last === "?" && words <= 8;
  if (words <= HEADING_MAX_WORDS && !block.text.includes("\n") && (question || /[\p{L}\p{N}]/u.test(last)) && /\p{L}/u.test(block.text)) {
    return {...block, kind: "heading"};
  }
  return block;
}
