// Sentence-level cases for what attributes a quote and names its speaker: describing verbs of
// short quotes, conjunctions written onto the verb, a longer verb that must not hide a shorter
// one, the Japanese "とも", names as written in Japanese and Chinese by the role beside them,
// and a variant spelling of a lexicon person. Our own sentences.
import {test} from "node:test";
import assert from "node:assert/strict";
import {extractQuotes, parseSpeechVerbs} from "../../loaders/extract/quotes.ts";
import {parseEntityLexicon} from "../../loaders/extract/mentions.ts";
import type {PassageContext} from "../../loaders/tables.ts";

const passage = (text: string, language: string, n = 1): PassageContext => ({article_id: "cues", passage: n, text, language, published: "2025-05-01"});
const rows = (text: string, language: string) => extractQuotes(passage(text, language)).map((r) => [r.text, r.speaker]);
/** Passages of one article in order, with the carry that hands a speaker on. */
function article(language: string, ...texts: string[]): string[][] {
  const carry = {article_id: "", passage: 0, speaker: ""};
  return texts.flatMap((t, i) => extractQuotes(passage(t, language, i + 1), {carry}).map((r) => [r.text, r.speaker]));
}

const Z = "Mark Zuckerberg";

test("a describing verb makes a short quote the speaker's words, in each language that lacked one", () => {
  // [language, sentence, quote]: each needs its verb (data/lexicon/speech_verbs.csv, "describing verb").
  const cases: Array<[string, string, string]> = [
    ["de", "Zuckerberg beschrieb den Plan als „kühne Wette“.", "kühne Wette"],
    ["de", "Zuckerberg beschreibt das Modell als „offenes Fundament“.", "offenes Fundament"],
    ["fr", "Zuckerberg a décrit le projet comme un « pari audacieux ».", "pari audacieux"],
    ["fr", "Zuckerberg décrit ce modèle comme une « base ouverte ».", "base ouverte"],
    ["es", "Zuckerberg describió el plan como una «apuesta audaz».", "apuesta audaz"],
    ["es", "Zuckerberg describe el modelo como una «base abierta».", "base abierta"],
    ["pt", "Zuckerberg descreveu o plano como uma “aposta ousada”.", "aposta ousada"],
    ["it", "Zuckerberg ha descritto il piano come una «scommessa audace».", "scommessa audace"],
    ["it", "Zuckerberg descrive il modello come una «base aperta».", "base aperta"],
    ["nl", "Zuckerberg beschreef het plan als een „gewaagde gok”.", "gewaagde gok"],
    ["nl", "Zuckerberg beschrijft het model als een “open fundament”.", "open fundament"],
    ["nl", "Zuckerberg omschreef de uitgaven als “noodzakelijke investeringen”.", "noodzakelijke investeringen"],
    ["pl", "Zuckerberg opisał plan jako „śmiały zakład”.", "śmiały zakład"],
    ["pl", "Zuckerberg opisuje model jako „otwarty fundament”.", "otwarty fundament"],
    ["sk", "Zuckerberg opísal plán ako „odvážnu stávku“.", "odvážnu stávku"],
    ["tr", "Zuckerberg planı “cesur bir bahis” diye niteledi.", "cesur bir bahis"],
    ["tr", "Zuckerberg yeni modeli “açık temel” olarak adlandırdı.", "açık temel"],
    ["ro", "Zuckerberg a caracterizat planul drept „un pariu îndrăzneț”.", "un pariu îndrăzneț"],
    ["ru", "Цукерберг описал план как «смелую ставку».", "смелую ставку"],
    ["uk", "Цукерберг описав план як «сміливу ставку».", "сміливу ставку"],
    ["uk", "Цукерберг охарактеризував план як «сміливу ставку».", "сміливу ставку"],
    ["el", "Ο Ζάκερμπεργκ περιέγραψε το σχέδιο ως «τολμηρό στοίχημα».", "τολμηρό στοίχημα"],
    ["hi", "जुकरबर्ग ने इस योजना को \"साहसी दांव\" का नाम दिया।", "साहसी दांव"],
    ["ko", "저커버그는 이 계획을 \"대담한 베팅\"이라고 묘사했다.", "대담한 베팅"],
    ["ja", "ザッカーバーグ氏は計画を「大胆な賭け」と形容した。", "大胆な賭け"],
    ["ja", "ザッカーバーグ氏は新しいモデルを「開かれた基盤」と称した。", "開かれた基盤"],
    ["zh", "扎克伯格将该计划描述为“大胆的赌注”。", "大胆的赌注"],
    ["vi", "Zuckerberg miêu tả kế hoạch là “canh bạc táo bạo”.", "canh bạc táo bạo"],
    ["th", "ซักเคอร์เบิร์กขนานนามแผนนี้ว่า \"เดิมพันใหญ่\"", "เดิมพันใหญ่"],
    ["tl", "Inilalarawan ni Zuckerberg ang plano bilang “matapang na taya”.", "matapang na taya"],
    ["id", "Zuckerberg menggambarkan rencana itu sebagai “taruhan berani”.", "taruhan berani"],
    ["ms", "Zuckerberg menggambarkan rancangan itu sebagai “pertaruhan berani”.", "pertaruhan berani"],
    ["he", "צוקרברג תיאר את התוכנית \"הימור נועז\".", "הימור נועז"],
    ["he", "צוקרברג מתאר את המודל \"בסיס פתוח\".", "בסיס פתוח"],
    ["ar", "وصفها زوكربيرغ بأنها \"رهان جريء\".", "رهان جريء"],
    ["ar", "وصفه زوكربيرغ بأنه \"أساس مفتوح\".", "أساس مفتوح"]
  ];
  for (const [language, text, quote] of cases) assert.deepEqual(rows(text, language), [[quote, Z]], `${language}: ${text}`);
});

test("a conjunction written onto the verb (Arabic و/ف, Hebrew ו) still attributes the quote", () => {
  assert.deepEqual(rows("ووصف زوكربيرغ الإنفاق بأنه \"استثمار ضروري\".", "ar"), [["استثمار ضروري", Z]]);
  assert.deepEqual(rows("فوصف زوكربيرغ الخطة بأنها \"رهان طويل\".", "ar"), [["رهان طويل", Z]]);
  assert.deepEqual(rows("ותיאר צוקרברג את ההוצאות \"השקעה הכרחית\".", "he"), [["השקעה הכרחית", Z]]);
});

test("a longer verb that fails its word boundary does not hide a shorter one at the same place", () => {
  // tl: "sinabi ni" in "sinabi niya" hid "sinabi"; the pronoun then hands the last speaker on.
  assert.deepEqual(article("tl",
    "Nagsalita si Mark Zuckerberg sa harap ng mga mamumuhunan.",
    "Sa isang panayam, sinabi niya na kung papayag ang mga kasosyo, \"maghahati kami sa kita.\""
  ), [["maghahati kami sa kita.", Z]]);
  // The same with a custom list in English: "said to" must not hide "said" in "said today".
  const speechVerbs = parseSpeechVerbs("verb,language,note\nsaid,en,\nsaid to,en,\n", "inline.csv");
  const found = extractQuotes(passage("“We will share what we earn,” Zuckerberg said today.", "en"), {speechVerbs});
  assert.deepEqual(found.map((r) => [r.text, r.speaker]), [["We will share what we earn,", Z]]);
});

test("Japanese 「…」とも + verb (\"also said\") is attributed and 同氏 carries the last speaker; Korean 라고도 likewise", () => {
  assert.deepEqual(article("ja",
    "ザッカーバーグ氏は説明会で「提携先から収益を得る」と述べた。",
    "同氏は「まだ始まったばかりだ」とも語っていた。"
  ), [["提携先から収益を得る", Z], ["まだ始まったばかりだ", Z]]);
  assert.deepEqual(rows("ザッカーバーグ氏は「収益は小さい」と述べた。同氏は「それでも意味がある」とも述べた。", "ja"), [["収益は小さい", Z], ["それでも意味がある", Z]]);
  assert.deepEqual(rows("저커버그는 \"수익은 작다\"고 말했다. 그는 \"그래도 의미가 있다\"라고도 말했다.", "ko"), [["수익은 작다", Z], ["그래도 의미가 있다", Z]]);
});

test("a Japanese name as written stands before a role word and は/が; a Chinese one after the role, before the verb", () => {
  assert.deepEqual(rows("「価格競争はまだ続く」と、東都経済研究所の山本健一エコノミストは語る。", "ja"), [["価格競争はまだ続く", "山本健一"]]);
  assert.deepEqual(rows("「無料のモデルでも稼げる」と、佐藤ゆかり教授は話した。", "ja"), [["無料のモデルでも稼げる", "佐藤ゆかり"]]);
  assert.deepEqual(rows("大手証券の高橋直人アナリストは「投資はまだ増える」と指摘した。", "ja"), [["投資はまだ増える", "高橋直人"]]);
  // No name before the role, or an institution: nobody.
  assert.deepEqual(rows("「価格競争はまだ続く」と、同研究所のアナリストは話す。", "ja"), [["価格競争はまだ続く", ""]]);
  assert.deepEqual(rows("「価格競争はまだ続く」と、東都経済研究所アナリストは話す。", "ja"), [["価格競争はまだ続く", ""]]);
  assert.deepEqual(rows("市场分析师王海峰表示：“开源模型也能带来收入。”", "zh"), [["开源模型也能带来收入。", "王海峰"]]);
  assert.deepEqual(rows("律师李文认为：“这项指控还需要证据。”", "zh"), [["这项指控还需要证据。", "李文"]]);
  assert.deepEqual(rows("分析师认为：“开源模型也能带来收入。”", "zh"), [["开源模型也能带来收入。", ""]]);
});

test("a verb-first attribution with an appositive naming a quoted company resolves to the person before it", () => {
  // ar: لوكون is a common spelling of LeCun beside ليكون; the company in quotation marks ("ميتا") is no quote of its own.
  assert.deepEqual(rows("يقول لوكون، الباحث الأول في \"ميتا\": \"النماذج المفتوحة تفيد الجميع في النهاية\".", "ar"), [["النماذج المفتوحة تفيد الجميع في النهاية", "Yann LeCun"]]);
  assert.deepEqual(rows("يقول يان لوكون، كبير الباحثين في \"ميتا\": \"البحث المفتوح أسرع من البحث المغلق\".", "ar"), [["البحث المفتوح أسرع من البحث المغلق", "Yann LeCun"]]);
  assert.deepEqual(rows("Говорит Ян Лекун, главный учёный компании «Мета»: «Открытые модели развиваются быстрее закрытых».", "ru"), [["Открытые модели развиваются быстрее закрытых", "Yann LeCun"]]);
  // With a custom lexicon, the variant alone decides.
  const entities = parseEntityLexicon("entity,kind,alias,language,parent,note\nYann LeCun,person,Yann LeCun,,,\nYann LeCun,person,لوكون,,,\n", "inline.csv");
  assert.deepEqual(extractQuotes(passage("يقول لوكون: \"الأبحاث المفتوحة تتقدم بسرعة\".", "ar"), {entities}).map((r) => r.speaker), ["Yann LeCun"]);
});
