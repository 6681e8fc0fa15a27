// What names a speaker besides a name in the entity lexicon: a title that resolves to a person
// ("le PDG de Meta", "메타 CEO", "Meta's CFO"), a full name as written for a person the
// lexicon lacks ("estime Claire Morel, avocate"), and a pronoun that hands the last speaker on
// ("a-t-il ajouté", "добавила она").
//
// Titles: data/lexicon/titles.csv lists the words for a role (ceo, cfo, chief-ai-scientist) in
// the 30 languages; data/lexicon/office_holders.csv says who held the role at which
// organisation from when until when. A title resolves only with its organisation named right
// beside it (within TITLE_REACH characters: "глава Meta", "Meta's chief executive", "der
// Meta-Chef"), and to the holder on the article's date; an undated article takes the holder
// whose term is still open.

import fs from "node:fs";
import {InputError, parseCsv} from "../csv.ts";
import {compileTerm, findTerm, type MentionSpan, type TermMatcher} from "./mentions.ts";
import {affixesFor, type Affixes} from "./affixes.ts";
import {defaultSpeechVerbs, verbsFor} from "./speech-verbs.ts";

export interface TitleRow { role: string; language: string; title: string }
export interface OfficeHolder { organisation: string; role: string; person: string; from: string; until: string }
export interface Titles { titles: TitleRow[]; holders: OfficeHolder[] }

export function parseTitles(titlesCsv: string, holdersCsv: string, files = ["data/lexicon/titles.csv", "data/lexicon/office_holders.csv"]): Titles {
  const titles = parseCsv(titlesCsv, files[0], ["role", "language", "title"] as const).map((r) => {
    if (!r.title.trim()) throw new InputError(files[0], r._line, "empty title");
    return {role: r.role.trim(), language: r.language.trim().toLowerCase(), title: r.title.trim()};
  });
  const holders = parseCsv(holdersCsv, files[1], ["organisation", "role", "person", "from", "until"] as const).map((r) => {
    for (const d of [r.from, r.until]) if (d.trim() && !/^\d{4}(-\d{2})?(-\d{2})?$/.test(d.trim())) throw new InputError(files[1], r._line, `date "${d}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    if (!titles.some((t) => t.role === r.role.trim())) throw new InputError(files[1], r._line, `role "${r.role}" has no title in ${files[0]}`);
    return {organisation: r.organisation.trim(), role: r.role.trim(), person: r.person.trim(), from: r.from.trim(), until: r.until.trim()};
  });
  return {titles, holders};
}

let cached: Titles | undefined;

export function defaultTitles(): Titles {
  if (!cached) {
    const read = (f: string) => fs.readFileSync(new URL(`../../data/lexicon/${f}`, import.meta.url), "utf8");
    cached = parseTitles(read("titles.csv"), read("office_holders.csv"));
  }
  return cached;
}

/** Who held `role` at `organisation` on `date` (YYYY-MM-DD, YYYY-MM or ""), or "". */
export function holderOn(titles: Titles, organisation: string, role: string, date: string): string {
  const of = titles.holders.filter((h) => h.organisation === organisation && h.role === role);
  if (!date) return of.find((h) => !h.until)?.person ?? "";
  const d = date.slice(0, 7);
  return of.find((h) => (!h.from || h.from.slice(0, 7) <= d) && (!h.until || d <= h.until.slice(0, 7)))?.person ?? "";
}

const TITLE_REACH = 25;

// Endings a title takes beyond those a name takes (affixes.ts): the Scandinavian definite
// suffix ("Meta-chefen", "Meta-sjefen", "topchefen") and the Hungarian possessive
// ("a Meta vezérigazgatója"). Grammar, a closed list.
const TITLE_ENDINGS: Record<string, string> = {sv: "en|n|et|erna|arna", da: "en|n|et|erne|ene", nb: "en|n|et|ene|erne", hu: "ja|je|a|e|jának|jének|ját|jét"};

// Built once per language with the title index.
function titleAffixes(language: string): Affixes {
  const base = affixesFor(language);
  const own = TITLE_ENDINGS[language];
  if (!own) return base;
  const end = "(?![\\p{L}\\p{N}\\p{M}])";
  const suffix = new RegExp(base.suffix ? `^(?:(?:${own})${end}|${base.suffix.source.slice(1)})` : `^(?:${own})${end}`, "u");
  return {...base, suffix};
}

interface TitleIndex {
  /** Every title of the language in one expression, longest first. */
  m: TermMatcher;
  /** A title lower-cased with single spaces → its roles. */
  roles: Map<string, string[]>;
}

const compiledTitles = new WeakMap<Titles, Map<string, TitleIndex | null>>();
const titleKey = (s: string) => s.toLowerCase().replace(/\s+/gu, " ").replace(/['’]s$/u, "");

// One search for all titles of a language, not one per title: the titles with no language
// hold in all 30, so a passage would otherwise run some 180 expressions.
function titleIndex(titles: Titles, language: string): TitleIndex | null {
  let byLanguage = compiledTitles.get(titles);
  if (!byLanguage) compiledTitles.set(titles, (byLanguage = new Map()));
  let index = byLanguage.get(language);
  if (index === undefined) {
    const chosen = titles.titles.filter((t) => !t.language || t.language === language);
    const roles = new Map<string, string[]>();
    for (const t of chosen) {
      const list = roles.get(titleKey(t.title)) ?? roles.set(titleKey(t.title), []).get(titleKey(t.title))!;
      if (!list.includes(t.role)) list.push(t.role);
    }
    const sources = [...new Set(chosen.map((t) => t.title))].sort((x, y) => y.length - x.length)
      .map((t) => compileTerm(t, {possessive: true, caseRule: "insensitive"}).regex.source);
    const affixes = titleAffixes(language);
    index = sources.length ? {m: {...compileTerm(chosen[0].title, {possessive: true, caseRule: "insensitive", affixes}), regex: new RegExp(sources.join("|"), "giu")}, roles} : null;
    byLanguage.set(language, index);
  }
  return index;
}

export interface Candidate { start: number; end: number; person: string }

// The organisations office_holders.csv names, per Titles: asked for every company mention.
const organisationsOf = new WeakMap<Titles, ReadonlySet<string>>();

/** Titles in `text` that resolve to a person through an organisation mention beside them. */
export function findTitles(text: string, language: string, mentions: readonly MentionSpan[], published: string, titles: Titles = defaultTitles()): Candidate[] {
  let held = organisationsOf.get(titles);
  if (!held) organisationsOf.set(titles, (held = new Set(titles.holders.map((h) => h.organisation))));
  const orgs = mentions.filter((m) => m.kind === "company" && held.has(m.entity));
  if (!orgs.length) return [];
  const index = titleIndex(titles, language);
  if (!index) return [];
  const out: Candidate[] = [];
  for (const [start, end] of findTerm(text, index.m)) {
    const org = orgs.find((o) => Math.max(o.start - end, start - o.end) <= TITLE_REACH && !/[.;!?。]/u.test(text.slice(Math.min(end, o.end), Math.max(start, o.start))));
    if (!org) continue;
    for (const role of index.roles.get(titleKey(text.slice(start, end))) ?? []) {
      const person = holderOn(titles, org.entity, role, published);
      if (person) out.push({start: Math.min(start, org.start), end: Math.max(end, org.end), person});
    }
  }
  return out;
}

// Third-person subject pronouns, and "the same one", by language: grammar, a closed list.
const PRONOUNS: Record<string, string> = {
  en: "he|she", de: "er|sie", fr: "il|elle|-t-il|-t-elle|-il|-elle", es: "él|ella", pt: "ele|ela", it: "lui|lei|egli|ella",
  nl: "hij|zij|ze", sv: "han|hon", da: "han|hun", nb: "han|hun", fi: "hän", pl: "on|ona", cs: "on|ona", sk: "on|ona",
  tr: "o", ro: "el|ea", hu: "ő", ru: "он|она|сам|сама", uk: "він|вона|сам|сама", el: "ο ίδιος|η ίδια|αυτός|αυτή",
  ar: "هو|هي", he: "הוא|היא", hi: "उन्होंने|उसने|वह|वे", ko: "그는|그녀는|그가|그녀가|그는 또|그의", ja: "同氏|彼|彼女",
  zh: "他|她", vi: "ông|bà|anh|chị", th: "เขา|เธอ", tl: "siya|niya|aniya", id: "dia|beliau|ia", ms: "dia|beliau|ia"
};
const pronounCache = new Map<string, RegExp | null>();

/** A regular expression for the language's pronouns as whole words, or null. */
export function pronounRegex(language: string): RegExp | null {
  if (!pronounCache.has(language)) {
    const list = PRONOUNS[language];
    const spaceless = /^(?:ja|zh|th)$/.test(language);
    pronounCache.set(language, list ? new RegExp(spaceless ? `(?:${list})` : `(?<![\\p{L}\\p{N}])(?:${list})(?![\\p{L}\\p{N}])`, spaceless ? "u" : "iu") : null);
  }
  return pronounCache.get(language)!;
}

// Words that start with a capital but do not start a name: articles and prepositions at a
// sentence start are dropped from a run; a run must keep two capitalised words.
const NAME_WORD = /^\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}]+)?$/u;
const PARTICLE = /^(?:de|da|do|dos|das|del|della|di|van|von|der|den|ter|la|le|al|bin|ibn|af|zu)$/u;
const TWO_CAPITALS = /\p{Lu}[^]*\p{Lu}/u;

/**
 * A full name as written for a person the lexicon lacks: the last two capitalised words of the
 * run of capitalised words nearest to `at` inside [from, to), skipping words inside mentions.
 */
export function nameAsWritten(text: string, from: number, to: number, at: number, mentions: readonly MentionSpan[], language = ""): Candidate | null {
  if (language === "ko") return hangulName(text, from, to, at, mentions);
  if (language === "vi") return vietnameseName(text, from, to, at, mentions);
  if (language === "ja") return japaneseName(text, from, to, at, mentions);
  if (language === "zh") return chineseName(text, from, to, at, mentions);
  // A name is two capitalised words at least: a stretch with fewer than two capitals has none.
  if (!TWO_CAPITALS.test(text.slice(from, to))) return null;
  const words = [...text.slice(from, to).matchAll(/[\p{L}\p{M}'’-]+/gu)].map((m) => ({w: m[0].replace(/['’]s$/u, ""), start: from + m.index, end: from + m.index + m[0].length}));
  const runs: Array<typeof words> = [];
  let run: typeof words = [];
  const flush = () => { if (run.length) runs.push(run); run = []; };
  for (let i = 0; i < words.length; ++i) {
    const w = words[i];
    const inMention = mentions.some((m) => w.start < m.end && m.start < w.end);
    const gapOk = !run.length || /^[\s]+$/u.test(text.slice(run[run.length - 1].end, w.start));
    if (!gapOk) flush();
    if (!inMention && NAME_WORD.test(w.w)) run.push(w);
    else if (run.length && PARTICLE.test(w.w) && i + 1 < words.length && NAME_WORD.test(words[i + 1].w)) run.push(w);
    else flush();
  }
  flush();
  let best: Candidate | null = null;
  let bestDist = Infinity;
  for (let r of runs) {
    // A capital at the sentence start is grammar ("Advocaat Pieter Hulshof"); in German every
    // noun has one ("die Kölner Medienrechtsanwältin Jana Hoffmann"). Elsewhere a run of three
    // or more is an organisation ("Open Source Initiative") or a name too unsure to give.
    if (r.length >= 3 && /^[\s"'„“”«»‹›–—-]*$/u.test(text.slice(from, r[0].start))) r = r.slice(1);
    const caps = r.filter((w) => !PARTICLE.test(w.w));
    if (caps.length < 2 || (caps.length > 2 && language !== "de")) continue;
    const first = caps.length > 2 ? r.indexOf(caps[caps.length - 2]) : 0;
    const part = r.slice(first);
    const start = part[0].start, end = part[part.length - 1].end;
    const dist = Math.max(0, start - at, at - end);
    if (dist < bestDist) { bestDist = dist; best = {start, end, person: text.slice(start, end).replace(/['’]s$/u, "")}; }
  }
  return best;
}

// Korean has no capitals to mark a name. A Korean name as written is three syllables, the first
// a common family name, standing bare before the words of a role with a topic or subject
// particle: "박서연 서울대 교수는 "…"라고", "정민호 변호사가 "…"". Family names and role nouns
// are closed lists (the 60 commonest family names cover nearly all people; the roles are the
// press's usual ones). Anything else, and two-syllable words such as "이는" (this), is no name.
const KO_FAMILY = "김이박최정강조윤장임한오서신권황안송류유홍전고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어";
const KO_ROLE = "연구위원|위원|교수|연구원|연구소장|변호사|부대표|대표|기자|애널리스트|이코노미스트|이사|소장|원장|부사장|사장|팀장|센터장|본부장|실장|박사|장관|의원|회장|부장|국장|총장|책임자|대변인|전무|상무|작가|디렉터|매니저|엔지니어|CEO|CFO|CTO";
const HANGUL_NAME = new RegExp(`(?:^|\\s)([${KO_FAMILY}][가-힣]{2})\\s+(?:\\S+\\s+){0,3}?\\S*(?:${KO_ROLE})(?:은|는|이|가)(?=\\s|$)`, "gu");

function hangulName(text: string, from: number, to: number, at: number, mentions: readonly MentionSpan[]): Candidate | null {
  const part = text.slice(from, to);
  if (!/[은는이가]/u.test(part)) return null;
  let best: Candidate | null = null;
  for (const m of part.matchAll(HANGUL_NAME)) {
    const start = from + m.index + m[0].indexOf(m[1]);
    const end = start + m[1].length;
    if (mentions.some((x) => start < x.end && x.start < end)) continue;
    if (!best || Math.abs(start - at) < Math.abs(best.start - at)) best = {start, end, person: m[1]};
  }
  return best;
}

// Japanese and Chinese write no capitals and no spaces, so a name as written is found only by
// the role word it stands against, in the order each language puts them: Japanese "NAME ROLE
// は" ("みずなみ総研の田中美咲アナリストは話す", "山本健一教授が"), Chinese "ROLE NAME VERB"
// ("分析师王海峰表示", "律师李文静认为："). The roles: the lexicon's titles written in Han or
// kana (titles.csv: 最高経営責任者, 首席执行官) and the press's usual job words, a closed list like
// the Korean one. A name is three to five Han characters (or a Han family name and a hiragana given
// name, or a katakana name with its middle dot) in Japanese, two or three Han characters in
// Chinese; characters of institutions (社, 所, 院, 会 …) and words such as 同 (the same), 元
// (former) never start or make one.
const JA_ROLE = "アナリスト|エコノミスト|ストラテジスト|チーフエコノミスト|コンサルタント|ディレクター|マネージャー|マネジャー|エンジニア|アドバイザー|パートナー|リサーチャー|特任教授|名誉教授|准教授|教授|講師|主任研究員|上席研究員|主席研究員|研究員|研究所長|所長|弁護士|弁理士|会計士|記者|編集委員|編集長|代表取締役社長|代表取締役|取締役|副社長|社長|会長|代表|理事長|理事|部長|室長|局長|課長|学長|院長|議員|大臣|長官|博士|責任者|担当者|創業者|氏|さん";
const ZH_ROLE = "分析师|分析師|首席分析师|首席分析師|经济学家|經濟學家|首席经济学家|首席經濟學家|研究员|研究員|高级研究员|高級研究員|教授|副教授|律师|律師|记者|記者|主编|主編|总监|總監|总经理|總經理|总裁|總裁|董事长|董事長|董事|院长|院長|所长|所長|主任|顾问|顧問|工程师|工程師|创始人|創始人|合伙人|合夥人|发言人|發言人|负责人|負責人|博士|议员|議員|部长|部長";
const CJK_NOT_NAME = /[社所部局省庁院会會銀银証证券研究課课室業业界団团協协組组党府県县州担擔当當司網网科技行業]/u;
const CJK_NOT_FIRST = /^(?:同|元|現|现|前任|各|当|當|両|两|全|米|英|独|仏|韓|韩|日本|中国|中國|欧州|欧洲|美国|美國|该|該|这|這|那|其)/u;
const cjkRoles = new Map<string, string>();

function cjkRoleSource(language: "ja" | "zh"): string {
  let source = cjkRoles.get(language);
  if (source === undefined) {
    const own = defaultTitles().titles.filter((t) => !t.language || t.language === language).map((t) => t.title).filter((t) => /[\p{scx=Han}\p{scx=Kana}]/u.test(t) && !/[\p{scx=Hangul}]/u.test(t));
    const words = [...new Set([...own, ...(language === "ja" ? JA_ROLE : ZH_ROLE).split("|")])].sort((a, b) => b.length - a.length);
    cjkRoles.set(language, (source = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")));
  }
  return source;
}

const cjkNames = new Map<string, RegExp>();

function cjkNameRegex(language: "ja" | "zh"): RegExp {
  let re = cjkNames.get(language);
  if (!re) {
    const roles = cjkRoleSource(language);
    re = language === "ja"
      ? new RegExp(`(?<![\\p{sc=Han}\\p{sc=Kana}ー])(\\p{sc=Han}{3,5}?|\\p{sc=Han}{2,3}\\p{sc=Hira}{2,3}?|[\\p{sc=Kana}ー]{2,}[・･][\\p{sc=Kana}ー・･]{2,}?)(?:${roles})(?=は|が|も|、)`, "gu")
      : new RegExp(`(?:${roles})(\\p{sc=Han}{2,3})(?=[\\p{sc=Han}：:，,])`, "gu");
    cjkNames.set(language, re);
  }
  return re;
}

let zhVerbs: RegExp | undefined;
// A speech verb right after the role ("分析师认为：") is no name.
function zhVerbStart(): RegExp {
  return (zhVerbs ??= new RegExp(`^(?:${verbsFor(defaultSpeechVerbs(), "zh").map((m) => m.regex.source).join("|")})`, "u"));
}

function japaneseName(text: string, from: number, to: number, at: number, mentions: readonly MentionSpan[]): Candidate | null {
  return cjkName(text, from, to, at, mentions, "ja");
}

// The Chinese name ends where the verb or the colon after it begins: "分析师陈嘉明认为" is
// 陈嘉明, not 陈嘉 with 明认 after it.
function chineseName(text: string, from: number, to: number, at: number, mentions: readonly MentionSpan[]): Candidate | null {
  return cjkName(text, from, to, at, mentions, "zh");
}

function cjkName(text: string, from: number, to: number, at: number, mentions: readonly MentionSpan[], language: "ja" | "zh"): Candidate | null {
  const part = text.slice(from, to);
  if (!/\p{scx=Han}|\p{scx=Kana}/u.test(part)) return null;
  let best: Candidate | null = null;
  for (const m of part.matchAll(cjkNameRegex(language))) {
    let name = m[1];
    const start = from + m.index + m[0].indexOf(name);
    if (language === "zh") {
      // The name is what stands between the role and the verb ("分析师认为" names no one), or
      // between the role and a colon or comma.
      if (at === start) continue;
      if (at > start && at <= start + 3) name = text.slice(start, at);
      else if (!/[：:，,]/u.test(text[start + name.length] ?? "")) continue;
      if (!/^\p{sc=Han}{2,3}$/u.test(name) || zhVerbStart().test(name)) continue;
    }
    const end = start + name.length;
    if (CJK_NOT_NAME.test(name) || CJK_NOT_FIRST.test(name)) continue;
    if (mentions.some((x) => start < x.end && x.start < end)) continue;
    if (!best || Math.abs(start - at) < Math.abs(best.start - at)) best = {start, end, person: name};
  }
  return best;
}

// Month names from CLDR (Intl.DateTimeFormat, format and standalone forms), without accents and
// their last two letters, so that inflected forms ("τον Ιούλιο", "ביולי") match too.
const monthStems = new Map<string, string[]>();
const fold = (w: string) => w.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

function monthStemsFor(language: string): string[] {
  let stems = monthStems.get(language);
  if (!stems) {
    const set = new Set<string>();
    try {
      for (const form of [{month: "long"}, {month: "long", day: "numeric"}] as const) {
        const f = new Intl.DateTimeFormat(language || "en", {...form, timeZone: "UTC"});
        for (let m = 0; m < 12; ++m) for (const part of f.formatToParts(Date.UTC(2024, m, 15))) {
          if (part.type !== "month") continue;
          const w = fold(part.value);
          if (w.length >= 3) set.add(w.length > 5 ? w.slice(0, -2) : w);
        }
      }
    } catch { /* a language Intl lacks has no month words */ }
    monthStems.set(language, (stems = [...set]));
  }
  return stems;
}

/**
 * Whether a word says only when: a number or a month name. An attribution clause of the verb and
 * such words ("«…», έγραφε τον Ιούλιο του 2024") has dropped its subject, which is the last speaker.
 */
export function isWhenWord(word: string, language: string): boolean {
  if (/^\p{N}+$/u.test(word)) return true;
  const w = fold(word);
  return monthStemsFor(language).some((stem) => w.includes(stem));
}

// Vietnamese capitalises every syllable of a name and the first syllables of an institution
// ("Viện Công nghệ số"), so a run of capitals alone is no name. The press puts an honorific or a
// role before a person's name ("ông Nguyễn Văn An", "bà Lê Thu Hà", "TS. Phạm Minh"): a name as
// written is two to four capitalised syllables right after one. A closed list.
const VI_NAME = /(?:^|[^\p{L}])(?:[ôÔ]ng|[bB]à|[aA]nh|[cC]hị|TS\.|ThS\.|PGS\.|GS\.|luật sư|chuyên gia|nhà báo)\s+(\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*){1,3})(?![\p{L}\p{M}])/gu;

function vietnameseName(text: string, from: number, to: number, at: number, mentions: readonly MentionSpan[]): Candidate | null {
  const part = text.slice(from, to);
  let best: Candidate | null = null;
  for (const m of part.matchAll(VI_NAME)) {
    const start = from + m.index + m[0].length - m[1].length;
    const end = start + m[1].length;
    if (mentions.some((x) => start < x.end && x.start < end)) continue;
    if (!best || Math.abs(start - at) < Math.abs(best.start - at)) best = {start, end, person: m[1]};
  }
  return best;
}

/**
 * Whether [from, to) names, without its organisation, a role that `person` held on `date`:
 * "המנכ״ל כינה …", "il fondatore aveva scritto" after the person was named. A bare title then
 * refers back to the last speaker, and to no one else.
 */
export function bareTitleOf(text: string, from: number, to: number, language: string, person: string, date: string, titles: Titles = defaultTitles()): boolean {
  if (!person || to <= from) return false;
  const held = titles.holders.filter((h) => h.person === person && holderOn(titles, h.organisation, h.role, date) === person);
  if (!held.length) return false;
  const index = titleIndex(titles, language);
  if (!index) return false;
  const part = text.slice(from, to);
  return findTerm(part, index.m).some(([s, e]) => (index.roles.get(titleKey(part.slice(s, e))) ?? []).some((r) => held.some((h) => h.role === r)));
}
