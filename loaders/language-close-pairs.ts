// A tie-breaker for languages franc's trigram models confuse: Indonesian and Malay, Norwegian
// Bokmål and Danish, Czech and Slovak, Croatian and Serbian (Latin script). Measured on the
// evaluation pages and on sentence pairs (docs/language-identification.md), franc alone read a
// third of such sentences as the other language of the pair.
//
// The evidence is words only one language of a group writes. Month and weekday names come from
// CLDR through Intl (Malay "Mac", "Ogos", "Isnin" against Indonesian "Maret", "Agustus", "Senin";
// Croatian "kolovoz" against Serbian "avgust"), so they need no list. The rest is a short hand
// list of frequent words and letters, each entry tested by a sentence in test/language.test.ts.

import {fold} from "./text.ts";

interface Member {
  /** franc's ISO 639-3 code. */
  code: string;
  /** The locale whose CLDR month and weekday names count as evidence. */
  locale: string;
  /** Frequent words, folded (lower case, no diacritics) unless `letters` says otherwise. */
  words: string[];
  /** Letters only this language uses, counted in the unfolded text. */
  letters: string;
}

const GROUPS: Member[][] = [
  [
    {code: "ind", locale: "id", letters: "", words: ["karena", "miliar", "perusahaan", "pemerintah", "bahwa", "kantor", "mengatakan", "tersebut", "hingga", "kemacetan", "berita", "sejumlah", "triliun", "uang", "cuma"]},
    {code: "zlm", locale: "ms", letters: "", words: ["kerana", "bilion", "syarikat", "kerajaan", "beliau", "daripada", "pejabat", "baharu", "sebarang", "setakat", "bilangan", "pelabur", "wang", "trilion", "ramai"]}
  ],
  [
    {code: "nob", locale: "nb", letters: "", words: ["av", "etter", "noen", "ble", "mye", "fikk", "sier", "ikke", "hva", "selskapet", "enn", "fortsatt", "dessuten"]},
    {code: "nno", locale: "nn", letters: "", words: ["ikkje", "eit", "kva", "korleis", "dei", "berre", "mykje", "seier"]},
    {code: "dan", locale: "da", letters: "", words: ["af", "efter", "nogen", "blev", "meget", "fik", "siger", "hvad", "selskabet", "end", "stadig", "desuden", "virksomheden"]}
  ],
  [
    {code: "ces", locale: "cs", letters: "řěů", words: ["jsou", "ktery", "ktera", "ktere", "take", "neni", "jsme", "podle", "mezi", "pouze"]},
    {code: "slk", locale: "sk", letters: "äľĺŕô", words: ["su", "ktory", "ktora", "ktore", "tiez", "nie", "sme", "podla", "medzi", "iba", "alebo"]}
  ],
  [
    {code: "hrv", locale: "hr", letters: "", words: ["tijekom", "tvrtka", "tvrtke", "također", "vrlo", "tjedan", "tjedna", "izvješće", "sljedeće", "rijeke", "stoga", "tisuća", "milijuna"]},
    {code: "srp", locale: "sr-Latn", letters: "", words: ["tokom", "kompanija", "takođe", "veoma", "nedelju", "nedelja", "izveštaj", "izveštaju", "sledeće", "reke", "hiljada", "miliona", "preduzeće"]},
    {code: "bos", locale: "bs", letters: "", words: []}
  ],
  // Hindi against the languages of the Hindi belt franc's models also hold; news in Devanagari
  // is mostly Hindi, whose copula and negation they do not use. Folded: "है" is "ह".
  [
    {code: "hin", locale: "hi", letters: "", words: ["है", "हैं", "था", "थे", "नहीं", "लेकिन", "किया", "गया"]},
    {code: "mag", locale: "", letters: "", words: []},
    {code: "bho", locale: "", letters: "", words: []},
    {code: "mai", locale: "", letters: "", words: []},
    {code: "awa", locale: "", letters: "", words: []},
    {code: "hne", locale: "", letters: "", words: []}
  ]
];

const GROUP_OF = new Map<string, Member[]>(GROUPS.flatMap((g) => g.map((m) => [m.code, g] as [string, Member[]])));

const evidence = new Map<Member[], Map<string, Set<string>>>();

/** Per member, the folded words only it uses: its hand words plus CLDR month and weekday names the others lack. */
function evidenceOf(group: Member[]): Map<string, Set<string>> {
  let found = evidence.get(group);
  if (found) return found;
  const cldr = new Map(group.map((m) => [m.code, calendarWords(m.locale)]));
  found = new Map();
  for (const m of group) {
    const own = new Set(m.words.map(fold));
    for (const w of cldr.get(m.code)!) if (group.every((o) => o === m || !cldr.get(o.code)!.has(w))) own.add(w);
    found.set(m.code, own);
  }
  // A word two members claim is no evidence.
  for (const m of group) for (const w of found.get(m.code)!) if (group.some((o) => o !== m && found!.get(o.code)!.has(w))) found.get(m.code)!.delete(w);
  evidence.set(group, found);
  return found;
}

function calendarWords(locale: string): Set<string> {
  const words = new Set<string>();
  if (!locale) return words;
  try {
    for (const options of [{month: "long"}, {day: "numeric", month: "long"}, {weekday: "long"}] as const) {
      const format = new Intl.DateTimeFormat(locale, {...options, timeZone: "UTC", calendar: "gregory"});
      for (let i = 0; i < 12; ++i) {
        for (const part of format.formatToParts(Date.UTC(2024, i, 1 + (i % 7), 12))) {
          if (part.type === "month" || part.type === "weekday") for (const w of fold(part.value).split(/[^\p{L}]+/u)) if (w.length >= 3) words.add(w);
        }
      }
    }
  } catch {
    // A locale the runtime lacks adds no names.
  }
  return words;
}

/**
 * The member of `best`'s close group that the text's words point to, or `best` itself when the
 * words do not clearly say otherwise (or the group's other members are not allowed by `only`).
 */
export function closePairWinner(text: string, best: string, only: readonly string[]): string {
  const group = GROUP_OF.get(best);
  if (!group) return best;
  const members = group.filter((m) => m.code === best || only.length === 0 || only.includes(m.code));
  if (members.length < 2) return best;
  const words = evidenceOf(group);
  const counts = new Map(members.map((m) => [m.code, 0]));
  for (const w of fold(text.slice(0, 4096)).split(/[^\p{L}]+/u)) {
    if (!w) continue;
    for (const m of members) if (words.get(m.code)!.has(w)) counts.set(m.code, counts.get(m.code)! + 1);
  }
  for (const m of members) for (const ch of m.letters) counts.set(m.code, counts.get(m.code)! + (text.split(ch).length - 1));
  let winner = best;
  for (const m of members) if (counts.get(m.code)! > counts.get(winner)!) winner = m.code;
  return winner;
}
