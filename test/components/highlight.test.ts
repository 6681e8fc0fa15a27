import {test} from "node:test";
import assert from "node:assert/strict";
import {serialize} from "./dom.ts";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {highlight, passageSpans} from "../../src/components/highlight.js";

const html = (f: DocumentFragment) => serialize(f).replace(/\n/g, "");
const wrap = (f: DocumentFragment) => {
  const div = document.createElement("div");
  div.append(f);
  return div;
};

test("highlight wraps spans in marks and keeps the text between them", () => {
  const f = highlight("Meta plans $65 billion in 2025.", [{start: 11, end: 22, kind: "figure", title: "Figure"}, {start: 26, end: 30, kind: "date"}, {start: 0, end: 4, kind: "name"}]);
  assert.equal(html(f), '<mark class="hl hl-name" data-kind="name">Meta</mark> plans <mark class="hl hl-figure" data-kind="figure" title="Figure">$65 billion</mark> in <mark class="hl hl-date" data-kind="date">2025</mark>.');
});

test("spans at the very start and end of the text, and a span covering all of it", () => {
  const text = "Llama und Meta";
  const f = highlight(text, [{start: 0, end: text.length, kind: "quote"}, {start: 0, end: 5, kind: "name"}, {start: 10, end: 14, kind: "name"}]);
  const div = wrap(f);
  assert.equal(div.textContent, text);
  assert.equal(div.childNodes.length, 1, "the quote is the only child");
  const quote = div.firstElementChild!;
  assert.equal(quote.getAttribute("data-kind"), "quote");
  assert.deepEqual([...quote.querySelectorAll("mark")].map((m) => m.textContent), ["Llama", "Meta"]);
});

test("nested spans nest; a partly overlapping span is skipped, not an error", () => {
  const text = "Zuckerberg sagte: Open Source schließt die Lücke.";
  const spans = [
    {start: 18, end: 48, kind: "quote"},
    {start: 18, end: 29, kind: "name"}, // inside the quote: nested
    {start: 10, end: 22, kind: "date"}, // crosses the quote's start: skipped
    {start: 40, end: 60, kind: "figure"}, // runs past the end of the text: skipped
    {start: 5, end: 5, kind: "name"}, // empty: skipped
    {start: 0, end: 10, kind: "name"}
  ];
  const div = wrap(highlight(text, spans));
  assert.equal(div.textContent, text, "every character survives exactly once");
  assert.deepEqual([...div.querySelectorAll("mark")].map((m) => [m.getAttribute("data-kind"), m.textContent]), [
    ["name", "Zuckerberg"],
    ["quote", "Open Source schließt die Lücke"],
    ["name", "Open Source"]
  ]);
  assert.equal(div.querySelector("[data-kind=quote] [data-kind=name]")?.textContent, "Open Source");
});

test("identical spans nest rather than crash, and spans given in any order give the same result", () => {
  const text = "Meta zahlt 60 Milliarden";
  const a = [{start: 11, end: 24, kind: "figure"}, {start: 11, end: 24, kind: "date"}, {start: 0, end: 4, kind: "name"}];
  const one = html(highlight(text, a));
  const two = html(highlight(text, [a[2], a[0], a[1]]));
  assert.equal(one, two);
  assert.match(one, /<mark class="hl hl-figure" data-kind="figure"><mark class="hl hl-date" data-kind="date">60 Milliarden<\/mark><\/mark>/);
});

test("a text containing markup comes out as text nodes, never as elements", () => {
  const text = 'Vorher <script>alert(1)</script> und <img src=x onerror="alert(2)"> nachher';
  const div = wrap(highlight(text, [{start: 7, end: 32, kind: "quote"}, {start: 0, end: 6, kind: "name"}]));
  assert.equal(div.querySelector("script"), null);
  assert.equal(div.querySelector("img"), null);
  assert.deepEqual([...div.querySelectorAll("*")].map((e) => e.tagName), ["MARK", "MARK"]);
  assert.equal(div.textContent, text);
  const quote = div.querySelector("[data-kind=quote]")!;
  assert.equal(quote.childNodes.length, 1);
  assert.equal(quote.firstChild!.nodeType, 3, "a text node");
  assert.equal(quote.firstChild!.nodeValue, "<script>alert(1)</script>");
  assert.match(div.innerHTML, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

test("an empty text and no spans give an empty fragment; offsets beyond the text are ignored", () => {
  assert.equal(highlight("", [{start: 0, end: 3, kind: "name"}]).childNodes.length, 0);
  assert.equal(wrap(highlight("abc", [{start: -1, end: 2, kind: "name"}, {start: 1.5, end: 2, kind: "name"}])).innerHTML, "abc");
});

test("passageSpans collects the four extraction tables for one passage with readable titles", () => {
  const tables = {
    figures: [{article_id: "a", passage: 1, kind: "money", text: "60 bis 80 Milliarden US-Dollar", low: 60e9, high: 80e9, unit: "USD", qualifier: "range", start: 5, end: 35}],
    dates: [{article_id: "a", passage: 1, text: "2025", date: "2025", resolved: "2025", start: 0, end: 4}],
    mentions: [{article_id: "a", passage: 2, entity: "Meta", kind: "company", text: "Meta", start: 0, end: 4}],
    quotes: [{article_id: "a", passage: 1, text: "x", speaker: "", start: 40, end: 41}]
  };
  const spans = passageSpans("a", 1, tables);
  assert.deepEqual(spans.map((s: {kind: string}) => s.kind), ["quote", "date", "figure"]);
  assert.equal(spans.find((s: {kind: string}) => s.kind === "figure").title, "Figure (money): 60,000,000,000–80,000,000,000 USD, range");
  assert.equal(spans[0].title, "Quote, speaker not identified");
});
