import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {KeptBlock, RemovedBlock} from "../loaders/boilerplate.ts";
import {dateLineDate, isDateLine, publishedFromPage} from "../loaders/published.ts";

// Date lines written for this test in the shapes news pages use, one language each.
const LINES: Array<[language: string, line: string, date: string]> = [
  ["es", "Publicado: sábado 3 may 2025 · 09:20 CEST", "2025-05-03"],
  ["ru", "14 марта 2025 г., 11:05", "2025-03-14"],
  ["ja", "2025年03月14日 10:42", "2025-03-14"],
  ["zh", "2025年03月14日 10:42　来源：示例新闻", "2025-03-14"],
  ["ko", "입력 2025.03.14 10:42 수정 2025.03.15 08:00", "2025-03-14"],
  ["id", "Jumat, 14 Mar 2025 10:42 WIB", "2025-03-14"],
  ["de", "Aktualisiert am 14.03.2025, 10:42 Uhr", "2025-03-14"],
  ["he", "עודכן: 14.03.25, 10:42", "2025-03-14"],
  ["th", "14 มี.ค. 2568 เวลา 10:42 น.", "2025-03-14"],
  ["vi", "Thứ sáu, 14/3/2025, 10:42 (GMT+7)", "2025-03-14"],
  ["hu", "2025. március 14., péntek 10:42", "2025-03-14"],
  ["ar", "الجمعة 14 مارس 2025 - 10:42 بتوقيت القاهرة", "2025-03-14"],
  ["tl", "Marso 14, 2025 10:42 AM", "2025-03-14"]
];

describe("dateLineDate / isDateLine", () => {
  for (const [language, line, date] of LINES) {
    it(`${language}: ${line}`, () => {
      assert.equal(dateLineDate(line, language), date);
      assert.equal(isDateLine(line, language), true);
    });
  }

  it("does not take a sentence, a copyright line or a date without a year for a date line", () => {
    assert.equal(isDateLine("Meta presented the model on 14 March 2025 in Menlo Park, the company said.", "en"), false);
    assert.equal(isDateLine("© 2025 Example Media. All rights reserved.", "en"), false);
    assert.equal(isDateLine("14 марта, 10:42", "ru"), false);
    assert.equal(isDateLine("", "en"), false);
  });
});

describe("publishedFromPage", () => {
  const kept = (line: number, text: string): KeptBlock => ({kind: "paragraph", line, text});
  const removed = (line: number, text: string): RemovedBlock => ({line, text, reason: "other", rule: "test"});

  it("reads the date line among the removed blocks", () => {
    assert.equal(publishedFromPage({removed: [removed(3, "Publicado: sábado 3 may 2025 · 09:20 CEST")], kept: [kept(1, "Título"), kept(5, "El texto del artículo empieza aquí y sigue.")], language: "es"}), "2025-05-03");
  });

  it("reads a date line the furniture classifier kept, at the top or the bottom", () => {
    const body = Array.from({length: 12}, (_, i) => kept(10 + i, `Párrafo número ${i + 1} del artículo, con su propio texto.`));
    assert.equal(publishedFromPage({removed: [], kept: [kept(1, "Título"), kept(2, "3 may 2025, 09:20"), ...body], language: "es"}), "2025-05-03");
    assert.equal(publishedFromPage({removed: [], kept: [kept(1, "Título"), ...body, kept(40, "Publicado el 3 may 2025 · 09:20")], language: "es"}), "2025-05-03");
  });

  it("prefers the published date over an updated one next to it (the earlier)", () => {
    assert.equal(publishedFromPage({removed: [removed(2, "Bijgewerkt: 4 juni 2025, 11:02"), removed(3, "Gepubliceerd: 3 juni 2025, 08:15")], kept: [], language: "nl"}), "2025-06-03");
  });

  it("reads a date line joined to the byline in one block", () => {
    assert.equal(publishedFromPage({removed: [], kept: [kept(3, "Un sommario lungo che non finisce con un punto e prosegue sulla riga del nome di Marta Rossi martedì 8 aprile 2025, ore 10:42")], language: "it"}), "2025-04-08");
  });

  it("keeps the metadata prefix rule", () => {
    assert.equal(publishedFromPage({removed: [removed(1, "date 2024-07")], kept: [], language: "de"}), "2024-07");
  });

  it("is empty when the page has no date line", () => {
    assert.equal(publishedFromPage({removed: [removed(1, "Teilen auf Facebook")], kept: [kept(2, "Ein Absatz ohne Datum, wie viele andere auch.")], language: "de"}), "");
  });
});
