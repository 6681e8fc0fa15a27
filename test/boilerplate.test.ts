import {test} from "node:test";
import assert from "node:assert/strict";
import {removeBoilerplate} from "../loaders/boilerplate.ts";
import {splitBlocks} from "../loaders/blocks.ts";
import {readLexicon} from "../loaders/project.ts";
import {isDateLine, isReadingTime} from "../loaders/furniture/dateline.ts";
import {vocabulary} from "../loaders/furniture/vocabulary.ts";
import {tokens} from "../loaders/text.ts";

const lexicon = readLexicon();
const run = (lines: string[], language: string) => removeBoilerplate(splitBlocks(lines.join("\n")), lexicon.boilerplate, language);
const count = (ws: string[]) => ws.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());

// A page in a language the lexicon names nowhere by its phrases: the shapes alone must do.
const page = [
  "Pagrindinis › Technologijos › DI",
  "Meta dalijasi pajamomis su debesų partneriais",
  "Jonas Petraitis",
  "2025 m. gegužės 3 d., 10:42",
  "Meta gauna dalį pajamų iš debesų bendrovių, kurios siūlo Llama modelius savo klientams. Tai rodo teismo dokumentai.",
  "Bendrovė nenurodė, kurie partneriai moka, bet jos tinklaraštyje minimos kelios didelės platformos.Nuotrauka: Reuters",
  "Licencija",
  "Licencija leidžia nemokamai naudoti modelius, išskyrus didžiausias bendroves su daugiau nei 700 milijonų naudotojų.",
  "Investicijos į duomenų centrus šiemet sieks dešimčių milijardų dolerių, teigia bendrovė.",
  "Žymės: Meta, Llama, debesija, autorių teisės",
  "Dalintis: Facebook · X · LinkedIn",
  "1 234",
  "© 2025 Pavyzdinis leidinys"
];

test("a page in a language with no lexicon phrases: furniture by shape, article kept, nothing lost", () => {
  const {kept, removed} = run(page, "lt");
  assert.deepEqual(removed.map((r) => r.text), [
    "Pagrindinis › Technologijos › DI", "Jonas Petraitis", "2025 m. gegužės 3 d., 10:42", "Nuotrauka: Reuters",
    "Žymės: Meta, Llama, debesija, autorių teisės", "Dalintis: Facebook · X · LinkedIn", "1 234", "© 2025 Pavyzdinis leidinys"
  ]);
  assert.equal(kept[0].text, "Meta dalijasi pajamomis su debesų partneriais", "the headline is kept");
  assert.ok(kept.some((k) => k.text === "Licencija"), "a one-word subheading inside the article is kept");
  assert.ok(kept.some((k) => k.text.endsWith("kelios didelės platformos.")), "the paragraph stays without its glued credit");
  assert.deepEqual(count(tokens([...kept, ...removed].map((b) => b.text).join("\n"))), count(tokens(page.join("\n"))));
});

test("inline artefacts are cut out of a kept paragraph, and only the artefact goes to removed", () => {
  const {kept, removed} = run([
    "Das Modell steht auf der Seite des Projekts (öffnet in neuem Fenster) zum Download bereit, sagte die Firma.",
    "Die Partner heißen nicht, die Liste bleibt geheim.WERBUNG Im April hatte der Chef anderes gesagt, so die Akte."
  ], "de");
  assert.deepEqual(removed.map((r) => r.text), ["(öffnet in neuem Fenster)", "WERBUNG"]);
  assert.equal(kept[0].text, "Das Modell steht auf der Seite des Projekts zum Download bereit, sagte die Firma.");
  assert.equal(kept[1].text, "Die Partner heißen nicht, die Liste bleibt geheim. Im April hatte der Chef anderes gesagt, so die Akte.");
});

test("a read-also line is cut in the middle of the body; a subheading with a colon is not", () => {
  const body = "Der Konzern verdient an den Modellen mit, obwohl er sie verschenkt, wie die Unterlagen zeigen.";
  const {removed} = run([body, "Lesen Sie auch: Was die neue Lizenz für Entwickler bedeutet", body.replace("Konzern", "Hersteller"), "Die Lizenz: Was Meta erlaubt", body.replace("Konzern", "Anbieter")], "de");
  assert.deepEqual(removed.map((r) => r.text), ["Lesen Sie auch: Was die neue Lizenz für Entwickler bedeutet"]);
});

test("a caption that repeats the lede word for word is removed once", () => {
  const lede = "Meta teilt Einnahmen mit den Firmen, die seine Modelle anbieten, zeigt eine Akte.";
  const {kept, removed} = run([lede, "Weitere Sätze des Artikels folgen hier, mit genug Wörtern für einen Absatz.", lede], "de");
  assert.equal(kept.length, 2);
  assert.deepEqual(removed.map((r) => r.rule), ["repetition"]);
});

test("date lines and reading times from CLDR names, in any language", () => {
  assert.ok(isDateLine("Publicado: viernes 2 may 2025 · 08:12 CEST", vocabulary("es")));
  assert.ok(isDateLine("Опубліковано 12.05.2025 о 09:15", vocabulary("uk")));
  assert.ok(isDateLine("2025年5月2日 10:42", vocabulary("ja")));
  assert.ok(!isDateLine("Llama 3.1 erscheint am 23. Juli 2024", vocabulary("de")));
  assert.ok(!isDateLine("Am 24. Januar 2025 kündigte Meta höhere Ausgaben an.", vocabulary("de")));
  assert.ok(isReadingTime("Lesezeit: 5 Minuten", vocabulary("de")));
  assert.ok(isReadingTime("6 мин. чтения", vocabulary("ru")));
  assert.ok(!isReadingTime("Meta investiert 60 Milliarden", vocabulary("de")));
});
