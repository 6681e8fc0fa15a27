import {test} from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {InputError} from "../loaders/csv.ts";
import {affixesFor} from "../loaders/extract/affixes.ts";
import {parseTopics, type TopicTerm} from "../loaders/lexicon.ts";
import {readLexicon} from "../loaders/project.ts";
import {TOPICS} from "../loaders/tables.ts";
import {fold} from "../loaders/text.ts";
import {topicsOf, type TopicSignals} from "../loaders/topics.ts";

const lexicon = readLexicon();
const topics = (text: string, language = "und", signals?: TopicSignals) => topicsOf(text, lexicon.topics, language, signals);

test("specific terms switch a topic on, in several languages and scripts", () => {
  assert.deepEqual(topics("Die Kapitalausgaben steigen auf 65 Milliarden.", "de"), ["capex"]);
  assert.deepEqual(topics("Meta membahagi pendapatan: pembahagian pendapatan dengan rakan hos.", "ms"), ["revenue-sharing"]);
  assert.deepEqual(topics("Eisers beweren dat Meta torrents gebruikte.", "nl"), ["seeding"]);
  assert.deepEqual(topics("La licence interdit certains services.", "fr"), ["licensing"]);
  assert.deepEqual(topics("ライセンスには条件がある。", "ja"), ["licensing"]);
  assert.deepEqual(topics("Компания строит новые центры обработки данных в Техасе.", "ru"), ["capex"]);
  assert.deepEqual(topics("메타는 올해 설비투자를 늘린다.", "ko"), ["capex"]);
  assert.deepEqual(topics("公司今年的资本支出将大幅增加。", "zh"), ["capex"]);
  assert.deepEqual(topics("Công ty công bố chi tiêu vốn kỷ lục.", "vi"), ["capex"]);
  assert.deepEqual(topics("कंपनी का पूंजीगत व्यय इस साल बढ़ेगा।", "hi"), ["capex"]);
  assert.deepEqual(topics("Firma zwiększy nakłady inwestycyjne w tym roku.", "pl"), ["capex"]);
  assert.deepEqual(topics("Meta získává podíl z tržeb cloudových firem.", "cs"), ["revenue-sharing"]);
  assert.deepEqual(topics("Şirket gelir paylaşımı anlaşması yaptı.", "tr"), ["revenue-sharing"]);
  assert.deepEqual(topics("Η εταιρεία λαμβάνει μερίδιο των εσόδων από τους παρόχους.", "el"), ["revenue-sharing"]);
  assert.deepEqual(topics("Les plaignants parlent de bibliothèques fantômes.", "fr"), ["seeding"]);
  assert.deepEqual(topics("Unlicensed? No: 'unlicen' is not a word start.", "und", undefined).includes("licensing"), false);
});

test("a stem covers the inflected forms", () => {
  assert.deepEqual(topics("Условия лицензии запрещают это.", "ru"), ["licensing"]);
  assert.deepEqual(topics("Warunki licencji są surowe.", "pl"), ["licensing"]);
  assert.deepEqual(topics("Lisenssiehdot ovat tiukat.", "fi"), ["licensing"]);
});

test("a proclitic glued to a term in Arabic and Hebrew does not hide it", () => {
  assert.deepEqual(topics("ويشترط الترخيص موافقة الشركة.", "ar"), ["licensing"]);
  assert.deepEqual(topics("והרישיון מגביל חברות גדולות.", "he"), ["licensing"]);
  assert.deepEqual(topics("ובמרכזי הנתונים החדשים של החברה.", "he"), ["capex"]);
});

test("a generic word alone is no topic; two signals of one topic are", () => {
  assert.deepEqual(topics("Llama is open source, Meta says.", "en"), []);
  assert.deepEqual(topics("The book discusses copyright in general.", "en"), []);
  assert.deepEqual(topics("Meta will invest in new products.", "en"), []);
  assert.deepEqual(topics("Revenue grew last quarter.", "en"), []);
  assert.deepEqual(topics("Authors say the books were covered by copyright.", "en"), ["seeding"]);
  assert.deepEqual(topics("Das Urheberrecht schützt Bücher.", "de"), ["seeding"]);
});

test("extracted figures and mentions are signals of their topic", () => {
  const usd = {kind: "money" as const, unit: "USD", low: 6e10, high: 6.5e10};
  const eur = {kind: "money" as const, unit: "EUR", low: 6e10, high: 6.5e10};
  assert.deepEqual(topics("Meta will invest heavily this year.", "en", {figures: [usd]}), ["capex"]);
  assert.deepEqual(topics("Meta will invest heavily this year.", "en", {figures: [eur]}), []);
  assert.deepEqual(topics("Meta will report this year.", "en", {figures: [usd]}), []);
  assert.deepEqual(topics("Apps with that many users need permission.", "en", {figures: [{kind: "users", unit: "", low: 7e8, high: 7e8}]}), ["licensing"]);
  assert.deepEqual(topics("Apps with that many users need permission.", "en", {figures: [{kind: "users", unit: "", low: 3e9, high: 3e9}]}), []);
  assert.deepEqual(topics("AWS earns revenue from Llama.", "en", {mentions: [{entity: "AWS", kind: "host"}]}), ["revenue-sharing"]);
  assert.deepEqual(topics("AWS earns revenue from Llama.", "en", {mentions: [{entity: "AWS", kind: "company"}]}), []);
  assert.deepEqual(topics("AWS offers Llama.", "en", {mentions: [{entity: "AWS", kind: "host"}]}), []);
  assert.deepEqual(topics("In Kadrey v. Meta, authors claim copyright.", "en", {mentions: [{entity: "Kadrey v. Meta", kind: "court_case"}]}), ["seeding"]);
  assert.deepEqual(topics("Kadrey v. Meta continues.", "en", {mentions: [{entity: "Kadrey v. Meta", kind: "court_case"}]}), []);
});

test("bad topic rows are refused with file and line", () => {
  assert.throws(() => parseTopics("topic,language,term\nlicensing,,licen\nmoney,,x\n", "t.csv"), (e: unknown) => e instanceof InputError && /t\.csv:3: unknown topic "money"/.test(e.message));
  assert.throws(() => parseTopics("topic,term\n", "t.csv"), /t\.csv:1: missing column\(s\) language/);
});

// topicsOf finds word starts in one pass; a search per term is the reference.
function topicsByTermSearch(text: string, terms: TopicTerm[], language = "und"): string[] {
  const folded = fold(text);
  const strong = new Set<string>();
  const weak = new Map<string, Set<string>>();
  const proclitic = affixesFor(language).prefix;
  for (const t of terms) {
    if (t.language && language !== "und" && t.language !== language) continue;
    const generic = t.term.startsWith("~");
    const term = generic ? t.term.slice(1).trim() : t.term;
    const spaceless = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u.test(term);
    let found = false;
    for (let i = folded.indexOf(term); i >= 0 && !found; i = folded.indexOf(term, i + 1)) {
      let ws = i;
      while (ws > 0 && /[\p{L}\p{N}]/u.test(folded[ws - 1])) --ws;
      found = spaceless || term === "" || ws === i || (proclitic !== undefined && i - ws <= 3 && proclitic.test(folded.slice(Math.max(0, i - 4), i)));
    }
    if (!found) continue;
    if (generic) (weak.get(t.topic) ?? weak.set(t.topic, new Set()).get(t.topic)!).add(term);
    else strong.add(t.topic);
  }
  return TOPICS.filter((t) => strong.has(t) || (weak.get(t)?.size ?? 0) >= 2);
}

test("topicsOf agrees with a search per term on random text", () => {
  const terms: TopicTerm[] = [...lexicon.topics, {topic: "seeding", language: "nl", term: "zaai"}, {topic: "capex", language: "ja", term: "設備投資"}];
  const sample = lexicon.topics.filter((_, i) => i % 7 === 0).map((t) => t.term.replace(/^~/, ""));
  const piece = fc.oneof(
    fc.constantFrom(...sample, "Lizenz", "LIZENZ", "unlicen", "-licen", "(capex", "ライセンス", "設備投資", "zaaien", "ו", "וה", "ال", "و", "Ärger", "ß", "İ", "e\u0301", " ", "\n", "1", "😀", "𝐀", "\uD800"),
    fc.string({maxLength: 6})
  );
  fc.assert(fc.property(fc.array(piece, {maxLength: 30}), fc.constantFrom("", " ", "-"), fc.constantFrom("und", "de", "nl", "ja", "en", "he", "ar", "ru"), (parts, separator, language) => {
    const text = parts.join(separator);
    assert.deepEqual(topicsOf(text, lexicon.topics, language), topicsByTermSearch(text, lexicon.topics, language));
    assert.deepEqual(topicsOf(text, terms, language), topicsByTermSearch(text, terms, language));
  }), {numRuns: 1000});
});
