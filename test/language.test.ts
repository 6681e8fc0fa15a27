import {test} from "node:test";
import assert from "node:assert/strict";
import {detectLanguage, toIso6391} from "../loaders/language.ts";

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
