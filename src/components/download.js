import {csvFormat} from "d3-dsv";

/** A link that downloads `rows` as a CSV file; the file is built when clicked, never before. */
export function downloadCsv(rows, {filename = "data.csv", label = `Download ${filename}`, columns} = {}) {
  return downloadText(() => csvFormat(rows, columns), {filename, label});
}

/** A link that downloads the text (or bytes) `content()` returns, as a CSV file, made when clicked. */
export function downloadText(content, {filename, label = `Download ${filename}`}) {
  const a = document.createElement("a");
  a.className = "download-csv";
  a.href = "#";
  a.download = filename;
  a.textContent = label;
  a.addEventListener("click", () => {
    a.href = URL.createObjectURL(new Blob([content()], {type: "text/csv;charset=utf-8"}));
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  });
  return a;
}

/**
 * A link to a whole table as the build wrote it (a FileAttachment, or its URL): the browser
 * fetches it only when the reader clicks, so a page never downloads a corpus table at load.
 */
export function downloadFile(file, {filename, label = `Download ${filename}`} = {}) {
  const a = document.createElement("a");
  a.className = "download-csv";
  a.href = typeof file === "string" ? file : file.href;
  a.download = filename ?? a.href.split("/").pop();
  a.textContent = label;
  return a;
}
