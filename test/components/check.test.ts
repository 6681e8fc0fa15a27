import {test, beforeEach} from "node:test";
import assert from "node:assert/strict";
import "./dom.ts";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {check, shuffleOrder, formatAnswer} from "../../src/components/check.js";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {hashString} from "../../src/components/random.js";

// A page's localStorage, in memory (jsdom's is unavailable on about:blank); removed to test "storage disabled".
class MemoryStorage {
  items = new Map<string, string>();
  get length() { return this.items.size; }
  key(i: number) { return [...this.items.keys()][i] ?? null; }
  getItem(k: string) { return this.items.get(k) ?? null; }
  setItem(k: string, v: string) { this.items.set(k, String(v)); }
  removeItem(k: string) { this.items.delete(k); }
  clear() { this.items.clear(); }
}
const g = globalThis as Record<string, unknown>;
// Node has its own CustomEvent, which jsdom's elements refuse to dispatch: use the page's, as in a browser.
g.CustomEvent = (window as unknown as Record<string, unknown>).CustomEvent;
beforeEach(() => {
  g.localStorage = new MemoryStorage();
  document.body.replaceChildren();
});

const QUESTION = {
  id: "unit-osd",
  question: "Which points does OSI say the licence fails?",
  choices: [
    {text: "Point 2 only", why: "Point 2 is not named."},
    {text: "Points 5 and 6", why: "OSI names points 5 and 6."},
    {text: "None at all", why: "OSI says it is not open source."},
    {text: "Point 9 only", why: "Point 9 is about other software."}
  ],
  answer: 1,
  source: {href: "sources.html#ref-x", label: "Row x"}
};

const shown = (form: HTMLFormElement) => [...form.querySelectorAll("label")].map((l) => ({value: l.querySelector("input")!.value, text: l.textContent!.trim()}));
function pick(form: HTMLFormElement, value: string) {
  (form.querySelector(`input[value="${value}"]`) as HTMLInputElement).checked = true;
  form.requestSubmit();
  return {state: form.dataset.state, feedback: form.querySelector(".check-feedback")!.textContent!};
}
function enter(form: HTMLFormElement, value: string) {
  (form.querySelector("input[type=number]") as HTMLInputElement).value = value;
  form.requestSubmit();
  return {state: form.dataset.state, feedback: form.querySelector(".check-feedback")!.textContent!};
}

test("the display order is a permutation seeded by the id: the same on every call, different between ids", () => {
  assert.equal(hashString("check:a"), hashString("check:a"));
  assert.notEqual(hashString("check:a"), hashString("check:b"));
  const order = shuffleOrder("unit-osd", 4);
  assert.deepEqual(order, shuffleOrder("unit-osd", 4));
  assert.deepEqual([...order].sort(), [0, 1, 2, 3]);
  // Over many ids, the option at source index 1 lands in every place, none taking the lion's share.
  const places = [0, 0, 0, 0];
  for (let i = 0; i < 400; i++) places[shuffleOrder(`id-${i}`, 4).indexOf(1)]++;
  assert.ok(places.every((n) => n > 60 && n < 140), `places of the answer: ${places}`);
});

test("options are shown in the shuffled order, each input carrying its index in `choices`", () => {
  const form = check(QUESTION);
  const order = shuffleOrder("unit-osd", 4);
  assert.deepEqual(shown(form), order.map((i: number) => ({value: String(i), text: QUESTION.choices[i].text})));
  assert.notDeepEqual(order, [0, 1, 2, 3], "this id does not happen to keep the source order");
  // A second render of the same check looks the same.
  assert.deepEqual(shown(check(QUESTION)), shown(form));
});

test("each option answers with its own explanation; the right one with why it is right", () => {
  const form = check(QUESTION);
  for (const [i, choice] of QUESTION.choices.entries()) {
    const {state, feedback} = pick(form, String(i));
    assert.equal(state, i === QUESTION.answer ? "right" : "wrong");
    assert.equal(feedback, `${i === QUESTION.answer ? "Right." : "Not quite."} ${choice.why} Row x`);
  }
  assert.equal(form.querySelector(".check-answer")!.textContent, "Answer: Points 5 and 6. OSI names points 5 and 6.");
});

test("a saved answer is the option's source index and text, and comes back on the same option after the shuffle", () => {
  const form = check(QUESTION);
  pick(form, "3");
  const saved = JSON.parse((g.localStorage as MemoryStorage).getItem("ledger:check:unit-osd")!);
  assert.deepEqual(saved, {value: "3", right: false, text: "Point 9 only"});
  const again = check(QUESTION);
  const checked = again.querySelector("input:checked") as HTMLInputElement;
  assert.equal(checked.value, "3");
  assert.equal(checked.closest("label")!.textContent!.trim(), "Point 9 only");
  assert.equal(again.dataset.state, "wrong");
  assert.match(again.querySelector(".check-feedback")!.textContent!, /Point 9 is about other software/);
  // Once the option is rewritten, the old answer no longer applies to it.
  const rewritten = check({...QUESTION, choices: QUESTION.choices.map((c, i) => (i === 3 ? {...c, text: "Point 7 only"} : c))});
  assert.equal(rewritten.querySelector("input:checked"), null);
  assert.equal(rewritten.dataset.state, undefined);
});

test("numeric: a wrong number gets the hint (or a plain try again), never the tolerance; the unit sits where a reader says it", () => {
  const form = check({id: "unit-capex", question: "By how much?", answer: 7.22, tolerance: 0.05, prefix: "US$", unit: "billion", hint: "Subtract the top of the range from the actual figure.", why: "72.22 − 65 = 7.22."});
  assert.equal(form.querySelector("label")!.textContent, "Your answer US$\u00a0\u00a0billion");
  const wrong = enter(form, "65");
  assert.equal(wrong.state, "wrong");
  assert.equal(wrong.feedback, "Not quite. Hint: Subtract the top of the range from the actual figure.");
  assert.doesNotMatch(wrong.feedback, /within|0\.05|exact/);
  assert.equal(enter(form, "7.25").state, "right");
  assert.equal(form.querySelector(".check-answer")!.textContent, "Answer: US$7.22 billion. 72.22 − 65 = 7.22.");
  const plain = check({id: "unit-count", question: "How many?", answer: 4, unit: "blocks", why: "Four."});
  assert.equal(enter(plain, "5").feedback, "Not quite. Try again.");
  assert.equal(plain.querySelector(".check-answer")!.textContent, "Answer: 4 blocks. Four.");
  assert.equal(formatAnswer(700, {unit: "million"}), "700 million");
  assert.equal(formatAnswer(1.2, {prefix: "US$", unit: "million"}), "US$1.2 million");
  assert.equal(formatAnswer(3.3, {unit: "%"}), "3.3%");
  assert.equal(formatAnswer(22, {prefix: "round"}), "round 22");
});

test("a check that needs the interactive says so and is marked for the tests; clearing resets every check", () => {
  const form = check({...QUESTION, id: "unit-swarm", requires: {id: "swarm", label: "the swarm", href: "#swarm-inputs"}});
  document.body.append(form);
  assert.equal(form.dataset.requires, "swarm");
  assert.equal(form.querySelector(".check-requires a")!.getAttribute("href"), "#swarm-inputs");
  const events: (string | null)[] = [];
  document.addEventListener("ledger-check", (e) => events.push((e as CustomEvent).detail.state));
  pick(form, "1");
  document.dispatchEvent(new CustomEvent("ledger-checks-cleared"));
  assert.equal(form.dataset.state, undefined);
  assert.equal(form.querySelector("input:checked"), null);
  assert.equal(form.querySelector(".check-feedback")!.textContent, "");
  assert.deepEqual(events, ["right", null]);
});

test("with storage disabled a check still answers, and forgets", () => {
  delete g.localStorage;
  const form = check(QUESTION);
  assert.equal(pick(form, "1").state, "right");
  assert.equal(check(QUESTION).dataset.state, undefined);
});
