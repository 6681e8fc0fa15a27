import type {Block, BlockKind} from "./blocks.ts";
import type {BoilerplateRule} from "./lexicon.ts";
import type {RemovedReason} from "./tables.ts";
import {countTokens} from "./text.ts";

export interface KeptBlock { kind: BlockKind; line: number; text: string }
export interface RemovedBlock { line: number; text: string; reason: RemovedReason; rule: string }

/**
 * Sections (a job board, a comment form) are page furniture only near the end of a page; the
 * first part of an article is never swallowed by one, whatever words it uses.
 */
const SECTION_MIN_POSITION = 0.5;
/** A section runs on over short blocks (ads, form labels, policy lines) and stops at the first long one. */
const SECTION_BLOCK_MAX_WORDS = 60;

/**
 * Separates page furniture from the article. Every block ends up in exactly one of the two
 * lists, and a prefix rule splits a block in two, so the words of the input are exactly the
 * words of kept plus removed.
 */
export function removeBoilerplate(blocks: Block[], rules: BoilerplateRule[], language = "und"): {kept: KeptBlock[]; removed: RemovedBlock[]} {
  const applicable = rules.filter((r) => !r.language || r.language === language || language === "und");
  const kept: KeptBlock[] = [];
  const removed: RemovedBlock[] = [];
  const total = blocks.reduce((n, b) => n + b.text.length, 0);
  let seen = 0;
  let section: {reason: RemovedReason; rule: string} | null = null;
  for (const block of blocks) {
    let {text} = block;
    const position = total ? seen / total : 0;
    seen += text.length;
    for (const rule of applicable) {
      if (rule.scope !== "prefix") continue;
      const m = rule.pattern.exec(text);
      if (m && m.index === 0 && m[0].length < text.length) {
        removed.push({line: block.line, text: m[0].trim(), reason: rule.reason, rule: rule.source});
        text = text.slice(m[0].length);
      }
    }
    const n = countTokens(text);
    const rule = applicable.find((r) => r.scope !== "prefix" && n <= r.maxWords && r.pattern.test(text));
    if (rule) {
      removed.push({line: block.line, text, reason: rule.reason, rule: rule.source});
      section = rule.scope === "section" && position >= SECTION_MIN_POSITION ? {reason: rule.reason, rule: rule.source} : null;
    } else if (section && n <= SECTION_BLOCK_MAX_WORDS) {
      removed.push({line: block.line, text, reason: section.reason, rule: `${section.rule} (section)`});
    } else {
      section = null;
      kept.push({kind: block.kind, line: block.line, text});
    }
  }
  return {kept, removed};
}
