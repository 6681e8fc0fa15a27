// Artefacts inside a kept paragraph: a photo credit or an ad label that the copy glued to a
// sentence ("…29 de abril.Foto: Reuters", "…e Groq.PUBBLICITÀ Un anno fa"), a screen-reader
// label after a link (lexicon rows of scope "inline"). They are cut out; the paragraph stays.
import type {BoilerplateRule} from "../lexicon.ts";
import type {RemovedReason} from "../tables.ts";
import {agencyCredit} from "./agency-credit.ts";

export interface Cut { start: number; end: number; reason: RemovedReason; rule: string }

// An all-capitals word glued (no space) to the end of a sentence, before a new sentence or the end.
const GLUED_CAPS = /[\p{Ll}\p{Nd}][.!?…»”")](\p{Lu}[\p{Lu}\p{M}]{3,})(?=\s+\p{Lu}|\s*$)/gu;
const GLUED_PREFILTER = /[.!?…»”")]\p{Lu}/u;
// Rules anchored at the end only need the end of a block: long paragraphs are not scanned whole.
const TAIL = 160;
// A credit after the last sentence of a caption or after a separator: one label word, a colon,
// one to four names ("…abril.Foto: Reuters", "…(Californie).Photo : AFP", "… | צילום: רויטרס",
// "… / Foto: Shutterstock").
const NAMEY = String.raw`(?:[\p{Lu}\p{Lt}]|(?![\p{Ll}])\p{L})[^\s:：()（）]*`;
const CREDIT_TAIL = new RegExp(String.raw`(?<=[\p{L}\p{Nd}][)»”"]?[.!?…»”")]\s?|\s[|·—–/-]\s)(${NAMEY}\s*[:：]\s*${NAMEY}(?:\s${NAMEY}){0,3})\s*$`, "u");
// A credit in brackets anywhere: "(Foto: Reuters)", "（图源：视觉中国）", "(사진=로이터)".
const CREDIT_BRACKETS = new RegExp(String.raw`[(（\[［]\s*\p{L}[\p{L}\p{M}]{0,14}(?:\s\p{L}[\p{L}\p{M}]{0,14})?\s*[:：=](?!\/)\s*[^\s:：()（）\[\]［］]+(?:\s[^\s:：()（）\[\]［］]+){0,3}\s*[)）\]］]`, "gu");

const globalPatterns = new WeakMap<BoilerplateRule, RegExp>();

export function inlineCuts(text: string, rules: BoilerplateRule[], language = "und"): Cut[] {
  const cuts: Cut[] = [];
  for (const rule of rules) {
    if (rule.scope !== "inline") continue;
    let g = globalPatterns.get(rule);
    if (!g) globalPatterns.set(rule, (g = new RegExp(rule.pattern.source, "giu")));
    const from = rule.pattern.source.endsWith("$") ? Math.max(0, text.length - TAIL) : 0;
    if (from === 0 && rule.pattern.source.startsWith("\\(") && !text.includes("(")) continue;
    for (const m of text.slice(from).matchAll(g)) if (m[0]) cuts.push({start: from + m.index!, end: from + m.index! + m[0].length, reason: rule.reason, rule: rule.source});
  }
  if (GLUED_PREFILTER.test(text)) for (const m of text.matchAll(GLUED_CAPS)) cuts.push({start: m.index! + 2, end: m.index! + 2 + m[1].length, reason: "advert", rule: "shape:glued-label"});
  if (/[:：=]/u.test(text) && /[(（\[［]/u.test(text)) for (const m of text.matchAll(CREDIT_BRACKETS)) cuts.push({start: m.index!, end: m.index! + m[0].length, reason: "other", rule: "shape:credit-brackets"});
  const tailFrom = Math.max(0, text.length - TAIL);
  const credit = /[:：]/u.test(text.slice(tailFrom)) ? CREDIT_TAIL.exec(text.slice(tailFrom)) : null;
  if (credit) {
    const at = tailFrom + credit.index;
    if (at > 12 && (text.slice(0, at).match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= 4) cuts.push({start: at, end: at + credit[1].length, reason: "other", rule: "shape:credit-tail"});
  }
  const agency = agencyCredit(text, language, TAIL);
  if (agency) cuts.push({start: agency.start, end: agency.end, reason: "other", rule: "shape:agency-credit"});
  // Nothing is cut out of link or image syntax: a banner is removed whole, as one block.
  if (cuts.length === 0) return cuts;
  const links = !text.includes("](") ? [] : [...text.matchAll(MARKDOWN_LINK)].map((m) => [m.index!, m.index! + m[0].length]);
  return settle(text, links.length ? cuts.filter((c) => !links.some(([a, b]) => c.start < b && c.end > a)) : cuts);
}

const MARKDOWN_LINK = /!?\[(?:[^\[\]]|!?\[[^\[\]]*\]\([^()\s]*\))*\]\([^()\s]*\)/gu;

// Cuts never overlap and never split a word: "статьюMeta" stays whole, since the words of the
// page must all be found again in passages or removed.
function settle(text: string, cuts: Cut[]): Cut[] {
  cuts.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Cut[] = [];
  let last = -1;
  for (const c of cuts) {
    while (c.start < c.end && /\s/u.test(text[c.start])) ++c.start;
    while (c.end > c.start && /\s/u.test(text[c.end - 1])) --c.end;
    if (c.start >= c.end || c.start < last) continue;
    if (wordChar(text[c.start - 1]) && wordChar(text[c.start]) || wordChar(text[c.end - 1]) && wordChar(text[c.end])) continue;
    out.push(c);
    last = c.end;
  }
  return out;
}

const wordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** The text with the cuts taken out, one space where a cut had space on both sides. */
export function applyCuts(text: string, cuts: Cut[]): string {
  let out = "";
  let at = 0;
  for (const c of cuts) {
    let piece = text.slice(at, c.start);
    if (/\s$/u.test(piece) && /^\s/u.test(text.slice(c.end))) piece = piece.replace(/\s+$/u, "");
    out += piece;
    at = c.end;
  }
  let rest = out + text.slice(at);
  // A separator the last cut left hanging at the end ("… California / Foto: …") went with it.
  if (!text.slice(at).trim()) rest = rest.replace(/\s[|·—–/-]\s*$/u, "");
  return rest.replace(/\s{2,}/gu, " ").trim();
}
