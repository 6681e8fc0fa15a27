/**
 * PNG and SVG downloads for every chart on a page (each `figure.chart`), as OWID's grapher
 * offers them: the image carries the chart's title, its source line, the page's address and the
 * build date, so a copy pasted into slides or a report still says what it is and where it came
 * from. The image is made when a link is clicked, from the chart as the reader has set it.
 *
 *   <figure class="chart" data-title="…" data-source="…">   (both optional)
 *
 * Without data-title the title is the heading the chart sits under; without data-source the
 * source line names the page. Imported by classroom.js, which every page loads.
 */

const SVG_NS = "http://www.w3.org/2000/svg";
const PAD = 16;
const TITLE_SIZE = 18;
const LINE_SIZE = 12;

/** The title, source line and credit an image of `figure` carries. */
export function chartLabels(figure, {address = pageAddress(), date = buildDate()} = {}) {
  const title = figure.dataset.title || headingBefore(figure) || document.title;
  const page = document.querySelector("#observablehq-main h1")?.textContent.trim() || document.title;
  const source = figure.dataset.source || `Llama Ledger, “${page}”: the articles and reference rows cited on the page`;
  return {title, source: `Source: ${source}.`, credit: `${address}${date ? ` · built ${date}` : ""} · CC BY 4.0`};
}

/**
 * The chart as one standalone SVG document: the title above, the chart's own SVG elements
 * (a legend and the plot) stacked at their drawn size, the source and credit lines below.
 */
export function chartSvg(figure, labels = chartLabels(figure)) {
  // Plot draws a colour legend as HTML swatches (a small SVG and a label each): redrawn as SVG.
  const swatches = [...figure.querySelectorAll("[class$='-swatch']")].filter((s) => s.querySelector("svg")).map((s) => ({fill: swatchFill(s.querySelector("svg")), label: s.textContent.trim()}));
  const parts = [...figure.querySelectorAll("svg")].filter((svg) => !svg.parentElement.closest("svg, [class$='-swatch']") && svg.getBoundingClientRect().width > 0);
  if (!parts.length) return null;
  const sizes = parts.map((svg) => {
    const r = svg.getBoundingClientRect();
    return {width: Math.ceil(r.width), height: Math.ceil(r.height)};
  });
  const width = Math.max(320, ...sizes.map((s) => s.width)) + 2 * PAD;
  const titleLines = wrap(labels.title, width - 2 * PAD, TITLE_SIZE);
  const footLines = [...wrap(labels.source, width - 2 * PAD, LINE_SIZE), ...wrap(labels.credit, width - 2 * PAD, LINE_SIZE)];
  let y = PAD;
  const root = document.createElementNS(SVG_NS, "svg");
  root.setAttribute("xmlns", SVG_NS);
  const color = "#1b1e23";
  root.setAttribute("style", `color: ${color}; background: #fff; font-family: system-ui, sans-serif;`);
  const background = document.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "#fff");
  root.append(background);
  for (const line of titleLines) {
    y += TITLE_SIZE * 1.25;
    root.append(text(line, PAD, y - TITLE_SIZE * 0.25, {size: TITLE_SIZE, weight: 700, fill: color}));
  }
  y += PAD / 2;
  if (swatches.length) {
    let x = PAD;
    y += LINE_SIZE * 1.4;
    for (const {fill, label} of swatches) {
      const itemWidth = LINE_SIZE * 1.5 + measureText(label, LINE_SIZE) + LINE_SIZE * 1.5;
      if (x > PAD && x + itemWidth > width - PAD) {
        x = PAD;
        y += LINE_SIZE * 1.6;
      }
      const box = document.createElementNS(SVG_NS, "rect");
      for (const [k, v] of Object.entries({x, y: y - LINE_SIZE, width: LINE_SIZE, height: LINE_SIZE, fill})) box.setAttribute(k, String(v));
      root.append(box, text(label, x + LINE_SIZE * 1.5, y - 1, {size: LINE_SIZE, fill: color}));
      x += itemWidth;
    }
    y += PAD / 2;
  }
  parts.forEach((svg, i) => {
    const copy = svg.cloneNode(true);
    copy.setAttribute("x", String(PAD));
    copy.setAttribute("y", String(y));
    copy.setAttribute("width", String(sizes[i].width));
    copy.setAttribute("height", String(sizes[i].height));
    // Plot draws in currentColor; a standalone file has no page to inherit it from.
    copy.style.color = color;
    copy.style.background = "#fff";
    root.append(copy);
    y += sizes[i].height + 4;
  });
  y += PAD / 2;
  for (const line of footLines) {
    y += LINE_SIZE * 1.4;
    root.append(text(line, PAD, y - LINE_SIZE * 0.3, {size: LINE_SIZE, fill: "#555"}));
  }
  const height = Math.ceil(y + PAD);
  root.setAttribute("width", String(width));
  root.setAttribute("height", String(height));
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  return {svg: new XMLSerializer().serializeToString(root), width, height};
}

/** The chart as a PNG, drawn at twice its size for a sharp copy on slides. */
export async function chartPng(figure, labels = chartLabels(figure), scale = 2) {
  const made = chartSvg(figure, labels);
  if (!made) return null;
  const url = URL.createObjectURL(new Blob([made.svg], {type: "image/svg+xml"}));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = made.width * scale;
    canvas.height = made.height * scale;
    const context = canvas.getContext("2d");
    context.fillStyle = "#fff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** "Download this chart: PNG · SVG", for one figure. */
export function chartDownloadLinks(figure) {
  const p = document.createElement("p");
  p.className = "chart-downloads";
  const name = fileName(figure);
  const status = document.createElement("span");
  status.className = "chart-download-status";
  status.setAttribute("role", "status");
  const link = (label, make) => {
    const a = document.createElement("a");
    a.href = "#";
    a.className = "download-csv";
    a.textContent = label;
    a.download = `${name}.${label.toLowerCase()}`;
    a.setAttribute("aria-label", `Download this chart as ${label}`);
    a.addEventListener("click", async (event) => {
      event.preventDefault();
      // A chart being redrawn (an input moved, the width changed) has no drawn SVG for a frame or two.
      let blob = null;
      for (let frame = 0; frame < 30 && !blob; ++frame) {
        blob = await make(a.closest("figure.chart") ?? figure);
        if (!blob) await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      if (!blob) {
        status.textContent = " The chart has not been drawn yet: try again in a moment.";
        return;
      }
      status.textContent = "";
      // A link of its own for the file: the visible one may be redrawn with its chart meanwhile.
      const save = document.createElement("a");
      save.href = URL.createObjectURL(blob);
      save.download = a.download;
      save.hidden = true;
      document.body.append(save);
      save.click();
      save.remove();
      setTimeout(() => URL.revokeObjectURL(save.href), 10_000);
    });
    return a;
  };
  p.append(
    "Download this chart: ",
    link("PNG", (current) => chartPng(current)),
    " · ",
    link("SVG", (current) => {
      const made = chartSvg(current);
      return made && new Blob([made.svg], {type: "image/svg+xml"});
    }),
    status
  );
  return p;
}

/** Adds the links to every chart in `root` that has none, now and whenever a cell redraws one. */
export function wireChartDownloads(root) {
  const add = () => {
    for (const figure of root.querySelectorAll("figure.chart")) {
      if (figure.querySelector(":scope > .chart-downloads")) continue;
      figure.append(chartDownloadLinks(figure));
    }
  };
  add();
  new MutationObserver(add).observe(root, {childList: true, subtree: true});
}

function fileName(figure) {
  const page = location.pathname.split("/").pop()?.replace(/\.html$/, "") || "index";
  const id = figure.id || (chartLabels(figure).title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").slice(0, 40) || "chart");
  return `llama-ledger-${page}-${id}`;
}

function headingBefore(node) {
  for (let at = node; at && at.id !== "observablehq-main"; at = at.parentElement) {
    for (let sibling = at.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (/^H[1-3]$/.test(sibling.tagName)) return sibling.textContent.trim();
    }
  }
  return "";
}

function pageAddress() {
  return `${location.origin}${location.pathname}`;
}

function buildDate() {
  return document.querySelector("[data-build-date]")?.getAttribute("data-build-date") ?? "";
}

function text(content, x, y, {size, weight = 400, fill}) {
  const node = document.createElementNS(SVG_NS, "text");
  node.setAttribute("x", String(x));
  node.setAttribute("y", String(y));
  node.setAttribute("font-size", String(size));
  node.setAttribute("font-weight", String(weight));
  node.setAttribute("fill", fill);
  node.textContent = content;
  return node;
}

function swatchFill(svg) {
  const shape = svg.querySelector("rect, circle, path") ?? svg;
  return getComputedStyle(shape).fill || svg.getAttribute("fill") || "#888";
}

let measuring;

/** The width of `content` in pixels at `size`, in the sans-serif the image is drawn in. */
function measureText(content, size) {
  measuring ??= document.createElement("canvas").getContext("2d");
  if (!measuring) return String(content).length * size * 0.55;
  measuring.font = `${size}px system-ui, sans-serif`;
  return measuring.measureText(String(content)).width;
}

// Lines of at most `width` pixels.
function wrap(content, width, size) {
  const measure = (s) => measureText(s, size);
  const lines = [];
  let line = "";
  for (const word of String(content).split(/\s+/u).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
