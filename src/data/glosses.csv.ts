import {projectCompile} from "../../loaders/compile-cache.ts";
import {formatCsv, parseCsv} from "../../loaders/csv.ts";
import {run} from "../../loaders/emit.ts";
import {GLOSS_COLUMNS, readGlosses} from "../../loaders/reference.ts";

run(async () => {
  const sentences = parseCsv((await projectCompile()).table("sentences"), "sentences.csv", ["article_id", "passage", "sentence", "text"]);
  process.stdout.write(formatCsv(readGlosses(undefined, sentences), GLOSS_COLUMNS));
});
