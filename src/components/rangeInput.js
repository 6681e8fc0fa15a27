/**
 * A number slider with a number box, like Inputs.range, built with plain DOM calls. Inputs.range
 * and Inputs.number create their elements through htl, which briefly writes inline `oninput`
 * attributes; the site's Content Security Policy (loaders/postbuild.ts) reports each one as a
 * console error. This input has no inline handlers. It exposes `value` and fires "input" events,
 * so `view(...)` and `urlState(...)` work with it as with Inputs. It reuses Inputs' form class
 * so it looks the same beside them.
 *
 * rangeInput([min, max], {label, step, value, transform, invert, format, id, why})
 * A typed number outside [min, max] or off the step is used clamped or rounded, and the form says
 * so beside the box (`why` gives the page's reason for the limits, e.g. "a swarm needs …").
 * `transform`/`invert` map the value to slider position (e.g. Math.log10 / (x) => 10 ** x) for
 * quantities spanning orders of magnitude.
 */
import {adjustmentNote, noteElement, setNote} from "./inputNote.js";

let counter = 0;

export function rangeInput([min, max], {label, step = 1, value = (min + max) / 2, transform, invert, format = (v) => String(v), id, why} = {}) {
  const form = document.createElement("form");
  form.className = "inputs-3a86ea range-input";
  const uid = id ?? `range-input-${++counter}`;
  const text = document.createElement("label");
  text.htmlFor = `${uid}-number`;
  text.textContent = label ?? "";
  const box = document.createElement("div");
  box.className = "inputs-3a86ea-input";
  const number = document.createElement("input");
  number.type = "number";
  number.id = `${uid}-number`;
  number.min = String(min);
  number.max = String(max);
  number.step = transform ? "any" : String(step);
  number.required = true;
  const slider = document.createElement("input");
  slider.type = "range";
  slider.setAttribute("aria-label", label ?? "");
  const t = transform ?? ((x) => x);
  const inv = invert ?? ((x) => x);
  slider.min = String(t(min));
  slider.max = String(t(max));
  slider.step = transform ? "any" : String(step);
  box.append(number, slider);
  const note = noteElement();
  note.htmlFor = number.id;
  form.append(text, box, note);
  form.addEventListener("submit", (e) => e.preventDefault());
  const snap = (v) => {
    v = Math.max(min, Math.min(max, v));
    if (!transform && step) v = min + Math.round((v - min) / step) * step;
    return +v.toPrecision(12);
  };
  let current;
  const set = (v) => {
    if (!Number.isFinite(v)) return false;
    current = snap(v);
    number.value = format(current);
    slider.value = String(t(current));
    return true;
  };
  // Both inputs' "input" events bubble to the form, which is what view() and urlState listen to.
  slider.addEventListener("input", () => {
    set(inv(slider.valueAsNumber));
    setNote(note, "");
  });
  number.addEventListener("input", (e) => {
    const v = number.valueAsNumber;
    if (!Number.isFinite(v) || v < min || v > max) {
      e.stopPropagation(); // not a usable value yet (typing): keep the last one
      return;
    }
    current = snap(v);
    slider.value = String(t(current));
  });
  // When the reader leaves the box, a number it could not use becomes the nearest it can, and the note says so.
  number.addEventListener("change", () => {
    const v = number.valueAsNumber;
    if (!Number.isFinite(v)) {
      number.value = format(current);
      setNote(note, "");
      return;
    }
    const before = current;
    set(v);
    setNote(note, adjustmentNote(v, current, {min, max, step: transform ? undefined : step, why}));
    if (current !== before) form.dispatchEvent(new Event("input", {bubbles: true}));
  });
  Object.defineProperty(form, "value", {
    get: () => current,
    set: (v) => {
      set(+v);
    }
  });
  set(value);
  return form;
}
