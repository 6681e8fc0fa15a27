/**
 * "About 14 minutes" for a page, from the build-time word counts of data/reading-times.json.
 * A page writes an empty `<span data-reading-time="licensing"></span>` where the time goes; the
 * build fills it in the HTML (loaders/postbuild.ts), so it is there before any script runs and
 * nothing moves when the page loads. `fillReadingTimes` fills the spans the build did not (the
 * preview server, `npm run dev`):
 *   const times = await FileAttachment("data/reading-times.json").json();
 *   fillReadingTimes(times);
 * A page missing from `times` gets an empty text, so a new page never breaks.
 */
export function fillReadingTimes(times, root = document) {
  for (const span of root.querySelectorAll("[data-reading-time]")) {
    if (!span.textContent) span.textContent = readingTimeText(times, span.dataset.readingTime, {prefix: span.dataset.prefix ?? "about "});
  }
}

/** "About 14 minutes" as a Text node. */
export function readingTime(times, page, {prefix = "About "} = {}) {
  return document.createTextNode(readingTimeText(times, page, {prefix}));
}

/** The same sentence as a string (for tests, the build's prerendering and `title` attributes). */
export function readingTimeText(times, page, {prefix = "About "} = {}) {
  const minutes = times?.[page]?.minutes;
  if (!Number.isFinite(minutes) || minutes <= 0) return "";
  return `${prefix}${minutes} minute${minutes === 1 ? "" : "s"}`;
}
