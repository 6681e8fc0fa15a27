// The data dictionary: every column of every table of the contract (TABLE_COLUMNS in
// loaders/tables.ts), with its type and meaning. The descriptions are typed by table and column,
// so a column added to the contract without a description is a type error, and
// test/dictionary.test.ts fails when docs/data-dictionary.md differs from this text.
//   npx tsx loaders/dictionary.ts           prints the Markdown
//   npx tsx loaders/dictionary.ts --write   writes docs/data-dictionary.md
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {TABLE_COLUMNS, TABLE_NAMES, type TableName, type Tables} from "./tables.ts";

/** [type, meaning] of one column. */
export type ColumnDescription = readonly [type: string, meaning: string];

export interface TableDescription<T extends TableName> {
  rows: string;
  columns: {[C in keyof Tables[T][number]]: ColumnDescription};
}

const ARTICLE_ID: ColumnDescription = ["text", "The article's id: its catalogue id, or its file name without the extension. Joins every table to `articles`."];
const PASSAGE: ColumnDescription = ["integer", "1-based number of the kept passage within its article; with `article_id` it identifies a row of `passages` (linked as `sources.html#p-<article_id>-<passage>`)."];
const START: ColumnDescription = ["integer", "Offset where the span starts: a JavaScript string index (UTF-16 code units) into the passage `text`."];
const END: ColumnDescription = ["integer", "Offset just after the span, so `text.slice(start, end)` is exactly the span."];

export const DESCRIPTIONS: {[T in TableName]: TableDescription<T>} = {
  articles: {
    rows: "one row per article file in the articles folder",
    columns: {
      article_id: ARTICLE_ID,
      file: ["text", "File name of the article, relative to the articles folder."],
      language: ["ISO 639-1", "Language detected from the text (`und` when it cannot be told)."],
      language_declared: ["ISO 639-1 or empty", "Language the catalogue declares, empty when the article has no catalogue row or the row gives none."],
      title: ["text", "Title from the catalogue, else the first kept heading (or first passage), shortened with … when long."],
      outlet: ["text or empty", "Publication named in the catalogue; empty when the text names none."],
      published: ["YYYY-MM-DD, YYYY-MM or empty", "Publication date from the catalogue, else from a date metadata line of the file; empty when neither gives one."],
      translated_from: ["text or empty", "The original the article was translated from, when it says so."],
      url: ["http(s) address, `not found` or empty", "The original page's address from the catalogue; `not found` when it was looked for and not found (never guessed); empty when the catalogue has no row or no value."],
      chars: ["integer", "Characters (Unicode code points) of the decoded text, boilerplate included, after line ends are normalised."],
      words: ["integer", "Words in the kept passages, counted with `Intl.Segmenter` in the detected language."],
      passages: ["integer", "Number of kept passages (rows of `passages` for this article)."],
      removed: ["integer", "Number of blocks cut as site boilerplate (rows of `removed` for this article)."],
      sha256: ["hex", "SHA-256 of the file's bytes as collected, so a copy can be checked against the original."]
    }
  },
  passages: {
    rows: "one row per kept block of an article: a heading, a paragraph or a list item",
    columns: {
      article_id: ARTICLE_ID,
      passage: PASSAGE,
      kind: ["heading, paragraph or list_item", "The kind of Markdown block the passage was."],
      line: ["integer", "1-based line of the article file where the block starts."],
      text: ["text", "The passage as it reads, Markdown markers removed; offsets in other tables index into it."],
      topics: ["list (`;`)", "Topics whose lexicon terms the passage uses: a subset of licensing;revenue-sharing;seeding;capex, possibly empty."]
    }
  },
  removed: {
    rows: "one row per block cut as site boilerplate (kept here, so nothing of an article is lost)",
    columns: {
      article_id: ARTICLE_ID,
      block: ["integer", "1-based number of the block among all the article's blocks."],
      line: ["integer", "1-based line of the article file where the block starts."],
      text: ["text", "The block's text."],
      reason: ["navigation, newsletter, advert, jobs, comments, social or other", "Which boilerplate rule (data/lexicon/boilerplate.csv) cut it."]
    }
  },
  sentences: {
    rows: "one row per sentence of a kept passage",
    columns: {
      article_id: ARTICLE_ID,
      passage: PASSAGE,
      sentence: ["integer", "1-based number of the sentence within its passage."],
      text: ["text", "The sentence, exactly `passage.text.slice(start, end)`."],
      start: START,
      end: END
    }
  },
  figures: {
    rows: "one row per number with a unit found in a passage",
    columns: {
      article_id: ARTICLE_ID,
      passage: PASSAGE,
      kind: ["money, users, data_size or percent", "What the number measures."],
      text: ["text", "The figure as written, e.g. `60 bis 80 Milliarden US-Dollar`."],
      low: ["number or empty", "Lower bound as a plain amount in `unit` (60000000000 for 60 billion); empty for an \"up to\" figure."],
      high: ["number or empty", "Upper bound as a plain amount in `unit`; equal to `low` for an exact figure; empty for an \"at least\" figure."],
      unit: ["text", "ISO 4217 code for money (USD, EUR), `users`, `TB` or `percent`."],
      qualifier: ["exact, range, up_to, at_least or about", "How the text bounds the number."],
      start: START,
      end: END
    }
  },
  dates: {
    rows: "one row per date expression in a passage",
    columns: {
      article_id: ARTICLE_ID,
      passage: PASSAGE,
      text: ["text", "The date as written, e.g. `19. März`."],
      date: ["YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD", "The date as precisely as written; `--MM-DD` when the year is not written."],
      resolved: ["YYYY-MM-DD, YYYY-MM, YYYY or empty", "The date with its year filled from the article's publication date when that is safe; otherwise empty."],
      start: START,
      end: END
    }
  },
  mentions: {
    rows: "one row per named entity found in a passage",
    columns: {
      article_id: ARTICLE_ID,
      passage: PASSAGE,
      entity: ["text", "Canonical name from data/lexicon/entities.csv, whatever alias the text used."],
      kind: ["host, person, company, court_case, model or outlet", "What kind of entity it is."],
      text: ["text", "The name as written in the passage."],
      start: START,
      end: END
    }
  },
  quotes: {
    rows: "one row per quotation in a passage",
    columns: {
      article_id: ARTICLE_ID,
      passage: PASSAGE,
      text: ["text", "The words inside the quotation marks."],
      speaker: ["text or empty", "Canonical name of the person or body the passage attributes the quote to; empty when none is found."],
      start: START,
      end: END
    }
  },
  claims: {
    rows: "one row per claim of data/claims.csv and article",
    columns: {
      claim_id: ["text", "The claim's id in data/claims.csv."],
      article_id: ARTICLE_ID,
      stance: ["states, differs or silent", "Whether the article states the claim, says something different, or does not address it."],
      value: ["text or empty", "What the article says: the matching term, the hosts it names (joined with `;`) or the figure as written; empty when silent."],
      passage: ["integer or empty", "The passage that decides the stance; empty when silent."],
      text: ["text or empty", "The sentence of that passage that decides the stance; empty when silent."]
    }
  }
};

const escapeCell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The Markdown of docs/data-dictionary.md, generated from TABLE_COLUMNS and DESCRIPTIONS. */
export function dictionaryMarkdown(): string {
  const out = [
    "# Data dictionary",
    "",
    "<!-- Generated by `npx tsx loaders/dictionary.ts --write` from TABLE_COLUMNS (loaders/tables.ts) and the",
    "     descriptions in loaders/dictionary.ts. Do not edit by hand: test/dictionary.test.ts fails when they differ. -->",
    "",
    "Every table the pipeline emits, column by column. The Framework loaders (`src/data/<table>.csv.ts`) and",
    "`npm run compile -- --articles DIR --out DIR` write the same files: UTF-8 CSV with a header row, RFC 4180",
    "quoting, columns in exactly this order, lists inside a cell joined with `;`, an empty cell for a missing value.",
    "",
    ...TABLE_NAMES.map((t) => `- [\`${t}\`](#${t}): ${DESCRIPTIONS[t].rows}`),
    ""
  ];
  for (const table of TABLE_NAMES) {
    const columns = DESCRIPTIONS[table].columns as Record<string, ColumnDescription>;
    out.push(`## ${table}`, "", `\`${table}.csv\`: ${DESCRIPTIONS[table].rows}.`, "", "| column | type | meaning |", "|---|---|---|");
    for (const column of TABLE_COLUMNS[table] as readonly string[]) {
      const [type, meaning] = columns[column];
      out.push(`| \`${column}\` | ${escapeCell(type)} | ${escapeCell(meaning)} |`);
    }
    out.push("");
  }
  return out.join("\n");
}

export const DICTIONARY_PATH = join(fileURLToPath(new URL("..", import.meta.url)), "docs", "data-dictionary.md");

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = dictionaryMarkdown();
  if (process.argv.includes("--write")) {
    writeFileSync(DICTIONARY_PATH, text);
    process.stderr.write(`wrote docs/data-dictionary.md (${TABLE_NAMES.length} tables)\n`);
  } else {
    process.stdout.write(text);
  }
}
