import {test} from "node:test";
import assert from "node:assert/strict";
// @ts-expect-error: plain JavaScript module
import {adjustmentNote} from "../../src/components/inputNote.js";

test("a number box says what it did with a number it could not use, and why", () => {
  assert.equal(adjustmentNote(12, 12, {min: 3, max: 40, step: 1}), "");
  assert.equal(adjustmentNote(2, 3, {min: 3, max: 40, step: 1, why: "a swarm needs you, the seeder and at least one other peer"}), "You typed 2; the smallest this box takes is 3 (a swarm needs you, the seeder and at least one other peer), so the page uses 3.");
  assert.match(adjustmentNote(5000, 2000, {min: 0, max: 2000}), /You typed 5,000; the largest this box takes is 2,000, so the page uses 2,000\./);
  assert.match(adjustmentNote(700.5, 701, {min: 0, max: 2000, step: 1}), /You typed 700\.5; this box moves in steps of 1, so the page uses 701\./);
});
