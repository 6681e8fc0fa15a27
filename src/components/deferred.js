/**
 * Draws a block only when the reader is about to see it, so a phone on a slow CPU runs the
 * first screen's code at load and the rest while the reader scrolls:
 *
 *   ${deferred("capex-chart", () => resize((width) => capexChart(rows, {width})), {height: 380})}
 *
 * Until then the block keeps `height` pixels of room, so nothing jumps when it arrives. A key
 * that has been drawn once is drawn at once from then on: an Input that changes a chart the
 * reader has already seen never waits for the observer. Printing draws every waiting block
 * first (the "beforeprint" event), and so do the browser tests, by dispatching that event.
 * `load` (optional) returns a promise to await before drawing, such as a library's import, or
 * nothing when it is already there; a drawn block gets `data-drawn`.
 */
const drawnKeys = new Set();
const waiting = new Map();
let observer;

export function deferred(key, render, {height = 0, load} = {}) {
  const block = document.createElement("div");
  block.className = "deferred";
  block.dataset.deferred = key;
  if (height) block.style.minHeight = `${height}px`;
  if (drawnKeys.has(key) || typeof IntersectionObserver === "undefined") {
    draw(block, key, render, load);
    return block;
  }
  waiting.set(block, {key, render, load});
  observer ??= new IntersectionObserver(reveal, {rootMargin: "50% 0px"}); // half a screen ahead of the reader
  observer.observe(block);
  return block;
}

/** Draws every block still waiting (for printing, or for a test that inspects the whole page). */
export function drawAllDeferred() {
  for (const block of [...waiting.keys()]) drawWaiting(block);
}

function reveal(entries) {
  for (const entry of entries) if (entry.isIntersecting) drawWaiting(entry.target);
}

function drawWaiting(block) {
  const job = waiting.get(block);
  // A block made by a cell but not yet put in the page keeps waiting: the observer (or the next
  // drawAllDeferred) draws it once it is there.
  if (!job || !block.isConnected) return;
  waiting.delete(block);
  observer?.unobserve(block);
  draw(block, job.key, job.render, job.load);
}

function draw(block, key, render, load) {
  drawnKeys.add(key);
  const loading = load?.();
  if (loading) loading.then(() => show(block, render), (error) => show(block, () => { throw error; }));
  else show(block, render);
}

function show(block, render) {
  let content;
  try {
    content = render();
  } catch (error) {
    console.error(error);
    content = failed(error);
  }
  block.replaceChildren(...(content == null ? [] : [content]));
  block.dataset.drawn = "";
}

function failed(error) {
  const p = document.createElement("p");
  p.className = "deferred-error";
  p.textContent = `This block could not be drawn (${error?.message ?? error}). Reload the page to try again.`;
  return p;
}

if (typeof window !== "undefined") window.addEventListener("beforeprint", drawAllDeferred);
