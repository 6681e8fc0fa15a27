// {{title}}: one row per topic and language, the number of kept passages tagged with that topic.
// A loader resolves its inputs, calls loaders/, and prints one table; bad input stops the build
// with a message naming the file and line. Replace load() with your own question.
import {formatCsv} from "../../loaders/csv.ts";
import {run} from "../../loaders/emit.ts";
import {compileProject} from "../../loaders/project.ts";

interface Row {
  topic: string;
  language: string;
  passages: number;
}

function load(): Row[] {
  const {tables, warnings} = compileProject();
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  const language = new Map(tables.articles.map((a) => [a.article_id, a.language]));
  const counts = new Map<string, Row>();
  for (const p of tables.passages) {
    for (const topic of p.topics.split(";").filter(Boolean)) {
      const row = {topic, language: language.get(p.article_id) ?? "und", passages: 0};
      const key = `${row.topic}\t${row.language}`;
      (counts.get(key) ?? counts.set(key, row).get(key)!).passages += 1;
    }
  }
  return [...counts.values()].sort((a, b) => a.topic.localeCompare(b.topic) || a.language.localeCompare(b.language));
}

run(() => process.stdout.write(formatCsv(load(), ["topic", "language", "passages"])));
