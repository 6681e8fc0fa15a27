/**
 * A labelled slider with a number box, like Inputs.range, built with the DOM API only.
 * Inputs.range and Inputs.number write their handlers through htl as `oninput=` attributes,
 * which the site's Content Security Policy (no inline script attributes, loaders/postbuild.ts)
 * reports as a violation in the console; this input does the same job without one.
 *
 * numberRange([min, max], {label, value, step, log, format, id}) → form with `.value` and
 * "input" events, so it works with view(...) and urlState(...). With `log: true` the slider
 * moves in powers of ten (for quantities spanning orders of magnitude); the box takes any value.
 */
let counter = 0;

export function numberRange([min, max], {label = "", value = min, step = 1, log = false, format, id = `number-range-${++counter}`, width} = {}) {
  const form = document.createElement("form");
  form.className = "number-range";
  form.addEventListener("submit", (event) => event.preventDefault());
  const lab = document.createElement("label");
  lab.htmlFor = `${id}-number`;
  lab.textContent = label;
  const number = document.createElement("input");
  number.type = "number";
  number.id = `${id}-number`;
  number.min = String(min);
  number.max = String(max);
  number.step = String(step);
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
  form.append(lab, row, note);
  if (width) form.style.maxWidth = typeof width === "number" ? `${width}px` : width;

  const clamp = (v) => Math.min(max, Math.max(min, v));
  const snap = (v) => (step ? Math.round(v / step) * step : v);
  let current;
  const show = () => {
    number.value = String(current);
    slider.value = String(toSlider(current));
    note.textContent = format ? format(current) : "";
  };
  const set = (v) => {
    const n = Number(v);
    if (!Number.isFinite(n)) return false;
    current = +snap(clamp(n)).toPrecision(12);
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
    set(fromSlider(slider.valueAsNumber));
    number.value = String(current);
    note.textContent = format ? format(current) : "";
    emit();
  });
  number.addEventListener("input", (event) => {
    event.stopPropagation();
    if (number.value === "" || !set(number.valueAsNumber)) return;
    slider.value = String(toSlider(current));
    note.textContent = format ? format(current) : "";
    emit();
  });
  number.addEventListener("change", () => show());
  form.value = value;
  return form;
}
