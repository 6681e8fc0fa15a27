import {csvParseRows} from "d3-dsv";

/**
 * CSV text → array of objects keyed by the header row, all values strings (or passed through
 * `row(object)` when given). d3-dsv's csvParse builds its row objects with `new Function`;
 * csvParseRows does not, so pages that use this keep working under a Content Security Policy
 * without 'unsafe-eval' (loaders/postbuild.ts keeps it only for Arquero).
 */
export function csvRows(text, row = (d) => d) {
  const [header = [], ...body] = csvParseRows(text);
  return body.map((cells) => {
    const object = {};
    header.forEach((name, i) => (object[name] = cells[i] ?? ""));
    return row(object);
  });
}
