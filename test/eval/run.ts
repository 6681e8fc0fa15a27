// npm run eval [-- --holdout | --all] [--misses] [--lang xx,yy] [--json FILE] [--record]
// Compiles every labelled page of test/eval/ with the project's pipeline and prints precision,
// recall and F1 per field and per language (README.md in this folder says what is scored).
// --record writes the development set's F1 per language and field to levels.json, the floor
// that test/eval.test.ts holds every later change to.
import {writeFileSync} from "node:fs";
import {parseArgs} from "node:util";
import {evaluate, formatReport, LEVELS_FILE} from "./evaluate.ts";

const {values} = parseArgs({options: {holdout: {type: "boolean"}, all: {type: "boolean"}, misses: {type: "boolean"}, lang: {type: "string"}, json: {type: "string"}, record: {type: "boolean"}}});
const sets = values.all ? ["pages", "holdout"] : values.holdout ? ["holdout"] : ["pages"];
const report = evaluate({sets, languages: values.lang?.split(",")});
process.stdout.write(formatReport(report, {misses: values.misses}) + "\n");
if (values.json) writeFileSync(values.json, JSON.stringify(report.summary, null, 1) + "\n");
if (values.record) {
  if (sets.join() !== "pages" || values.lang) throw new Error("--record records the whole development set: run it without --holdout, --all or --lang");
  const levels = Object.fromEntries(Object.entries(report.summary).map(([group, fields]) => [group, Object.fromEntries(Object.entries(fields).map(([f, s]) => [f, s!.f1]))]));
  writeFileSync(LEVELS_FILE, JSON.stringify(levels, null, 1) + "\n");
  process.stdout.write(`recorded ${LEVELS_FILE}\n`);
}
