// The ids of the checks each page defines, read from its source, so the start page can say
// "3 of 5 checks right" for a chapter it has not loaded. A check's id is the first `id:` after
// `check({`; only literal ids count: an id built at run time (try.md's per-article checks,
// `try-700m-${key}`) names a check that exists only once a reader has pasted an article; such
// checks are listed by the literal start of their id (runtimeCheckPrefixes), and the start page
// counts them with src/components/checkList.js.

/** The literal ids of the `check({id: …})` calls in a page's source, in order. */
export function checkIds(source: string): string[] {
  const ids: string[] = [];
  const call = /\bcheck\(\{/g;
  for (let m; (m = call.exec(source)); ) {
    const rest = source.slice(m.index + m[0].length);
    const id = /^\s*id:\s*(?:"([^"\\]+)"|'([^'\\]+)'|`([^`$\\]+)`|(`))/.exec(rest);
    if (!id) throw new Error(`a check at offset ${m.index} does not start with its id`);
    const value = id[1] ?? id[2] ?? id[3];
    if (value !== undefined) ids.push(value);
  }
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new Error(`check id ${twice} is used twice`);
  return ids;
}

export interface ChapterChecks {
  name: string;
  path: string;
  ids: string[];
  /** The literal starts of the ids of checks drawn at run time (runtimeCheckPrefixes). */
  prefixes?: string[];
}

/** Every page with checks, in the sidebar's order: its name, path and check ids. */
export function checksByChapter(pages: Record<string, string>, chapters: {name: string; path: string}[]): ChapterChecks[] {
  const all = new Map<string, string>();
  const out: ChapterChecks[] = [];
  for (const {name, path} of chapters) {
    const source = pages[path === "/" ? "index" : path.slice(1)];
    if (source === undefined) continue;
    const ids = checkIds(source);
    for (const id of ids) {
      if (all.has(id)) throw new Error(`check id ${id} is on ${all.get(id)} and ${path}`);
      all.set(id, path);
    }
    if (ids.length) out.push({name, path, ids});
  }
  return out;
}

/** The literal starts of the run-time ids of a page's `check({id: `…${…}`})` calls, in order. */
export function runtimeCheckPrefixes(source: string): string[] {
  const prefixes: string[] = [];
  const call = /\bcheck\(\{\s*id:\s*`([^`$\\]*)\$\{/g;
  for (let m: RegExpExecArray | null; (m = call.exec(source)); ) {
    if (!m[1]) throw new Error(`a check at offset ${m.index} has an id with no literal start, which no saved answer could be matched to`);
    if (prefixes.includes(m[1])) throw new Error(`two run-time check ids start ${m[1]}`);
    prefixes.push(m[1]);
  }
  return prefixes;
}

/**
 * The list with each page's run-time checks added, in the sidebar's order (`chapters`): `listed` is
 * loaders/check-ids.ts's list of literal ids, `pages` each page's source by name. A page whose only
 * checks are drawn at run time is listed too.
 */
export function withRuntimeChecks(listed: ChapterChecks[], pages: Record<string, string>, chapters: {name: string; path: string}[]): ChapterChecks[] {
  const out: ChapterChecks[] = [];
  for (const {name, path} of chapters) {
    const source = pages[path === "/" ? "index" : path.slice(1)];
    if (source === undefined) continue;
    const ids = listed.find((c) => c.path === path)?.ids ?? [];
    const prefixes = runtimeCheckPrefixes(source);
    for (const p of prefixes) {
      const clash = ids.find((id) => id.startsWith(p));
      if (clash) throw new Error(`${path}: the literal check id ${clash} starts like the run-time ids ${p}…`);
    }
    if (ids.length || prefixes.length) out.push(prefixes.length ? {name, path, ids, prefixes} : {name, path, ids});
  }
  return out;
}
