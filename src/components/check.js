/**
 * A check for understanding that answers back. Multiple choice (`choices` + `answer` index) or
 * numeric (`answer` number + `tolerance`). After an answer it says whether it was right and
 * why, and links the passage or reference row that decides it. Progress is remembered in
 * localStorage under `ledger:check:<id>`; with storage disabled it still works, just forgets.
 *
 * check({id, question, choices?, answer, tolerance?, unit?, why, source?: {href, label}})
 *
 * Text between backticks in the question, the choices and the explanation is shown as code
 * (a <code> element whose text is set as text: nothing is ever parsed as markup).
 */
export function check({id, question, choices, answer, tolerance = 0, unit = "", why, source}) {
  const form = document.createElement("form");
  form.className = "check";
  form.dataset.check = id;
  const fieldset = document.createElement("fieldset");
  const legend = document.createElement("legend");
  legend.append(...inlineCode(question));
  fieldset.append(legend);
  const name = `check-${id}`;
  if (choices) {
    choices.forEach((choice, i) => {
      const label = document.createElement("label");
      const input = document.createElement("input");
      input.type = "radio";
      input.name = name;
      input.value = String(i);
      label.append(input, " ", ...inlineCode(choice));
      fieldset.append(label);
    });
  } else {
    const label = document.createElement("label");
    const input = document.createElement("input");
    input.type = "number";
    input.step = "any";
    input.name = name;
    label.append("Your answer ", input, unit ? ` ${unit}` : "");
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
  teacher.append(...inlineCode(`Answer: ${choices ? choices[answer] : `${answer}${unit ? ` ${unit}` : ""}`}. ${why}`));
  form.append(fieldset, button, feedback, teacher);

  const judge = (value) => (choices ? Number(value) === answer : Math.abs(Number(value) - answer) <= tolerance);
  const show = (value) => {
    const right = judge(value);
    form.dataset.state = right ? "right" : "wrong";
    feedback.replaceChildren();
    const verdict = document.createElement("strong");
    verdict.textContent = right ? "Right. " : "Not quite. ";
    feedback.append(verdict, ...(right ? inlineCode(why) : [`Try again, or read the source.${choices ? "" : tolerance > 0 ? ` (An answer within ${tolerance}${unit ? ` ${unit}` : ""} of it counts.)` : " (Only the exact number counts.)"}`]));
    if (source) {
      const a = document.createElement("a");
      a.href = source.href;
      a.textContent = source.label ?? "Source";
      feedback.append(" ", a);
    }
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = choices ? form.querySelector(`input[name="${name}"]:checked`)?.value : form.querySelector("input")?.value;
    if (value === undefined || value === "") {
      feedback.textContent = "Pick or enter an answer first.";
      return;
    }
    show(value);
    remember(id, {value, right: judge(value)});
  });
  const saved = recall(id);
  if (saved) {
    const input = choices ? form.querySelector(`input[value="${saved.value}"]`) : form.querySelector("input");
    if (input) choices ? (input.checked = true) : (input.value = saved.value);
    show(saved.value);
  }
  return form;
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
