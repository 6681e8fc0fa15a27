// Teacher notes in the chapters: a block at the top (goal, timing, misconceptions), a note right
// after each section's h2 (the speaker view shows the current slide's), one under each discussion
// prompt, and scenario links that only use query parameters their page reads, so that renaming an
// input's URL key breaks this test instead of the link.
import {test} from "node:test";
import assert from "node:assert/strict";
import {linkProblems, pageParams, pages, scenarioLinks, teacherNotes, VIEW_PARAMS, viewParams} from "./teacher-links.ts";

const CHAPTERS = ["licensing", "revenue-sharing", "seeding", "capex", "sources"];
const md = pages();
const OPEN = '<div class="teacher-only teacher-notes">';

/** The Markdown outside ``` fences, line by line (an h2 inside a code block is not a heading). */
function proseLines(text: string): string[] {
  let fenced = false;
  return text.split("\n").map((line) => {
    if (line.startsWith("```")) fenced = !fenced;
    return fenced || line.startsWith("```") ? "" : line;
  });
}

const nextLine = (lines: string[], i: number) => lines.slice(i + 1).find((l) => l.trim() !== "")?.trim();

test("the parameter reader finds urlState keys past commas in strings, arrays and template literals", () => {
  const source = [
    'const a = urlState(rangeInput([0, 8], {label: "Upload, limit", format: (v) => `${v}, ${"x"}`}), "upload");',
    "const b = urlState(Inputs.toggle({label: 'Keep'}), 'keep', {parse: (t) => t === \"1\"});",
    'const c = view(urlState(Inputs.select(["a", "b"]), "service"));',
    'const params = new URLSearchParams(location.search);',
    'const percent = (key, fallback) => { const v = Number(params.get(key)); return params.has(key) ? v : fallback; };',
    'const d = percent("share_low", 5);',
    'const e = new URLSearchParams(location.search).get("article");',
    'urlState(input, key);'
  ].join("\n");
  assert.deepEqual([...pageParams(source)].sort(), ["article", "keep", "service", "share_low", "upload"]);
});

test("the view parameters are read from classroom.js: classroom, speaker and teacher", () => {
  assert.deepEqual(VIEW_PARAMS, ["classroom", "speaker", "teacher"]);
  assert.deepEqual(viewParams('const a = flag(location.search, "teacher"); flag( location.search , "handout" ); flag(search, "x");'), ["handout", "teacher"]);
});

test("a scenario link is held to its page's parameters and the view parameters, and nothing else", () => {
  const notes = (href: string) => `${OPEN}\n[open it](${href}) and ask the class to predict first\n</div>`;
  const check = (href: string) => scenarioLinks("seeding", notes(href)).flatMap((link) => linkProblems(link, md));
  assert.deepEqual(check("seeding.html?classroom&teacher&speaker&upload=0"), []);
  assert.equal(check("seeding.html?speakr").length, 1, "a misspelt view parameter");
  assert.match(check("seeding.html?upload=0&uplod=2")[0] ?? "", /“uplod”, which seeding\.md does not read/);
  assert.match(check("seeding.html?upload=")[0] ?? "", /gives “upload” no value/);
  assert.match(check("seding.html?upload=0")[0] ?? "", /opens no page/);
});

for (const chapter of CHAPTERS) {
  test(`${chapter}: teacher notes at the top, after each section's heading and under each discussion prompt`, () => {
    const text = md.get(chapter);
    assert.ok(text, `src/${chapter}.md exists`);
    const notes = teacherNotes(text);
    const top = notes[0];
    assert.ok(top, `${chapter}: has teacher notes`);
    assert.match(top, /\*\*Goal\.\*\*/, `${chapter}: the first notes give the lesson's goal`);
    assert.match(top, /\*\*Timing[^*]*\*\*.*\d+ min/, `${chapter}: … a timing`);
    const misconceptions = top.split("\n").filter((l) => /^- \*"/.test(l));
    assert.ok(misconceptions.length >= 2 && misconceptions.length <= 4, `${chapter}: two or three misconceptions, each with what to do (${misconceptions.length})`);
    const lines = proseLines(text);
    const firstH2 = lines.findIndex((l) => l.startsWith("## "));
    assert.ok(lines.slice(0, firstH2).some((l) => l.trim() === OPEN), `${chapter}: the goal and timing are in the first section, before the first h2`);
    let discussion = false;
    let prompts = 0;
    lines.forEach((line, i) => {
      if (line.startsWith("## ")) {
        discussion = /discussion/i.test(line);
        if (!discussion) assert.equal(nextLine(lines, i), OPEN, `${chapter}: “${line}” is followed by its teacher note`);
      } else if (discussion && /^\d+\. /.test(line)) {
        prompts++;
        assert.equal(nextLine(lines, i), OPEN, `${chapter}: discussion prompt “${line.slice(0, 40)}…” has a note under it`);
      }
    });
    assert.ok(prompts >= 2, `${chapter}: discussion prompts found (${prompts})`);
    // Each section note carries a timing, which adds up with the others.
    const minutes = notes.slice(1).map((n) => Number(/^\s*\*\*(\d+) min\.\*\*/.exec(n)?.[1] ?? NaN)).filter(Number.isFinite);
    assert.ok(minutes.length >= 4, `${chapter}: section notes give their minutes (${minutes.length})`);
  });

  test(`${chapter}: scenario links ask for a prediction and use only query parameters the page reads`, () => {
    const links = scenarioLinks(chapter, md.get(chapter)!);
    assert.ok(links.length >= 2, `${chapter}: scenario links (${links.length})`);
    assert.ok(teacherNotes(md.get(chapter)!).some((n) => /predict first/.test(n) && scenarioLinks(chapter, `${OPEN}${n}</div>`).length), `${chapter}: a note with links asks the class to predict first`);
    assert.deepEqual(links.flatMap((link) => linkProblems(link, md)).map((p) => `${chapter}: ${p}`), []);
  });
}
