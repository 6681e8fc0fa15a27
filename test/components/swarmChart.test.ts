import {test} from "node:test";
import assert from "node:assert/strict";
import {serialize} from "./dom.ts";
import {assertSnapshot} from "../snapshot.ts";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {simulateSwarm} from "../../src/components/swarm.js";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {swarmChart, swarmGrid} from "../../src/components/swarmChart.js";

const texts = (node: Element) => [...node.querySelectorAll("text")].map((t) => t.textContent ?? "");

test("swarmChart draws downloaded and uploaded lines, labels their ends and marks completion", () => {
  const sim = simulateSwarm({peers: 6, pieces: 12, uploadLimit: 2, seed: 3});
  const svg = swarmChart(sim, {width: 640, round: 4});
  assert.equal(svg.querySelectorAll("[aria-label='line'] path").length, 2);
  const t = texts(svg);
  assert.ok(t.includes(`downloaded ${sim.options.pieces}`));
  assert.ok(t.includes(`uploaded ${sim.peers[0].uploaded}`));
  assert.ok(t.some((s) => s.includes(`complete after round ${sim.completedRound}`)));
  assertSnapshot("components/swarmChart.svg", serialize(svg));
});

test("swarmChart changes when the upload limit does", () => {
  const a = serialize(swarmChart(simulateSwarm({uploadLimit: 0, seed: 3}), {width: 640}));
  const b = serialize(swarmChart(simulateSwarm({uploadLimit: 4, seed: 3}), {width: 640}));
  assert.notEqual(a, b);
  assert.match(a, /uploaded 0</);
});

test("swarmGrid draws a cell per peer and piece, and a marker per piece received from the downloader", () => {
  const sim = simulateSwarm({peers: 6, pieces: 12, uploadLimit: 2, seed: 3});
  const node = swarmGrid(sim, {width: 640, round: sim.totalRounds});
  assert.equal(node.querySelectorAll("[aria-label='cell'] rect").length, 6 * 12);
  assert.equal(node.querySelectorAll("[aria-label='dot'] path").length, sim.peers[0].uploaded);
  assert.ok(texts(node).includes("You (downloader)"));
  assertSnapshot("components/swarmGrid.svg", serialize(node));
});

test("swarmChart puts the completion label where it fits and misses the replayed round", () => {
  const sim = simulateSwarm({peers: 12, pieces: 40, uploadLimit: 2, seed: 1});
  for (const width of [340, 704]) {
    const svg = swarmChart(sim, {width, round: sim.totalRounds});
    const label = [...svg.querySelectorAll("text")].find((t) => /complete after round/.test(t.textContent ?? ""));
    assert.ok(label, `width ${width}`);
    // Left of its rule, pointing right at it: clear of the replay rule at the last round, and inside the chart.
    assert.equal(label.textContent, `complete after round ${sim.completedRound} →`, `width ${width}`);
  }
});
