/**
 * "About 14 minutes" for a page, from the build-time word counts of data/reading-times.json:
 *   const times = await FileAttachment("data/reading-times.json").json();
 *   readingTime(times, "licensing")   // → Text node "About 14 minutes"
 * A page missing from `times` gives an empty text node, so a new page never breaks.
 */
export function readingTime(times, page, {prefix = "About "} = {}) {
  return document.createTextNode(readingTimeText(times, page, {prefix}));
}

/** The same sentence as a string (for tests and for `title` attributes). */
export function readingTimeText(times, page, {prefix = "About "} = {}) {
  const minutes = times?.[page]?.minutes;
  if (!Number.isFinite(minutes) || minutes <= 0) return "";
  return `${prefix}${minutes} minute${minutes === 1 ? "" : "s"}`;
}
