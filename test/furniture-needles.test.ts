import {test} from "node:test";
import assert from "node:assert/strict";
import {mayMatch, needleText, needlesOf} from "../loaders/furniture/needles.ts";

test("needles: the literal ASCII start of every top-level branch, lower-cased", () => {
  assert.deepEqual(needlesOf(/\bNews letter\b|\bjobs?\b|kostenlos per e-?mail/iu), ["news letter", "job", "kostenlos per e"]);
  // A branch without three literal characters at its start: no prefilter for the rule.
  assert.equal(needlesOf(/\bnewsletter\b|^(?:home|start)/iu), null);
  assert.equal(needlesOf(/[(]x\)|abc/iu), null);
});

test("needles: never rule out a block the expression matches", () => {
  const re = /\bsubscribe to\b|\bjobs?\b.{0,20}\bapply\b/iu;
  for (const text of ["SUBSCRIBE TO our letter", "Jobs here: apply now", "jobs and apply"]) {
    assert.equal(re.test(text), true);
    assert.equal(mayMatch(re, needleText(text)), true);
  }
  assert.equal(mayMatch(re, needleText("A paragraph about the weather.")), false);
  // ſ (long s) matches s under /iu but lower-cases to itself: such a text is always tried.
  assert.equal(needleText("ſubscribe to"), null);
  assert.equal(mayMatch(re, needleText("ſubscribe to")), true);
});
