import {formatCsv} from "../../loaders/csv.ts";
import {run} from "../../loaders/emit.ts";
import {GLOSS_COLUMNS, readGlosses} from "../../loaders/reference.ts";

run(() => process.stdout.write(formatCsv(readGlosses(), GLOSS_COLUMNS)));
