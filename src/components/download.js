import {csvFormat} from "d3-dsv";

/** A link that downloads `rows` as a CSV file; the file is built when clicked, never before. */
export function downloadCsv(rows, {filename = "data.csv", label = `Download ${filename}`, columns} = {}) {
  const a = document.createElement("a");
  a.className = "download-csv";
  a.href = "#";
  a.download = filename;
  a.textContent = label;
  a.addEventListener("click", () => {
    const blob = new Blob([csvFormat(rows, columns)], {type: "text/csv;charset=utf-8"});
    a.href = URL.createObjectURL(blob);
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  });
  return a;
}
