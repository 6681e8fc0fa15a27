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
 */
const drawnKeys = new Set();
const waiting = new Map();
let observer;

export function deferred(key, render, {height = 0, margin = "50% 0px"} = {}) {
  const block = document.createElement("div");
  block.className = "deferred";
  block.dataset.deferred = key;
  if (drawnKeys.has(key) || typeof IntersectionObserver === "undefined") {
    draw(block, key, render);
    return block;
  }
  if (height) block.style.minHeight = `${height}px`;
  waiting.set(block, {key, render});
  observer ??= new IntersectionObserver(reveal, {rootMargin: margin});
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
  waiting.delete(block);
  observer?.unobserve(block);
  if (job && block.isConnected) draw(block, job.key, job.render);
}

function draw(block, key, render) {
  drawnKeys.add(key);
  const content = render();
  block.replaceChildren(...(content == null ? [] : [content]));
}

if (typeof window !== "undefined") window.addEventListener("beforeprint", drawAllDeferred);
