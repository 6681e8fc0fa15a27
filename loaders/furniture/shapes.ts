// Shapes of page furniture that hold in any language: they read punctuation, digits, letter
// case, link syntax, brand names and the language's stopwords (vocabulary.ts), never a phrase.
import type {RemovedReason} from "../tables.ts";
import {foldWord, type Vocabulary} from "./vocabulary.ts";
import {wordList} from "./measure.ts";

export interface Verdict { reason: RemovedReason; rule: string }

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
const SENTENCE_END = /[.!?…。！？؟।]["'”’»」』)\]]*$/u;
const MARKDOWN_LINK = /!?\[(?:[^\[\]]|!?\[[^\[\]]*\]\([^()\s]*\))*\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)/gu;
const AD_URL = /\b(?:ads?|adv|adserver|banner|promo|sponsor\w*|click|clk|utm_\w+|campaign|origem|affiliate)\b|\d{2,4}x\d{2,4}/iu;

const tokenCount = (s: string) => s.match(TOKEN)?.length ?? 0;
// Capitalised in a cased script, or written in a script without case (a name either way).
const namey = (w: string) => /^[\p{Lu}\p{Lt}]/u.test(w) || (/^\p{L}/u.test(w) && w.toLowerCase() === w.toUpperCase()) || /^\p{Nd}/u.test(w) === false && /[\/.]/u.test(w);

/** A block made only of markdown link or image syntax (an ad banner, a promoted link). */
export function linkOnly(text: string): Verdict | null {
  const links = text.match(MARKDOWN_LINK);
  if (!links) return null;
  const rest = text.replace(MARKDOWN_LINK, " ");
  if (tokenCount(rest) > 2) return null;
  const image = links.some((l) => l.includes("!["));
  return image || links.some((l) => AD_URL.test(l)) ? {reason: "advert", rule: "shape:link-banner"} : {reason: "navigation", rule: "shape:link-line"};
}

/** A bare URL or domain on its own line: a source credit or a link left by the copy. */
export function bareAddress(text: string): Verdict | null {
  const t = text.trim();
  return /^(?:https?:\/\/|www\.)\S+$/iu.test(t) || /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{Ll}{2,}(?:\/\S*)?$/u.test(t) ? {reason: "other", rule: "shape:address"} : null;
}

export function copyright(text: string, words: number): Verdict | null {
  return words <= 40 && /^\s*(?:©|\(c\)\s|copyright\b)|©/iu.test(text) ? {reason: "other", rule: "shape:copyright"} : null;
}

/** "Press Ctrl+Enter": an instruction about the site, not the story. */
export function keyboard(text: string, words: number): Verdict | null {
  return words <= 25 && /(?:^|[^\p{L}])(?:Ctrl|Alt|Shift|Cmd|⌘)\s*\+\s*\S/u.test(text) ? {reason: "other", rule: "shape:keyboard"} : null;
}

// Brand names are Latin or Cyrillic: next to Han or kana ("Xでポスト") they still stand alone.
const NETWORKS = /(?:^|[^\p{Script=Latin}\p{Script=Cyrillic}\p{N}])(facebook|twitter|x|whatsapp|linkedin|telegram|вконтакте|vk|одноклассники|pinterest|reddit|weibo|wechat|微信|微博|line|kakaotalk|카카오톡|zalo|viber|threads|bluesky|mastodon|flipboard|messenger|tumblr|xing|e-?mail|email|google news|youtube|instagram|tiktok)(?![\p{Script=Latin}\p{Script=Cyrillic}\p{N}])/giu;

/** Share and follow buttons: names of networks with little else. */
export function socialButtons(text: string, words: number, edge: boolean): Verdict | null {
  if (words > 15 || SENTENCE_END.test(text.trim())) return null;
  const found = new Set<string>();
  for (const m of text.matchAll(NETWORKS)) if (m[1] !== "x" && m[1] !== "X" || /(?:^|[\s·|•,:])X(?:$|[\s·|•,]|(?![\p{Script=Latin}])\p{L})/u.test(text)) found.add(m[1].toLowerCase());
  if (found.size === 0) return null;
  const separated = /[|·•:\u3000]/u.test(text) || repeatsWord(text);
  if (found.size >= 2 && (separated || edge)) return {reason: "social", rule: "shape:share"};
  if (edge && words <= 8) return {reason: "social", rule: "shape:follow"};
  return null;
}

function repeatsWord(text: string): boolean {
  const seen = new Set<string>();
  for (const [w] of text.matchAll(TOKEN)) {
    const k = w.toLowerCase();
    if (k.length > 3 && seen.has(k)) return true;
    seen.add(k);
  }
  return false;
}

const DIRECTIONAL = /\s*[›»>]\s*|\s+[\/|]\s+|\s+[·•]\s+/u;

/** Breadcrumbs and footer link rows: short parts between separators, none a sentence. */
export function separatedParts(text: string, edge = false): Verdict | null {
  const t = text.trim();
  const parts = t.split(/\s*[›»>]\s*|\s+[\/|·•]\s+/u).filter((p) => p.trim());
  if (parts.length < 2 || !DIRECTIONAL.test(t)) return null;
  const directional = /[›»>]/u.test(t) && !/[«<]/u.test(t);
  // Two parts are enough for a breadcrumb, or for a row of buttons above or below the article.
  if (parts.length < 3 && !(parts.length === 2 && (directional || edge && parts.every((p) => tokenCount(p) <= 3)))) return null;
  for (const p of parts) if (tokenCount(p) > 4 || SENTENCE_END.test(p.trim()) && !/\.\p{L}/u.test(p)) return null;
  return {reason: "navigation", rule: "shape:separated-parts"};
}

const NUMBER = /^(?:\p{Nd}{1,3}(?:[\s\u00A0\u202F.,’']\p{Nd}{3})+|\p{Nd}+(?:[.,]\p{Nd}+)?)(?:\s?\p{L}{1,3}\.?)?$/u;

/** View, comment and share counters: a number with a word or two ("12 480 просмотров", "Comentários (12)"). */
export function counter(text: string, edge: boolean): Verdict | null {
  const t = text.trim();
  if (t.length > 50) return null;
  let m = /^(.*?)[\s:：]*[(（]\s*(\p{Nd}[\p{Nd}\s.,]*)\s*[)）]$/u.exec(t);
  if (m && tokenCount(m[1]) <= 3 && tokenCount(m[1]) > 0) return {reason: "social", rule: "shape:counter"};
  if (!edge) return null;
  m = /^(\D{0,30}?)[\s:：]*([\p{Nd}][\p{Nd}\s\u00A0\u202F.,’']*(?:\s?\p{L}{1,3}\.?)?)\s*(\D{0,30})$/u.exec(t);
  if (!m || !NUMBER.test(m[2].trim())) return null;
  const around = tokenCount(m[1]) + tokenCount(m[3]);
  return around <= 2 && (m[1] + m[3]).replace(/\s/gu, "").length <= 16 ? {reason: "social", rule: "shape:counter"} : null;
}

const LABELLED = /^([^\s:：=]{1,24})\s*[:：=]\s*(.+)$/u;

/** "Foto: Reuters", "Imagem: Divulgação/Meta", "Автор: Олег Мартинюк": one label word, then names. */
export function credit(text: string): Verdict | null {
  const t = text.trim();
  if (SENTENCE_END.test(t) && !/\.\p{L}/u.test(t.slice(-6))) return null;
  // "Penulis: Rizky Pratama | Editor: Dewi Lestari", "लेखक: राहुल वर्मा | टेक डेस्क": every part a credit or a name.
  const parts = t.split(/\s+[|·•]\s+/u);
  let labelled = false;
  for (const part of parts) {
    const m = LABELLED.exec(part);
    if (m && !/\p{L}/u.test(m[1])) return null;
    const content = (m ? m[2] : part).split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
    if (content.length === 0 || content.length > 4 || tokenCount(m ? m[2] : part) > 5 || !content.every(namey)) return null;
    if (m) labelled = true;
  }
  return labelled ? {reason: "other", rule: "shape:credit"} : null;
}

/** "Tags: Meta, Llama, copyright": a label and a list of short items. */
export function labelledList(text: string): Verdict | null {
  const t = text.trim();
  const m = LABELLED.exec(t) ?? /^(\S+(?:\s\S+)?)\s*[:：]\s*(.+)$/u.exec(t);
  if (!m || SENTENCE_END.test(t)) return null;
  const items = m[2].split(/\s*[,·|•;、，]\s*/u).filter(Boolean);
  return items.length >= 3 && items.every((i) => tokenCount(i) <= 4) ? {reason: "navigation", rule: "shape:tag-list"} : null;
}

/** "Lee también: <headline>": a short label ending in a stopword ("also", "auch", "также") and a title. */
export function readAlso(text: string, vocab: Vocabulary): Verdict | null {
  const t = text.trim();
  const m = /^([^:：]{2,40})[:：]\s*(.+)$/u.exec(t);
  if (!m || !vocab.stopwords.size || /[.!。]$/u.test(t)) return null;
  const label = wordList(m[1], vocab);
  const title = wordList(m[2], vocab);
  if (label.length < 2 || label.length > 3 || title.length < 3 || title.length > 20) return null;
  const last = foldWord(label[label.length - 1]);
  const first = foldWord(label[0]);
  return vocab.stopwords.has(last) && !vocab.stopwords.has(first) ? {reason: "navigation", rule: "shape:read-also"} : null;
}

// Capitalised, or in a script without case (Arabic, Hebrew, Devanagari, Han).
const NAME = String.raw`(?:[\p{Lu}\p{Lt}]|(?![\p{Ll}])\p{L})[\p{L}\p{M}'’.\-]*`;
const PARTICLE = String.raw`(?:\p{Ll}{1,3}\s)?`;
const BYLINE_BARE = new RegExp(String.raw`^()(${NAME}(?:\s${PARTICLE}${NAME}){0,3})(?:\s*(?:,|\s[|·—–-])\s*(.{1,60}))?$`, "u");
const BYLINE = new RegExp(String.raw`^(?:(\S{1,6})\s)?(${NAME}(?:\s${PARTICLE}${NAME}){0,3})(?:\s*(?:,|\s[|·—–-])\s*(.{1,60}))?$`, "u");
const BYLINE_LABEL = new RegExp(String.raw`^\p{L}{3,15}\s*[:：]\s*${NAME}(?:\s${PARTICLE}${NAME}){1,3}$`, "u");

/**
 * A byline near the top: "Por Lucía Herrero Salcedo", "Του Νίκου Αλεξίου", "Анна Соколова,
 * обозреватель отдела технологий". A name is two to four capitalised words; before it at most
 * a stopword ("by", "di", "του"), after it a comma and a role or place.
 */
export function byline(text: string, vocab: Vocabulary): Verdict | null {
  const t = text.trim();
  if (t.length > 90 || SENTENCE_END.test(t) && !/\p{Lu}\.$/u.test(t) || /\p{Nd}/u.test(t)) return null;
  if (BYLINE_LABEL.test(t)) return {reason: "other", rule: "shape:byline"};
  let m = BYLINE.exec(t);
  // A lead word is a stopword ("by", "di", "του") or written in lower case; else it is a first name.
  if (m?.[1] && !(vocab.stopwords.has(foldWord(m[1])) || /^\p{Ll}/u.test(m[1]))) m = BYLINE_BARE.exec(t);
  if (!m) return null;
  const [, lead, , rest] = m;
  if (!lead && !rest && tokenCount(t) > 3) return null;
  // One name alone is a word; before a separator it is a place ("دبي - محمد الحسيني").
  if (!rest && tokenCount(m[2]) < 2) return null;
  if (rest && tokenCount(m[2]) < 2 && !rest.split(/\s+/u).every(namey)) return null;
  if (rest && (tokenCount(rest) > 5 || SENTENCE_END.test(rest))) return null;
  // A name is not a stopword: "Die Lizenz" is an article and a noun.
  const names = m[2].split(/\s+/u);
  if (vocab.stopwords.has(foldWord(names[0]))) return null;
  return {reason: "other", rule: "shape:byline"};
}
