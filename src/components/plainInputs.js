/**
 * Two small Inputs built from plain DOM, usable with `view()` like Observable Inputs: each has a
 * numeric or string `value` and fires "input". Observable Inputs' range and textarea are built by
 * htl templates whose placeholder event-handler attributes the site's Content Security Policy
 * reports as violations (script-src-attr) on every page load; these avoid that.
 */
let counter = 0;

/** A number box and a slider kept in step: numberRange({label, min, max, step, value}). */
export function numberRange({label, min = 0, max = 100, step = 1, value = min} = {}) {
  const id = `plain-range-${++counter}`;
  const root = document.createElement("div");
  root.className = "plain-input plain-range";
  const lab = document.createElement("label");
  lab.htmlFor = id;
  lab.textContent = label;
  const number = document.createElement("input");
  Object.assign(number, {type: "number", id, min, max, step, value});
  const slider = document.createElement("input");
  Object.assign(slider, {type: "range", min, max, step, value});
  slider.setAttribute("aria-label", label);
  root.append(lab, number, slider);
  let current = Number(value);
  const set = (v, from) => {
    if (!Number.isFinite(v)) return false;
    current = Math.min(max, Math.max(min, v));
    if (from !== number) number.value = String(current);
    if (from !== slider) slider.value = String(current);
    return true;
  };
  for (const input of [number, slider]) {
    input.addEventListener("input", (event) => {
      event.stopPropagation();
      if (input.value !== "" && set(Number(input.value), input)) root.dispatchEvent(new Event("input", {bubbles: true}));
    });
  }
  Object.defineProperty(root, "value", {get: () => current, set: (v) => set(Number(v))});
  return root;
}

/** A labelled text area: textArea({label, value, rows, cols}). */
export function textArea({label, value = "", rows = 3, cols = 60} = {}) {
  const id = `plain-textarea-${++counter}`;
  const root = document.createElement("div");
  root.className = "plain-input plain-textarea";
  const lab = document.createElement("label");
  lab.htmlFor = id;
  lab.textContent = label;
  const area = document.createElement("textarea");
  Object.assign(area, {id, rows, cols, value});
  area.addEventListener("input", (event) => {
    event.stopPropagation();
    root.dispatchEvent(new Event("input", {bubbles: true}));
  });
  root.append(lab, area);
  Object.defineProperty(root, "value", {get: () => area.value, set: (v) => (area.value = v)});
  return root;
}
