import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {describe, it} from "node:test";
import fc from "fast-check";
import {extractDates} from "../../loaders/extract/dates.ts";
import {monthNames} from "../../loaders/extract/months.ts";
import type {DateRow, PassageContext} from "../../loaders/tables.ts";
import {formatScore, score} from "./score.ts";

interface Expected {
  text: string;
  date: string;
  resolved: string;
}

interface Case {
  name: string;
  language: string;
  published: string;
  text: string;
  expected: Expected[];
}

const root = new URL("../../", import.meta.url);
const cases: Case[] = JSON.parse(readFileSync(new URL("test/fixtures/extract/dates.json", root), "utf8"));

const context = (text: string, language: string, published = ""): PassageContext => ({article_id: "test", passage: 1, text, language, published});
const project = (rows: DateRow[]): Expected[] => rows.map(({text, date, resolved}) => ({text, date, resolved}));
const key = (r: Expected) => `${r.text}|${r.date}|${r.resolved}`;

const DATE = /^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}(-\d{2})?)$/;

/** True when a `date` or `resolved` value names a real calendar day or month. */
function isCalendarValue(value: string): boolean {
  if (/^\d{4}$/.test(value)) return true;
  const m = /^(\d{4}|-)-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  // Yearless: a leap year, so --02-29 is valid.
  const year = m[1] === "-" ? 2024 : Number(m[1]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const day = Number(m[3]);
  return day >= 1 && day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function assertWellFormed(text: string, rows: DateRow[]): void {
  let previousEnd = -1;
  for (const r of rows) {
    assert.equal(text.slice(r.start, r.end), r.text, `span ${r.start}-${r.end}`);
    assert.ok(r.start >= previousEnd, `rows overlap or are unsorted at ${r.start}`);
    assert.ok(r.end > r.start, "empty span");
    previousEnd = r.end;
    assert.match(r.date, DATE);
    assert.ok(isCalendarValue(r.date), `invalid date ${r.date}`);
    if (r.resolved !== "") {
      assert.match(r.resolved, /^\d{4}(-\d{2}(-\d{2})?)?$/);
      assert.ok(isCalendarValue(r.resolved), `invalid resolved ${r.resolved}`);
      // Resolution only fills a year: month and day stay as written.
      const written = r.date.startsWith("--") ? r.date.slice(1) : r.date.slice(4);
      assert.equal(r.resolved.slice(4), written, `resolved ${r.resolved} does not keep ${r.date}`);
    }
  }
}

describe("monthNames", () => {
  it("reads month names from ICU, folded", () => {
    assert.equal(monthNames("ms").get("januari"), 1);
    assert.equal(monthNames("ms").get("mac"), 3);
    assert.equal(monthNames("ms").get("julai"), 7);
    assert.equal(monthNames("id").get("maret"), 3);
    assert.equal(monthNames("nl").get("maart"), 3);
    assert.equal(monthNames("de").get("marz"), 3);
    assert.equal(monthNames("fr").get("fevr"), 2);
    // Format forms of languages with case: Russian "марта" in "21 марта".
    assert.equal(monthNames("ru").get("марта"), 3);
  });

  it("has nothing for undetermined or ill-formed languages", () => {
    assert.equal(monthNames("und").size, 0);
    assert.equal(monthNames("").size, 0);
    assert.equal(monthNames("not a tag!").size, 0);
  });
});

describe("extractDates: fixtures", () => {
  const results = cases.map((c) => ({c, rows: extractDates(context(c.text, c.language, c.published))}));

  it("covers at least 8 languages and 50 sentences", () => {
    assert.ok(new Set(cases.map((c) => c.language)).size >= 8);
    assert.ok(cases.length >= 50);
  });

  it("scores precision and recall of at least 0.9", () => {
    const s = score("dates", results.map(({c, rows}) => ({name: c.name, expected: c.expected, actual: project(rows)})), key);
    console.log(formatScore(s));
    assert.ok(s.precision >= 0.9, `precision ${s.precision}`);
    assert.ok(s.recall >= 0.9, `recall ${s.recall}`);
  });

  it("finds exactly the expected rows in sentences from the real articles", () => {
    for (const {c, rows} of results.filter(({c}) => c.name.startsWith("real "))) assert.deepEqual(project(rows), c.expected, c.name);
  });

  it("returns well-formed rows for every fixture", () => {
    for (const {c, rows} of results) {
      assertWellFormed(c.text, rows);
      for (const r of rows) {
        assert.equal(r.article_id, "test");
        assert.equal(r.passage, 1);
      }
    }
  });
});

describe("extractDates: the real articles, line by line", () => {
  // Every date row of each article, by 1-based source line; all other lines must give none.
  // Publication months as in test/fixtures/extract/dates.json.
  const articles: Record<string, {language: string; published: string; rows: Record<number, string[]>}> = {
    "de-it-boltwise.txt": {language: "de", published: "", rows: {5: ["April|--04|"], 8: ["2025|2025|2025"]}},
    "de-llama-3-1-launch.txt": {language: "de", published: "2024-07", rows: {1: ["2024-07|2024-07|2024-07"]}},
    "de-llama-finances.txt": {
      language: "de",
      published: "",
      rows: {2: ["19. März|--03-19|"], 15: ["23. Juli 2024|2024-07-23|2024-07-23"], 19: ["April 2024|2024-04|2024-04"], 28: ["Januar|--01|", "2025|2025|2025"]}
    },
    "ms-techcrunch-translation.txt": {
      language: "ms",
      published: "2025-03",
      rows: {
        9: ["Q3 2024|2024|2024"],
        11: ["Januari|--01|2025-01", "2025|2025|2025", "2024|2024|2024"],
        13: ["21 Mac|--03-21|2025-03-21"]
      }
    },
    "nl-techcrunch-translation.txt": {
      language: "nl",
      published: "2025-03",
      rows: {
        22: ["2024|2024|2024"],
        26: ["januari|--01|2025-01", "2025|2025|2025", "2024|2024|2024"],
        30: ["3/21|--03-21|2025-03-21"]
      }
    }
  };
  for (const [file, {language, published, rows}] of Object.entries(articles)) {
    it(file, () => {
      const lines = readFileSync(new URL(`data/articles/${file}`, root), "utf8").split("\n");
      lines.forEach((text, i) => {
        const found = extractDates(context(text, language, published));
        assertWellFormed(text, found);
        assert.deepEqual(project(found).map(key), rows[i + 1] ?? [], `${file}:${i + 1}`);
      });
    });
  }
  // The first line of de-llama-3-1-launch.txt begins with the outlet's "date 2024-07" stamp.
});

describe("extractDates: resolution", () => {
  const resolved = (text: string, language: string, published: string) => extractDates(context(text, language, published)).map((r) => r.resolved);

  it("fills the year of a month not after the publication month", () => {
    assert.deepEqual(resolved("Im April sagte er das.", "de", "2025-04"), ["2025-04"]);
    assert.deepEqual(resolved("Im April sagte er das.", "de", "2025-05-10"), ["2025-04"]);
    assert.deepEqual(resolved("Kemaskini pada 21 Mac pada 1:54 petang.", "ms", "2025-03-21"), ["2025-03-21"]);
  });

  it("leaves a later month empty unless the text says it is past", () => {
    assert.deepEqual(resolved("Im April sagte er das.", "de", "2025-03"), [""]);
    assert.deepEqual(resolved("Am 3. April des vergangenen Jahres sagte er das.", "de", "2025-03"), ["2024-04-03"]);
    assert.deepEqual(resolved("Dalam catatan blog pada 23 Julai yang lalu.", "ms", "2025-03"), ["2024-07-23"]);
    assert.deepEqual(resolved("Le document du 23 juillet dernier.", "fr", "2025-03"), ["2024-07-23"]);
    assert.deepEqual(resolved("En una carta del 23 de julio pasado.", "es", "2025-03"), ["2024-07-23"]);
  });

  it("leaves out a month named only relative to the article's date", () => {
    // "last March" is not a calendar date (docs/extraction-dates.md): no row, and no stray "--03".
    for (const [text, language] of [
      ["Im vergangenen April sagte er das.", "de"], ["Dalam catatan blog bulan Julai yang lalu.", "ms"], ["Le document de juillet dernier.", "fr"],
      ["En una carta de julio pasado.", "es"], ["Meta will report in July next year.", "en"], ["The trial starts next April.", "en"],
      ["Kế hoạch được công bố vào tháng 3 năm ngoái.", "vi"], ["该公司去年3月发布了模型。", "zh"]
    ]) assert.deepEqual(extractDates(context(text, language, "2025-03")), [], text);
  });

  it("never guesses without a publication month", () => {
    assert.deepEqual(resolved("Im April sagte er das.", "de", ""), [""]);
    assert.deepEqual(resolved("Im April sagte er das.", "de", "2025"), [""]);
    assert.deepEqual(resolved("In a post on July 4.", "en", "not a date"), [""]);
  });

  it("follows relative years and 'next' as written next to a day and month", () => {
    assert.deepEqual(resolved("Meta will report on July 4 next year.", "en", "2025-03"), ["2026-07-04"]);
    assert.deepEqual(resolved("The trial starts next April 2.", "en", "2025-03"), ["2025-04-02"]);
    assert.deepEqual(resolved("The trial starts next February 2.", "en", "2025-03"), ["2026-02-02"]);
  });

  it("copies full dates and keeps 29 February only in leap years", () => {
    assert.deepEqual(resolved("Am 29. Februar 2024 war es so.", "de", ""), ["2024-02-29"]);
    assert.deepEqual(extractDates(context("Am 29. Februar 2025 war es so.", "de")), []);
    const leap = extractDates(context("Am 29. Februar war es so.", "de", "2025-03"));
    assert.deepEqual(project(leap), [{text: "29. Februar", date: "--02-29", resolved: ""}]);
  });
});

describe("extractDates: languages", () => {
  it("prefers the passage language and falls back to common languages when undetermined", () => {
    assert.deepEqual(project(extractDates(context("Publié le 21 mars 2025.", "und"))), [{text: "21 mars 2025", date: "2025-03-21", resolved: "2025-03-21"}]);
    assert.deepEqual(project(extractDates(context("Publié le 21 mars 2025.", "fr"))), [{text: "21 mars 2025", date: "2025-03-21", resolved: "2025-03-21"}]);
    // Malay "Mac" is not read as a month in an English passage.
    assert.deepEqual(project(extractDates(context("He bought a Mac 2025 edition.", "en"))).map((r) => r.text), ["2025"]);
  });

  it("reads slashed dates month-first only in English, and only when unambiguous otherwise", () => {
    assert.deepEqual(project(extractDates(context("Filed 3/4/2025.", "en"))).map((r) => r.date), ["2025-03-04"]);
    assert.deepEqual(project(extractDates(context("Ingediend 3/4/2025.", "nl"))).map((r) => r.date), ["2025-04-03"]);
    assert.deepEqual(project(extractDates(context("Ingediend 3/21/2025.", "nl"))).map((r) => r.date), ["2025-03-21"]);
    // Without a year, the order is the language's own (CLDR's numeric day-month pattern).
    assert.deepEqual(project(extractDates(context("Bijgewerkt 3/4 om 13:54 uur.", "nl", "2025-04"))).map((r) => r.date), ["--04-03"]);
    assert.deepEqual(project(extractDates(context("Updated 3/4 at 1:54 p.m.", "en", "2025-04"))).map((r) => r.date), ["--03-04"]);
  });

  it("tolerates ill-formed languages and dates", () => {
    assert.deepEqual(project(extractDates(context("im April 2024", "!!", "garbage"))), [{text: "April 2024", date: "2024-04", resolved: "2024-04"}]);
  });

  it("reads no clock: the source never constructs a Date", () => {
    for (const file of ["loaders/extract/dates.ts", "loaders/extract/months.ts"]) {
      const source = readFileSync(new URL(file, root), "utf8");
      assert.doesNotMatch(source, /new Date\(|Date\.now\(/, file);
    }
  });
});

describe("extractDates: properties", () => {
  const languages = fc.constantFrom("de", "en", "fr", "es", "it", "pt", "nl", "ms", "id", "ja", "zh", "ru", "und", "", "xx", "de-AT", "not a tag!");
  const published = fc.oneof(fc.constantFrom("", "2024-07", "2025-03-21", "2025", "2024-02", "garbage"), fc.string({maxLength: 12}));
  // Pieces that come close to dates, so the properties exercise the matchers and not only noise.
  const piece = fc.oneof(
    fc.constantFrom(
      "23.", "23. ", "Juli", "juli", "März", "Marz", "Mac", "Julai", "Jan.", "Sept.", "May", "mars", "de", "marzo", "2024", "2025", "1999", "0000", "9999",
      "31", "29", "02", "3/21", "24/7", "29.01.2025", "31.02.2025", "2024-07-23", "2024-13-40", "2024-07", "Q3 ", "FY", "年", "月", "日", "7", "12",
      "im ", "in ", "last ", "afgelopen ", "bulan ", "yang lalu", "lalu", "letzten Jahres", "tahun lalu", "去年", " ", "-", ".", ",", ":", "/", "\u00a0", "\n", "$", "%",
      "\u0308", "\ud800", "\udfff", "😀", "２０２４", "０７"
    ),
    fc.string({maxLength: 4, unit: "grapheme"})
  );
  const texts = fc.array(piece, {maxLength: 24}).map((parts) => parts.join(""));

  it("never throws on arbitrary Unicode, and its rows are well-formed", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({unit: "binary", maxLength: 80}), fc.string({unit: "grapheme", maxLength: 80}), texts), languages, published, (text, language, pub) => {
        const rows = extractDates(context(text, language, pub));
        assertWellFormed(text, rows);
      }),
      {numRuns: 1500, seed: 20250321}
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(texts, languages, published, (text, language, pub) => {
        assert.deepEqual(extractDates(context(text, language, pub)), extractDates(context(text, language, pub)));
      }),
      {numRuns: 300, seed: 7}
    );
  });

  // Punctuation and white space that cannot join a date: no digits, letters, "%" or "-".
  const filler = fc.string({unit: fc.constantFrom(" ", "\n", ",", ";", "!", "?", "(", ")", "«", "»", "“", "”", "\"", "—", "\u00a0"), maxLength: 20});

  it("finds the same date wherever it sits in a passage", () => {
    fc.assert(
      fc.property(filler, filler, (before, after) => {
        const text = `${before} vom 23. Juli 2024 ${after}`;
        const rows = extractDates(context(text, "de"));
        assert.deepEqual(project(rows), [{text: "23. Juli 2024", date: "2024-07-23", resolved: "2024-07-23"}]);
      }),
      {numRuns: 300, seed: 11}
    );
  });
});
