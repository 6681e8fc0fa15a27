/**
 * Chart labels that fit the room they are given. Plot draws text without measuring it, so a
 * label longer than its margin runs off the SVG and is cut at its start or end. These helpers
 * estimate a string's width (in pixels, for the sans-serif fonts charts use; generous, so that a
 * wide fallback font such as DejaVu Sans fits too), wrap it into lines Plot prints one under the
 * other ("\n"), or shorten it with an ellipsis.
 */

const NARROW = new Set("ijlI.,:;'’‘!|·");
const SEMI = new Set("frt()[]-/ ");
const WIDE = new Set("mwMW%@");

/** Estimated width in pixels of `text` at `fontSize` pixels (bold adds a tenth). */
export function textWidth(text, fontSize = 10, {bold = false} = {}) {
  let em = 0;
  for (const c of String(text)) {
    if (NARROW.has(c)) em += 0.3;
    else if (c === " ") em += 0.32;
    else if (SEMI.has(c)) em += 0.42;
    else if (WIDE.has(c)) em += 0.95;
    else if (c === "…") em += 1;
    else if (c >= "0" && c <= "9") em += 0.64;
    else if (c !== c.toLowerCase()) em += 0.72;
    else em += 0.6;
  }
  return em * fontSize * (bold ? 1.1 : 1);
}

/** `text` cut to `maxWidth` pixels, ending in "…" when it had to be cut. */
export function fitText(text, maxWidth, fontSize = 10, options = {}) {
  text = String(text ?? "");
  if (textWidth(text, fontSize, options) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length && textWidth(chars.join("") + "…", fontSize, options) > maxWidth) chars.pop();
  return chars.join("").trimEnd() + "…";
}

/**
 * `text` wrapped at spaces (a word too long for a line is split) into lines of at most
 * `maxWidth` pixels; past `maxLines`, the last line ends in "…".
 */
export function wrapLines(text, maxWidth, fontSize = 10, {maxLines = Infinity, ...options} = {}) {
  const lines = [];
  let line = "";
  for (const word of String(text ?? "").split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, fontSize, options) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (textWidth(line, fontSize, options) > maxWidth && line.length > 1) {
      const chars = [...line];
      let head = chars.length - 1;
      while (head > 1 && textWidth(chars.slice(0, head).join(""), fontSize, options) > maxWidth) head--;
      lines.push(chars.slice(0, head).join(""));
      line = chars.slice(head).join("");
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = fitText(`${kept[maxLines - 1]} ${lines[maxLines]}`, maxWidth, fontSize, options);
  if (!kept[maxLines - 1].endsWith("…")) kept[maxLines - 1] = fitText(kept[maxLines - 1] + "…", maxWidth, fontSize, options);
  return kept;
}

/** `wrapLines` joined with newlines, as Plot's text mark and axes print them. */
export function wrapText(text, maxWidth, fontSize = 10, options = {}) {
  return wrapLines(text, maxWidth, fontSize, options).join("\n");
}
