// The lexicon a compile needs, from the files of a lexicon folder, whoever reads them: the file
// system (loaders/project.ts) or a bundle (the browser worker of /try, loaders/browser/).
import {InputError} from "./csv.ts";
import {parseBoilerplate, parseLanguages, parseTopics, type Lexicon} from "./lexicon.ts";

/** `read(name)` returns a file's text, or undefined when the folder has no such file. */
export function lexiconFromFiles(read: (name: string) => string | undefined, dir: string): Lexicon {
  const required = (name: string): [string, string] => {
    const text = read(name);
    if (text === undefined) throw new InputError(`${dir}/${name}`, 0, "no such file; a lexicon folder needs it");
    return [text, `${dir}/${name}`];
  };
  // languages.csv is optional: without it (or with no rows) the detector may answer any language franc knows.
  const languages = read("languages.csv");
  return {
    boilerplate: parseBoilerplate(...required("boilerplate.csv")),
    topics: parseTopics(...required("topics.csv")),
    languages: languages === undefined ? [] : parseLanguages(languages, `${dir}/languages.csv`)
  };
}
