import {test} from "node:test";
import assert from "node:assert/strict";
import {splitBlocks} from "../loaders/blocks.ts";

test("a line-per-paragraph dump becomes one block per line, short lines are headings", () => {
  const blocks = splitBlocks("Der Titel des Artikels\nErster Absatz. Er hat zwei Sätze.\nZweiter Absatz, ebenfalls lang genug.\n");
  assert.deepEqual(blocks, [
    {kind: "heading", line: 1, text: "Der Titel des Artikels"},
    {kind: "paragraph", line: 2, text: "Erster Absatz. Er hat zwei Sätze."},
    {kind: "paragraph", line: 3, text: "Zweiter Absatz, ebenfalls lang genug."}
  ]);
});

test("hard-wrapped markdown lines join into one paragraph", () => {
  assert.deepEqual(splitBlocks("This paragraph was wrapped\nat a fixed width, and goes on\nfor three lines.\n"), [
    {kind: "paragraph", line: 1, text: "This paragraph was wrapped at a fixed width, and goes on for three lines."}
  ]);
});

test("list items lose their markers; the unindented line after a list is a paragraph again", () => {
  assert.deepEqual(splitBlocks("- Azure (Microsoft)\n- AWS (Amazon Web Services)\nDiese Liste repräsentiert einen erheblichen Teil des Marktes.\n"), [
    {kind: "list_item", line: 1, text: "Azure (Microsoft)"},
    {kind: "list_item", line: 2, text: "AWS (Amazon Web Services)"},
    {kind: "paragraph", line: 3, text: "Diese Liste repräsentiert einen erheblichen Teil des Marktes."}
  ]);
});

test("markdown syntax in an article stays text; nothing markdown consumes is dropped", () => {
  const text = "# Heading one\n\n<script>alert(1)</script>\n\n[ref]: https://example.com/x\n\n> quoted line that is long enough to be a paragraph.\n\n```\ncode here\n```\n";
  const blocks = splitBlocks(text);
  assert.deepEqual(blocks.map((b) => [b.kind, b.line, b.text]), [
    ["heading", 1, "Heading one"],
    ["paragraph", 3, "<script>alert(1)</script>"],
    ["paragraph", 5, "[ref]: https://example.com/x"],
    ["paragraph", 7, "quoted line that is long enough to be a paragraph."],
    ["paragraph", 9, "```\ncode here\n```"]
  ]);
});

test("a line too long or too short to be wrapped starts a block even in lower case; a date written as a list marker keeps its number", () => {
  const standfirst = "Una entradilla larga que ocupa una línea entera de la página, con más de ciento cuarenta caracteres, como las que copia un navegador sin cortar";
  assert.deepEqual(splitBlocks(`${standfirst}\ndi Marta Rossi\nlunedì 3 marzo 2025\n`).map((b) => b.text), [standfirst, "di Marta Rossi", "lunedì 3 marzo 2025"]);
  assert.deepEqual(splitBlocks("2. 7. 2025 10:42\n2025. május 2., péntek\n").map((b) => b.text), ["2. 7. 2025 10:42", "2025. május 2., péntek"]);
});
