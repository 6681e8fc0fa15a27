/**
 * A labelled slider with a number box, like Inputs.range, built with the DOM API only.
 * Inputs.range and Inputs.number write their handlers through htl as `oninput=` attributes,
 * which the site's Content Security Policy (no inline script attributes, loaders/postbuild.ts)
 * reports as a violation in the console; this input does the same job without one.
 *
 * numberRange([min, max], {label, value, step, log, format, id}) → form with `.value` and
 * "input" events, so it works with view(...) and urlState(...). With `log: true` the slider
 * moves in powers of ten (for quantities spanning orders of magnitude); the box takes any value.
 * `limits: [lo, hi]` lets the box keep numbers beyond the slider's ends (the slider then rests at
 * its end) and `boxStep: "any"` keeps them unrounded, so the page can use what the reader typed.
 * A typed number the box cannot use is clamped or rounded and the form says so beside the box
 * (`why` gives the page's reason for the limits).
 */
import {adjustmentNote, noteElement, setNote} from "./inputNote.js";

let counter = 0;

export function numberRange([min, max], {label = "", value = min, step = 1, log = false, format, id = `number-range-${++counter}`, width, limits = [min, max], boxStep = step, why} = {}) {
  const form = document.createElement("form");
  form.className = "number-range";
  form.addEventListener("submit", (event) => event.preventDefault());
  const lab = document.createElement("label");
  lab.htmlFor = `${id}-number`;
  lab.textContent = label;
  const number = document.createElement("input");
  number.type = "number";
  number.id = `${id}-number`;
  const [lo, hi] = limits;
  number.min = String(lo);
  if (Number.isFinite(hi)) number.max = String(hi);
  number.step = String(boxStep);
  number.required = true;
  const slider = document.createElement("input");
  slider.type = "range";
  slider.setAttribute("aria-label", `${label} (slider)`);
  const toSlider = log ? (v) => Math.log10(v) : (v) => v;
  const fromSlider = log ? (s) => 10 ** s : (s) => s;
  slider.min = String(toSlider(min));
  slider.max = String(toSlider(max));
  slider.step = log ? "any" : String(step);
  const note = document.createElement("output");
  note.className = "number-range-note";
  note.htmlFor = number.id;
  const row = document.createElement("div");
  row.className = "number-range-input";
  row.append(number, slider);
  const adjusted = noteElement();
  adjusted.htmlFor = number.id;
  form.append(lab, row, note, adjusted);
  if (width) form.style.maxWidth = typeof width === "number" ? `${width}px` : width;

  const clamp = (v, a = min, b = max) => Math.min(b, Math.max(a, v));
  const snapTo = (v, s) => (s && s !== "any" ? Math.round(v / s) * s : v);
  let current;
  const sliderAt = (v) => String(toSlider(clamp(v)));
  const show = () => {
    number.value = String(current);
    slider.value = sliderAt(current);
    note.textContent = format ? format(current) : "";
  };
  // From the box (or the URL) a value may go to the box's limits at the box's step; from the slider, to its own.
  const set = (v, {fromBox = true} = {}) => {
    const n = Number(v);
    if (!Number.isFinite(n)) return false;
    current = fromBox ? +snapTo(clamp(n, lo, hi), boxStep).toPrecision(12) : +snapTo(clamp(n), step).toPrecision(12);
    return true;
  };
  Object.defineProperty(form, "value", {
    get: () => current,
    set: (v) => {
      if (set(v)) show();
    }
  });
  const emit = () => form.dispatchEvent(new Event("input", {bubbles: true}));
  slider.addEventListener("input", (event) => {
    event.stopPropagation();
    set(fromSlider(slider.valueAsNumber), {fromBox: false});
    number.value = String(current);
    setNote(adjusted, "");
    note.textContent = format ? format(current) : "";
    emit();
  });
  number.addEventListener("input", (event) => {
    event.stopPropagation();
    if (number.value === "" || !set(number.valueAsNumber)) return;
    slider.value = sliderAt(current);
    note.textContent = format ? format(current) : "";
    emit();
  });
  number.addEventListener("change", () => {
    const typed = number.valueAsNumber;
    show();
    setNote(adjusted, adjustmentNote(typed, current, {min: lo, max: hi, step: boxStep === "any" ? undefined : boxStep, why}));
  });
  form.value = value;
  return form;
}
