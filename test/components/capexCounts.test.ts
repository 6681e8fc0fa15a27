import {test} from "node:test";
import assert from "node:assert/strict";
// @ts-expect-error: plain JavaScript module
import {capexClaims, capexCountSentence, capexFigureCounts} from "../../src/components/claimsVsMeta.js";
import {compileProject} from "../../loaders/project.ts";

test("the capex and sources chapters count ranges and ceilings with one function over the tables", () => {
  const {tables} = compileProject();
  const claims = capexClaims(tables as never);
  const counts = capexFigureCounts(claims);
  assert.equal(counts.ranges + counts.ceilings + counts.others, counts.figures);
  const sentence = capexCountSentence(claims);
  assert.match(sentence, new RegExp(`^Of ${counts.figures} figures? for Meta's 2025 capex in ${counts.articles} articles?, `));
  assert.equal(capexCountSentence([{article_id: "a", qualifier: "up_to"}]), "Of 1 figure for Meta's 2025 capex in 1 article, 1 gives a ceiling (“up to”).");
  assert.equal(capexCountSentence([{article_id: "a", qualifier: "range"}, {article_id: "b", qualifier: "range"}, {article_id: "b", qualifier: "up_to"}]), "Of 3 figures for Meta's 2025 capex in 2 articles, 2 give a range and 1 a ceiling (“up to”).");
  assert.equal(capexCountSentence([]), "No article gives a figure for Meta's 2025 capex.");
});
