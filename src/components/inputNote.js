/**
 * What a number box says when it cannot use the number the reader typed. A box that clamps or
 * rounds without a word leaves the page saying "you typed 2 billion" after the reader typed 5000;
 * every range input of the site writes this sentence beside itself instead (role="status").
 *
 * adjustmentNote(typed, used, {min, max, step, why}) → "" when nothing changed, else one sentence:
 * what was typed, what is used, and why (the box's limits, and the page's reason for them).
 */
const show = (n) => (+(+n).toPrecision(12)).toLocaleString("en-US", {maximumFractionDigits: 6});

export function adjustmentNote(typed, used, {min, max, step, why} = {}) {
  const t = Number(typed);
  if (!Number.isFinite(t) || !Number.isFinite(Number(used)) || Math.abs(t - used) < 1e-9 * Math.max(1, Math.abs(t))) return "";
  const reason =
    Number.isFinite(min) && t < min ? `the smallest this box takes is ${show(min)}`
    : Number.isFinite(max) && t > max ? `the largest this box takes is ${show(max)}`
    : step ? `this box moves in steps of ${show(step)}`
    : "this box cannot take that value";
  return `You typed ${show(t)}; ${reason}${why ? ` (${why})` : ""}, so the page uses ${show(used)}.`;
}

/** The status line an input writes the note into: empty and hidden until there is something to say. */
export function noteElement(className = "input-adjusted") {
  const out = document.createElement("output");
  out.className = className;
  out.setAttribute("role", "status");
  out.hidden = true;
  return out;
}

export function setNote(out, text) {
  out.textContent = text;
  out.hidden = !text;
}
