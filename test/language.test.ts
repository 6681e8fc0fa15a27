import {describe, it, test} from "node:test";
import assert from "node:assert/strict";
import {copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {InputError} from "../loaders/csv.ts";
import fc from "fast-check";
import {francAll} from "franc";
import {detectLanguage, FRANC_LANGUAGES, rankLanguages, toIso6391} from "../loaders/language.ts";
import {parseLanguages} from "../loaders/lexicon.ts";
import {readLexicon, ROOT} from "../loaders/project.ts";
import {generateCorpus} from "./bench/synthetic.ts";

const ARTICLES = join(ROOT, "data/articles");
const LEXICON = join(ROOT, "data/lexicon");

test("franc's individual-language codes map to ISO 639-1", () => {
  assert.equal(toIso6391("deu"), "de");
  assert.equal(toIso6391("zlm"), "ms");
  assert.equal(toIso6391("ind"), "id");
  assert.equal(toIso6391("cmn"), "zh");
});

test("detects languages of news sentences, and 'und' for scraps", () => {
  const cases: Array<[string, string]> = [
    ["Die Kläger werfen Meta vor, urheberrechtlich geschützte Werke für das Training der Modelle verwendet zu haben.", "de"],
    ["Syarikat itu berkata bahawa ia tidak akan mendedahkan butiran perjanjian tersebut kepada orang ramai buat masa ini, kerana rundingan masih berjalan.", "ms"],
    ["Ontwikkelaars zijn niet verplicht om een model te gebruiken via een partner, zei het bedrijf gisteren.", "nl"],
    ["The filing does not say which specific hosts pay Meta, but the company lists several partners.", "en"],
    ["Le document ne précise pas quels hébergeurs paient Meta, mais l'entreprise cite plusieurs partenaires.", "fr"],
    ["El documento no indica qué proveedores pagan a Meta, pero la empresa menciona varios socios.", "es"],
    ["裁判所の文書は、どのホストがメタに支払っているかを明らかにしていないが、同社は複数のパートナーを挙げている。", "ja"]
  ];
  for (const [text, language] of cases) assert.equal(detectLanguage(text).language, language, text);
  assert.equal(detectLanguage("19").language, "und");
});

// data/lexicon/languages.csv restricts the languages the detector may answer; it ships empty (every
// language), and languages.example.csv is a list of 30 news languages to restrict to.
const EXAMPLE = join(ROOT, "data/lexicon/languages.example.csv");
const listed = parseLanguages(readFileSync(EXAMPLE, "utf8"), EXAMPLE);
const polish = "Dokumenty sądowe pokazują, że Meta dzieli się przychodami z firmami, które udostępniają modele Llama swoim klientom, ale nie wiadomo, o jakie kwoty chodzi.";
const swedish = "Domstolshandlingarna visar att Meta delar intäkterna med de företag som erbjuder Llama-modellerna till sina kunder, men det framgår inte hur stora summorna är.";
const afrikaans = "Die maatskappy het gesê dat hy nie die besonderhede van die ooreenkoms aan die publiek sal bekend maak nie, omdat onderhandelinge nog aan die gang is.";
const slovak = "Spoločnosť uviedla, že podrobnosti dohody zatiaľ nezverejní, pretože rokovania stále prebiehajú a partneri sa ešte nedohodli na podmienkach.";

test("languages.csv ships empty, so any language franc knows can be detected; the example lists the corpus's languages and the widely used news languages, in franc's codes", () => {
  assert.deepEqual(readLexicon().languages, []);
  for (const code of ["deu", "nld", "zlm", "ind", "eng", "fra", "spa", "por", "ita", "jpn", "cmn", "pol", "swe", "rus", "arb"]) assert.ok(listed.includes(code), code);
  assert.ok(listed.length >= 25 && listed.length <= 40, `${listed.length} languages`);
  for (const code of listed) assert.ok(FRANC_LANGUAGES.has(code), code);
});

test("a listed language is detected with the restriction as without it (Polish, Swedish)", () => {
  assert.equal(detectLanguage(polish, listed).language, "pl");
  assert.equal(detectLanguage(swedish, listed).language, "sv");
  assert.equal(detectLanguage(polish).language, "pl");
  assert.equal(detectLanguage(swedish).language, "sv");
});

test("an unlisted language falls to a listed one only when the list restricts it (the setting's trade-off)", () => {
  assert.equal(detectLanguage(afrikaans).language, "af");
  assert.equal(detectLanguage(afrikaans, listed).language, "nl");
  assert.equal(detectLanguage(slovak).language, "sk");
  assert.equal(detectLanguage(slovak, listed).language, "cs");
  assert.equal(detectLanguage(afrikaans, []).language, "af", "an empty list means every language");
  assert.equal(detectLanguage(afrikaans, ["afr", "nld"]).language, "af");
  // A script none of whose languages is listed: undetermined.
  assert.equal(detectLanguage("Компанията заяви, че засега няма да разкрие подробностите по споразумението.", ["deu", "nld"]).language, "und");
});

test("the five articles read as the same languages with and without the list", () => {
  for (const file of readdirSync(ARTICLES).filter((f) => f.endsWith(".txt"))) {
    const text = readFileSync(join(ARTICLES, file), "utf8");
    assert.equal(detectLanguage(text, listed).language, detectLanguage(text).language, file);
  }
});

test("languages.csv: bad rows stop with file:line; an empty file or no file means every language", () => {
  const header = "code,name,note\n";
  assert.deepEqual(parseLanguages(header + "deu,German,\nzlm,Malay,\n", "languages.csv"), ["deu", "zlm"]);
  assert.deepEqual(parseLanguages("", "languages.csv"), []);
  assert.deepEqual(parseLanguages(header, "languages.csv"), []);
  const bad = (csv: string, message: RegExp) => assert.throws(() => parseLanguages(header + csv, "data/lexicon/languages.csv"), (e: unknown) => e instanceof InputError && message.test(e.message));
  bad("deu,German,\nde,German,\n", /^data\/lexicon\/languages\.csv:3: code "de" must be an ISO 639-3 code/);
  bad("deu,German,\nxyz,Nonsense,\n", /^data\/lexicon\/languages\.csv:3: code "xyz" is not a language the detector \(franc\) knows/);
  bad("deu,German,\nnld,Dutch,\ndeu,Deutsch,\n", /^data\/lexicon\/languages\.csv:4: duplicate code "deu" \(also on line 2\)/);
  bad("deu,German\n", /^data\/lexicon\/languages\.csv:2: expected 3 cells/);
  const dir = mkdtempSync(join(tmpdir(), "ledger-lexicon-"));
  for (const f of ["boilerplate.csv", "topics.csv"]) copyFileSync(join(LEXICON, f), join(dir, f));
  assert.deepEqual(readLexicon(dir).languages, [], "no languages.csv: every language");
  writeFileSync(join(dir, "languages.csv"), "code,name,note\nswe,Swedish,\nxx,,\n");
  assert.throws(() => readLexicon(dir), (e: unknown) => e instanceof InputError && /languages\.csv:3: code "xx"/.test(e.message));
});

// loaders/language.ts re-implements franc's francAll for speed; it must rank exactly as franc does.
test("rankLanguages ranks exactly as franc's francAll, with and without a list", () => {
  const samples: string[] = [];
  for (const file of readdirSync(ARTICLES).filter((f) => f.endsWith(".txt"))) {
    const text = readFileSync(join(ARTICLES, file), "utf8");
    samples.push(text, ...text.split("\n").filter((l) => l.trim()));
  }
  for (const a of generateCorpus({count: 60})) samples.push(a.text, ...a.text.split("\n\n").slice(0, 4));
  samples.push(polish, swedish, afrikaans, slovak, "", "19", "Компанията заяви, че засега няма да разкрие подробностите.", "裁判所の文書は、どのホストがメタに支払っているかを明らかにしていない。", "ἐν ἀρχῇ ἦν ὁ λόγος, καὶ ὁ λόγος ἦν πρὸς τὸν θεόν", "𝐀𝐁𝐂 😀 \uD800 İstanbul ß ﬁ e\u0301");
  for (const text of samples) {
    for (const only of [[], listed, ["deu", "nld"], ["jpn"], ["rus", "ukr"]]) {
      for (const minLength of [10, 40]) assert.deepEqual(rankLanguages(text, {minLength, only}), francAll(text, {minLength, only: [...only]}), `${JSON.stringify(text.slice(0, 60))} ${only.join(",")}`);
    }
  }
});

test("rankLanguages ranks exactly as francAll on random text of many scripts", () => {
  const pieces = fc.oneof(
    fc.string({unit: "grapheme", maxLength: 30}),
    fc.constantFrom("Meta teilt Einnahmen", " de ", "het bedrijf", "syarikat itu", "la empresa", "2024", "!?", "\n", "  ", "Llama", "ß", "İ", "ﬁ", "ё", "ж", "日本語", "カタカナ", "ひらがな", "한국어", "ไทย", "עברית", "العربية", "हिन्दी", "😀", "\uD800")
  );
  fc.assert(fc.property(fc.array(pieces, {maxLength: 40}), fc.constantFrom<string[]>([], listed, ["eng"], ["cmn", "jpn"]), (parts, only) => {
    const text = parts.join("");
    assert.deepEqual(rankLanguages(text, {minLength: 10, only}), francAll(text, {minLength: 10, only: [...only]}));
  }), {numRuns: 500});
});

describe("close languages: the tie-breaker of loaders/language-close-pairs.ts", () => {
  // Sentences written for this test, eight per language, on everyday news topics. Texts shorter
  // than franc's minimum are "und", so each is long enough to be read.
  const pairs: Record<string, string[]> = JSON.parse(readFileSync(new URL("./fixtures/language-close-pairs.json", import.meta.url), "utf8"));
  // Bosnian shares Croatian's ijekavian standard; a Croatian sentence read as Bosnian counts as right.
  const norm = (l: string) => (l === "no" || l === "nb" ? "nb" : l === "bs" ? "hr" : l);

  it("reads at least 7 of 8 sentences right in Indonesian, Malay, Bokmål and Danish, and 6 of 8 in Czech, Slovak, Croatian and Serbian", () => {
    const floor: Record<string, number> = {id: 7, ms: 7, nb: 7, da: 7, cs: 6, sk: 6, hr: 6, sr: 6};
    for (const [language, texts] of Object.entries(pairs)) {
      const right = texts.filter((t) => norm(detectLanguage(t).language) === language).length;
      assert.ok(right >= floor[language], `${language}: ${right}/${texts.length}`);
    }
  });

  it("uses CLDR month and weekday names as evidence", () => {
    assert.equal(detectLanguage("Mesyuarat itu diadakan pada hari Isnin, 3 Mac, dan disambung pada bulan Ogos.").language, "ms");
    assert.equal(detectLanguage("Rapat itu diadakan pada hari Senin, 3 Maret, dan dilanjutkan pada bulan Agustus.").language, "id");
  });

  it("does not switch to a language the languages list leaves out", () => {
    assert.equal(detectLanguage(pairs.id[0], ["zlm"]).language, "ms");
  });

  it("reads Hindi, not another language of the Hindi belt", () => {
    assert.equal(detectLanguage("कंपनी ने कहा है कि नया मॉडल अगले महीने जारी किया जाएगा, लेकिन कीमत अभी तय नहीं है।").language, "hi");
  });
});
