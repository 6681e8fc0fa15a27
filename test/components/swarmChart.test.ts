import {test} from "node:test";
import assert from "node:assert/strict";
import {serialize} from "./dom.ts";
import {assertSnapshot} from "../snapshot.ts";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {simulateSwarm, seedingSpan} from "../../src/components/swarm.js";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {swarmChart, swarmGrid, seedingNote} from "../../src/components/swarmChart.js";

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

// The shaded rect is the only rect mark of the line chart; its width in rounds is read back from x.
const shade = (svg: Element) => svg.querySelectorAll("[aria-label='rect'] rect");

test("keep seeding on: the rounds after completion are shaded as seeding, and the caption's note says which", () => {
  const sim = simulateSwarm({peers: 12, pieces: 40, uploadLimit: 2, keepSeeding: true, seed: 1});
  const span = seedingSpan(sim);
  assert.ok(span, "it seeds");
  assert.equal(span.from, sim.completedRound);
  assert.equal(span.to, sim.totalRounds);
  assert.ok(sim.rounds.filter((r: {seeding: boolean}) => r.seeding).length === sim.totalRounds - sim.completedRound);
  assert.equal(shade(swarmChart(sim, {width: 640})).length, 1);
  assert.match(seedingNote(sim), new RegExp(`rounds ${sim.completedRound + 1}–${sim.totalRounds}, is seeding`));
});

test("keep seeding off: nothing after completion is shaded or called seeding, in the chart, its tooltip data or the caption", () => {
  const sim = simulateSwarm({peers: 12, pieces: 40, uploadLimit: 2, keepSeeding: false, seed: 1});
  assert.ok(sim.completedRound !== null && sim.completedRound < sim.totalRounds, "the swarm goes on after the client completes");
  assert.equal(seedingSpan(sim), null);
  assert.ok(sim.rounds.every((r: {seeding: boolean}) => !r.seeding));
  const svg = swarmChart(sim, {width: 640});
  assert.equal(shade(svg).length, 0);
  assert.ok(texts(svg).some((s) => s.includes(`complete after round ${sim.completedRound}`)), "completion is still marked");
  assert.match(seedingNote(sim), /“Keep seeding” is off/);
  assert.doesNotMatch(seedingNote(sim), /is seeding/);
  assert.equal(sim.uploadedAfterComplete, 0);
});

test("keep seeding on but nobody left to serve: no shade, and the note says so rather than calling it seeding", () => {
  // Find a swarm, by seed, in which the client is the last to complete.
  const sim = [...Array(200).keys()].map((seed) => simulateSwarm({peers: 3, pieces: 10, uploadLimit: 1, keepSeeding: true, seed})).find((s) => s.completedRound === s.totalRounds);
  assert.ok(sim, "such a swarm exists among 200 seeds");
  assert.equal(seedingSpan(sim), null);
  assert.equal(shade(swarmChart(sim, {width: 640})).length, 0);
  assert.match(seedingNote(sim), /no seeding to shade/);
});
