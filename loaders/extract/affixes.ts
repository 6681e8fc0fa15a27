// What may stick to a name in each language without making it another word.
//
// A name written in a text is not always a whole word between spaces: Russian and Polish put
// a case ending on it ("Цукерберга", "Zuckerbergiem"), Finnish and Swedish after a colon on an
// abbreviation ("AWS:n", "AWS:s"), Turkish after an apostrophe ("Meta'nın"), Korean a particle
// ("메타의", "AWS와"), Arabic and Hebrew a one-letter proclitic before it ("وأمازون", "במטא").
// These are grammar, a closed list per language, not vocabulary, so they live here rather than
// in the lexicon. French and Italian elide the other way round: "dell'AWS", "d'Azure" hold the
// name after the apostrophe, and a capitalised "Dell'" or "D'" at a sentence start is an elided
// preposition, never the name before it.

export interface Affixes {
  /** Matches the text right before a name when a clitic is glued to it (anchored at the end). */
  prefix?: RegExp;
  /** Matches the text right after a name when an ending is glued to it (anchored at the start). */
  suffix?: RegExp;
  /** A name followed by an apostrophe and a letter is an elided word ("Dell'azienda"), not the name. */
  elision?: boolean;
}

const END = "(?![\\p{L}\\p{N}\\p{M}])";
const suffix = (endings: string) => new RegExp(`^(?:${endings})${END}`, "u");

const CYRILLIC = suffix("а|я|у|ю|ом|ем|ём|ым|им|е|ой|ою|ы|и|ов|ові|еві|ам|ах|ами");
const TABLE: Record<string, Affixes> = {
  ru: {suffix: CYRILLIC},
  uk: {suffix: CYRILLIC},
  bg: {suffix: CYRILLIC},
  pl: {suffix: suffix("a|owi|iem|em|u|ie|ę|ą|y|ów|om|ach|ami|['’]a|['’]em|['’]owi")},
  cs: {suffix: suffix("a|ovi|em|u|e|ové|ům|ech|ou|ová")},
  sk: {suffix: suffix("a|ovi|om|u|e|ové|ou")},
  fi: {suffix: suffix(":?(?:n|in|iin|ia|a|ä|lle|lla|llä|lta|ltä|sta|stä|ssa|ssä|hon|hin|ksi|ineen|ille|illa|ilta|issa|ista|ista)")},
  sv: {suffix: suffix(":s")},
  hu: {suffix: suffix("nak|nek|ot|et|at|t|tól|től|hoz|hez|höz|ban|ben|ba|be|ra|re|val|vel|on|en|ön|nál|nél|ról|ről|ért|é|ék|ja|je|i")},
  tr: {suffix: suffix("['’]\\p{Ll}{1,6}")},
  // Korean particles: 은는이가을를의와과에도로만 and the longer 에서, 에게, 으로, 라고 …, up to three syllables.
  ko: {suffix: suffix("[은는이가을를의와과에서게도로으만나라고랑까지부터처럼보다측사께씨]{1,3}")},
  ar: {prefix: /(?:^|[^\p{L}\p{N}\p{M}])(?:[وف]?[بلك]?(?:ال)?|لل|[وف]لل)$/u},
  fa: {prefix: /(?:^|[^\p{L}\p{N}\p{M}])(?:و)?$/u},
  he: {prefix: /(?:^|[^\p{L}\p{N}\p{M}])[והבלמשכ]{1,3}$/u},
  fr: {elision: true},
  it: {elision: true},
  ca: {elision: true}
};

const NONE: Affixes = {};

/** The affix rules of a language (ISO 639-1); none for a language without any. */
export function affixesFor(language: string): Affixes {
  return TABLE[(language || "").toLowerCase().split(/[-_]/)[0]] ?? NONE;
}
