import {hashString, prng, shuffledIndices} from "./random.js";

/**
 * A check for understanding that answers back.
 *
 * Multiple choice: `choices: [{text, why}]` and `answer`, the index of the right option in that
 * array. Every option carries its own `why`: for a wrong one, what the misconception it stands
 * for gets wrong; for the right one, why it is right. The options are shown in an order shuffled
 * from the check's id (a string hash seeding a PRNG), so the order is the same on every load and
 * in every printed copy, while the right option's place differs from check to check.
 *
 * Numeric: `answer` (a number), `tolerance`, `prefix` and `unit` around the number ("US$", "billion"),
 * `why` (shown when right) and an optional `hint` (shown when wrong: how to get there, never the number).
 *
 * `requires: {id, label, href}` marks a check that can only be answered by using the page's
 * interactive (`data-requires` on the form), and links it. `source: {href, label}` links the row
 * or passage that decides it.
 *
 * Answers are remembered in localStorage under `ledger:check:<id>` as the option's index in
 * `choices` (not its place on screen) and its text: a saved answer whose option has since been
 * rewritten is forgotten rather than shown against another option. With storage disabled a
 * check still answers, it just forgets. Each answer dispatches a bubbling `ledger-check` event
 * (the progress line listens); a `ledger-checks-cleared` event on the document resets every check.
 *
 * Text between backticks in the question, the options and the explanations is shown as code
 * (a <code> element whose text is set as text: nothing is ever parsed as markup).
 */
export function check({id, question, choices, answer, tolerance = 0, prefix = "", unit = "", why, hint, source, requires}) {
  const options = choices?.map((c) => (typeof c === "string" ? {text: c} : c));
  if (options && !(answer >= 0 && answer < options.length)) throw new Error(`check ${id}: answer ${answer} is not an option`);
  const form = document.createElement("form");
  form.className = "check";
  form.dataset.check = id;
  if (requires) form.dataset.requires = requires.id;
  const fieldset = document.createElement("fieldset");
  const legend = document.createElement("legend");
  legend.append(...inlineCode(question));
  fieldset.append(legend);
  if (requires) {
    const note = document.createElement("p");
    note.className = "check-requires";
    const a = document.createElement("a");
    a.href = requires.href;
    a.textContent = requires.label;
    note.append("Answer it with ", a, ".");
    fieldset.append(note);
  }
  const name = `check-${id}`;
  if (options) {
    for (const i of shuffleOrder(id, options.length)) {
      const label = document.createElement("label");
      const input = document.createElement("input");
      input.type = "radio";
      input.name = name;
      input.value = String(i);
      label.append(input, " ", ...inlineCode(options[i].text));
      fieldset.append(label);
    }
  } else {
    const label = document.createElement("label");
    const input = document.createElement("input");
    input.type = "number";
    input.step = "any";
    input.name = name;
    label.append("Your answer ", ...(prefix ? [prefix, "\u00a0"] : []), input, unit ? `\u00a0${unit}` : "");
    fieldset.append(label);
  }
  const button = document.createElement("button");
  button.type = "submit";
  button.textContent = "Check";
  const feedback = document.createElement("p");
  feedback.className = "check-feedback";
  feedback.setAttribute("role", "status");
  feedback.setAttribute("aria-live", "polite");
  const teacher = document.createElement("p");
  teacher.className = "check-answer";
  const rightWhy = options ? options[answer].why ?? why : why;
  teacher.append(...inlineCode(`Answer: ${options ? options[answer].text : formatAnswer(answer, {prefix, unit})}. ${rightWhy ?? ""}`.trim()));
  form.append(fieldset, button, feedback, teacher);

  const judge = (value) => (options ? Number(value) === answer : Math.abs(Number(value) - answer) <= tolerance);
  const show = (value) => {
    const right = judge(value);
    form.dataset.state = right ? "right" : "wrong";
    feedback.replaceChildren();
    const verdict = document.createElement("strong");
    verdict.textContent = right ? "Right. " : "Not quite. ";
    const explanation = right ? rightWhy : options ? options[Number(value)]?.why : hint ? `Hint: ${hint}` : "Try again.";
    feedback.append(verdict, ...inlineCode(explanation ?? ""));
    if (source) {
      const a = document.createElement("a");
      a.href = source.href;
      a.textContent = source.label ?? "Source";
      feedback.append(" ", a);
    }
    return right;
  };
  const announce = () => form.dispatchEvent(new CustomEvent("ledger-check", {bubbles: true, detail: {id, state: form.dataset.state ?? null}}));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = options ? form.querySelector(`input[name="${name}"]:checked`)?.value : form.querySelector("input")?.value;
    if (value === undefined || value === "") {
      feedback.textContent = options ? "Pick an answer first." : "Enter a number first.";
      return;
    }
    const right = show(value);
    remember(id, options ? {value, right, text: options[Number(value)].text} : {value, right});
    announce();
  });
  const reset = () => {
    form.reset();
    delete form.dataset.state;
    feedback.replaceChildren();
    announce();
  };
  const onCleared = () => (form.isConnected ? reset() : document.removeEventListener("ledger-checks-cleared", onCleared));
  document.addEventListener("ledger-checks-cleared", onCleared);
  const saved = recall(id);
  // A saved choice counts only if it still names the same option (a rewritten option starts fresh).
  if (saved && (!options || options[Number(saved.value)]?.text === saved.text)) {
    const input = options ? form.querySelector(`input[value="${saved.value}"]`) : form.querySelector("input");
    if (input) options ? (input.checked = true) : (input.value = saved.value);
    show(saved.value);
  }
  return form;
}

/** The display order of a check's options: indices into `choices`, the same for the same id. */
export function shuffleOrder(id, n) {
  return shuffledIndices(n, prng(hashString(`check:${id}`)));
}

/** A numeric answer with its unit where a reader says it: "US$7.22 billion", "700 million", "0 pieces". */
export function formatAnswer(value, {prefix = "", unit = ""} = {}) {
  const number = Number(value).toLocaleString("en-US", {maximumFractionDigits: 10});
  // A currency sign sits on the number ("US$7.22"); a word before it keeps its space.
  const head = prefix ? (/[$€£¥]$/.test(prefix) ? prefix : `${prefix} `) : "";
  return `${head}${number}${unit ? (unit === "%" ? unit : ` ${unit}`) : ""}`;
}

/** Text with `code` spans as a list of text nodes and <code> elements (each set as text). */
export function inlineCode(text) {
  const parts = String(text ?? "").split("`");
  // An odd number of parts means the backticks pair up; a lone backtick stays as it is.
  if (parts.length % 2 === 0) return [String(text ?? "")];
  return parts
    .map((part, i) => {
      if (i % 2 === 0) return part ? document.createTextNode(part) : null;
      const code = document.createElement("code");
      code.textContent = part;
      return code;
    })
    .filter(Boolean);
}

function remember(id, state) {
  try {
    localStorage.setItem(`ledger:check:${id}`, JSON.stringify(state));
  } catch {
    // Storage disabled (private mode, a school policy): the check still answers, it just forgets.
  }
}

function recall(id) {
  try {
    return JSON.parse(localStorage.getItem(`ledger:check:${id}`) ?? "null");
  } catch {
    return null;
  }
}
