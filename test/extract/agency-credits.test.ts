// Agency credits at the end of a caption or paragraph (loaders/furniture/agency-credit.ts): the
// credit goes to removed, the rest of the block stays, and no word is lost. Our own sentences.
import {test} from "node:test";
import assert from "node:assert/strict";
import {removeBoilerplate} from "../../loaders/boilerplate.ts";
import {splitBlocks} from "../../loaders/blocks.ts";
import {readLexicon} from "../../loaders/project.ts";
import {outletAtEnd} from "../../loaders/furniture/agency-credit.ts";
import {tokens} from "../../loaders/text.ts";

const lexicon = readLexicon();
const count = (ws: string[]) => ws.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());

// A block among enough prose that the page reads as an article; returns what the block became.
function cut(block: string, language: string): {kept: string | undefined; removed: string[]} {
  const filler = {
    en: "The company said the partners pay a share of what they earn from the models, according to the filing.",
    ms: "Syarikat itu berkata rakan kongsi membayar sebahagian hasil yang mereka peroleh daripada model tersebut.",
    id: "Perusahaan itu mengatakan mitra membayar sebagian pendapatan yang mereka peroleh dari model tersebut.",
    tl: "Sinabi ng kompanya na nagbabayad ang mga kasosyo ng bahagi ng kinikita nila mula sa mga modelo.",
    ar: "قالت الشركة إن الشركاء يدفعون حصة مما يكسبونه من النماذج، وفق الوثائق المقدمة إلى المحكمة.",
    ja: "同社によると、提携先はモデルから得た収益の一部を支払っているという。",
    ko: "회사 측은 협력사들이 모델로 벌어들인 수익의 일부를 내고 있다고 밝혔다.",
    es: "La empresa dijo que los socios pagan una parte de lo que ganan con los modelos, según el documento.",
    pl: "Firma podała, że partnerzy płacą część tego, co zarabiają na modelach, wynika z dokumentów.",
    ru: "Компания сообщила, что партнёры платят часть того, что зарабатывают на моделях, следует из документов.",
    de: "Das Unternehmen teilte mit, dass die Partner einen Teil ihrer Einnahmen aus den Modellen abgeben."
  }[language]!;
  const lines = [filler, block, filler];
  const {kept, removed} = removeBoilerplate(splitBlocks(lines.join("\n")), lexicon.boilerplate, language);
  assert.deepEqual(count(tokens([...kept, ...removed].map((b) => b.text).join("\n"))), count(tokens(lines.join("\n"))), `no word lost: ${block}`);
  return {kept: kept.find((k) => k.line === 2)?.text, removed: removed.filter((r) => r.line === 2).map((r) => r.text)};
}

test("an outlet in brackets closing a caption is its credit, in any script", () => {
  assert.deepEqual(cut("الرئيس التنفيذي للشركة يتحدث أمام المستثمرين في نيويورك (أسوشيتد برس)", "ar"),
    {kept: "الرئيس التنفيذي للشركة يتحدث أمام المستثمرين في نيويورك", removed: ["(أسوشيتد برس)"]});
  assert.deepEqual(cut("Ang punong tanggapan ng kompanya sa Menlo Park, California (AFP)", "tl"),
    {kept: "Ang punong tanggapan ng kompanya sa Menlo Park, California", removed: ["(AFP)"]});
  assert.deepEqual(cut("Para pengembang menghadiri konferensi tahunan perusahaan di California (Antara News)", "id"),
    {kept: "Para pengembang menghadiri konferensi tahunan perusahaan di California", removed: ["(Antara News)"]});
});

test("label words and an outlet in brackets after a finished sentence are a credit; inside a sentence they are a source", () => {
  assert.deepEqual(cut("Hindi pa nagbibigay ng pahayag ang kompanya tungkol sa kaso. (Kuha ng AFP)", "tl"),
    {kept: "Hindi pa nagbibigay ng pahayag ang kompanya tungkol sa kaso.", removed: ["(Kuha ng AFP)"]});
  assert.deepEqual(cut("The data centre will cost more than the company first planned. (Photo by Bloomberg)", "en"),
    {kept: "The data centre will cost more than the company first planned.", removed: ["(Photo by Bloomberg)"]});
  const source = "The company expects to spend more on servers this year (according to Bloomberg)";
  assert.deepEqual(cut(source, "en"), {kept: source, removed: []});
  const closed = "The company expects to spend more on servers this year (Reuters).";
  assert.deepEqual(cut(closed, "en"), {kept: closed, removed: []});
});

test("a dash and a short credit closing a paragraph: an outlet, or capitals after a finished sentence", () => {
  assert.deepEqual(cut("Syarikat itu akan membelanjakan lebih banyak untuk pusat data tahun ini. - Gambar fail BERNAMA", "ms"),
    {kept: "Syarikat itu akan membelanjakan lebih banyak untuk pusat data tahun ini.", removed: ["Gambar fail BERNAMA"]});
  assert.deepEqual(cut("Model itu kini digunakan oleh lebih banyak syarikat di rantau ini. -REUTERS", "ms"),
    {kept: "Model itu kini digunakan oleh lebih banyak syarikat di rantau ini.", removed: ["-REUTERS"]});
  assert.deepEqual(cut("La compañía presentó el nuevo modelo ante cientos de desarrolladores. – EFE", "es"),
    {kept: "La compañía presentó el nuevo modelo ante cientos de desarrolladores.", removed: ["EFE"]});
  assert.deepEqual(cut("Spółka zapowiedziała wyższe wydatki na centra danych w tym roku. /PAP", "pl"),
    {kept: "Spółka zapowiedziała wyższe wydatki na centra danych w tym roku.", removed: ["/PAP"]});
  // Capitals after a dash inside a sentence are no credit; nor is a word that is no outlet.
  const inside = "The model was shown to partners at the conference in California - NASA";
  assert.deepEqual(cut(inside, "en"), {kept: inside, removed: []});
  const lower = "The model was shown to partners at the conference in California. - sources";
  assert.deepEqual(cut(lower, "en"), {kept: lower, removed: []});
});

test("a full-width equals glued to a caption before an outlet is the Japanese press credit", () => {
  assert.deepEqual(cut("記者会見で話すメタの最高財務責任者＝AFP時事", "ja"),
    {kept: "記者会見で話すメタの最高財務責任者", removed: ["＝AFP時事"]});
  assert.deepEqual(cut("米カリフォルニア州にあるメタの本社＝ブルームバーグ", "ja"),
    {kept: "米カリフォルニア州にあるメタの本社", removed: ["＝ブルームバーグ"]});
  // An equation is no credit.
  const rate = "同社は1ドル＝150円で換算した金額を示した。";
  assert.deepEqual(cut(rate, "ja"), {kept: rate, removed: []});
});

test("outlets of the lexicon end a credit on a word boundary, with their case", () => {
  assert.equal(outletAtEnd("Foto fail REUTERS", "ms"), 10);
  assert.equal(outletAtEnd("Larawan mula sa Reuters", "tl"), 16);
  assert.equal(outletAtEnd("写真＝ロイター", "ja"), 3);
  assert.equal(outletAtEnd("Fotó: MTI", "hu"), 6);
  assert.equal(outletAtEnd("Fotó: MTI", "de"), -1, "a language-bound agency only in its language");
  assert.equal(outletAtEnd("the cap", "en"), -1, "AP keeps its capitals");
  assert.equal(outletAtEnd("a free dpa", "de"), 7);
  assert.equal(outletAtEnd("Yonhap", "ko"), 0);
  assert.equal(outletAtEnd("연합뉴스", "ko"), 0);
  assert.equal(outletAtEnd("(Фото: ТАСС", "ru"), 7);
});

test("a labelled credit after a bracket and a full stop, or after a slash, is cut with its separator", () => {
  const filler = "L'entreprise a indiqué que les partenaires versent une part de leurs revenus tirés des modèles.";
  const run = (block: string, language: string) => {
    const {kept, removed} = removeBoilerplate(splitBlocks([filler, block, filler].join("\n")), lexicon.boilerplate, language);
    return {kept: kept.find((k) => k.line === 2)?.text, removed: removed.filter((r) => r.line === 2).map((r) => r.text)};
  };
  assert.deepEqual(run("Le siège de l'entreprise à Menlo Park (Californie).Photo : Reuters", "fr"),
    {kept: "Le siège de l'entreprise à Menlo Park (Californie).", removed: ["Photo : Reuters"]});
  assert.deepEqual(run("Centrul de date al companiei din statul Louisiana / Foto: Agerpres", "ro"),
    {kept: "Centrul de date al companiei din statul Louisiana", removed: ["Foto: Agerpres"]});
  assert.deepEqual(cut("Das Rechenzentrum des Konzerns in Louisiana wird größer, als es geplant war | Foto: Reuters", "de"),
    {kept: "Das Rechenzentrum des Konzerns in Louisiana wird größer, als es geplant war", removed: ["Foto: Reuters"]});
});
