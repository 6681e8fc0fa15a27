/**
 * The build's list of each page's checks (src/data/checks.json) and how the start page counts it.
 *
 * A page's checks are of two kinds. Most have a literal id (`check({id: "lic-osd"})`), listed in
 * `ids` by loaders/check-ids.ts. Some are drawn at run time with an id built from what the reader
 * gave the page (/try's `check({id: \`try-700m-${key}\`})`, one per pasted article): they are
 * checks the reader can answer on that page all the same, so they are listed too, in `prefixes`,
 * by the literal start of their id. A page's total is both together: /try has "try-where" and
 * three per article, 4 checks.
 */

/** The literal starts of the run-time ids of a page's `check({id: `…${…}`})` calls, in order. */
export function runtimeCheckPrefixes(source) {
  const prefixes = [];
  const call = /\bcheck\(\{\s*id:\s*`([^`$\\]*)\$\{/g;
  for (let m; (m = call.exec(source)); ) {
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
export function withRuntimeChecks(listed, pages, chapters) {
  const out = [];
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

/** How many checks a reader can answer on a chapter's page. */
export function chapterTotal({ids, prefixes = []}) {
  return ids.length + prefixes.length;
}

/**
 * How many of a chapter's checks are right, given the ids of the checks answered right in this
 * browser. A run-time check counts as right once it was answered right for any article: the start
 * page cannot know which article the reader will paste next.
 */
export function chapterRight({ids, prefixes = []}, rightIds) {
  const right = new Set(rightIds);
  return ids.filter((id) => right.has(id)).length + prefixes.filter((p) => [...right].some((id) => id.startsWith(p))).length;
}
