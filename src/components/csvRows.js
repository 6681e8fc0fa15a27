import {csvParseRows} from "d3-dsv";

/**
 * CSV text → array of objects keyed by the header row, all values strings (or passed through
 * `row(object)` when given). d3-dsv's csvParse builds its row objects with `new Function`, which
 * the site's Content Security Policy (no 'unsafe-eval', loaders/postbuild.ts) blocks; csvParseRows
 * does not, so this is the same parse without the eval.
 */
export function csvRows(text, row = (d) => d) {
  const [header = [], ...body] = csvParseRows(text);
  return body.map((cells) => {
    const object = {};
    header.forEach((name, i) => (object[name] = cells[i] ?? ""));
    return row(object);
  });
}
