import {francAll} from "franc";
import {iso6393To1} from "iso-639-3";

// franc reports individual languages (ISO 639-3) where ISO 639-1 only has the macrolanguage:
// Standard Malay is "zlm", Mandarin "cmn". iso-639-3 maps only codes that have a 639-1 twin,
// so the few individual languages franc can return inside a macrolanguage are listed here.
const MACROLANGUAGE: Record<string, string> = {
  zlm: "ms", zsm: "ms", cmn: "zh", arb: "ar", pes: "fa", prs: "fa", swh: "sw", ekk: "et", lvs: "lv",
  azj: "az", uzn: "uz", npi: "ne", khk: "mn", ory: "or", plt: "mg", als: "sq", ydd: "yi", gaz: "om",
  nob: "nb", hbs: "sh", knc: "kr", pbu: "ps", quy: "qu", tgl: "tl"
};

/** Below this many characters franc guesses; such texts are reported as undetermined. */
const MIN_LENGTH = 40;

export interface Detection {
  /** ISO 639-1 code, or "und" when the text is too short or unlike any language franc knows. */
  language: string;
  /** franc's score of the runner-up relative to the winner (1 = a tie). */
  runnerUp: number;
}

export function detectLanguage(text: string): Detection {
  if (text.replace(/\s+/g, " ").length < MIN_LENGTH) return {language: "und", runnerUp: 1};
  const ranked = francAll(text, {minLength: MIN_LENGTH});
  const [best, second] = ranked;
  if (!best || best[0] === "und") return {language: "und", runnerUp: 1};
  return {language: toIso6391(best[0]), runnerUp: second ? second[1] : 0};
}

export function toIso6391(code: string): string {
  return (iso6393To1 as Record<string, string>)[code] ?? MACROLANGUAGE[code] ?? code;
}
