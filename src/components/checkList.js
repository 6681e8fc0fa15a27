/**
 * The build's list of each page's checks (src/data/checks.json) and how the start page counts it.
 *
 * A page's checks are of two kinds. Most have a literal id (`check({id: "lic-osd"})`), listed in
 * `ids`, by loaders/check-ids.ts. Some are drawn at run time with an id built from what the reader
 * gave the page (/try's `check({id: \`try-700m-${key}\`})`, one per pasted article): they are
 * checks the reader can answer on that page all the same, so they are listed too, in `prefixes`,
 * by the literal start of their id (also read by loaders/check-ids.ts). A page's total is both together: /try has "try-where" and
 * three per article, 4 checks.
 */

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
