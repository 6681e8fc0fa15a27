// English glosses of quoted sentences (data/glosses/*.csv), each checked against the compiled sentence it translates.
import {projectCompile} from "../../loaders/compile-cache.ts";
import {formatCsv} from "../../loaders/csv.ts";
import {run} from "../../loaders/emit.ts";
import {GLOSS_COLUMNS, readGlosses} from "../../loaders/reference.ts";

run(async () => {
  process.stdout.write(formatCsv(readGlosses((await projectCompile()).table("sentences")), GLOSS_COLUMNS));
});
