import {test} from "node:test";
import assert from "node:assert/strict";
// @ts-expect-error: components are plain JavaScript modules shared with the pages
import {simulateSwarm, prng} from "../../src/components/swarm.js";

type Transfer = {round: number; from: number; to: number; piece: number};
type Peer = {id: number; role: string; start: number; acquired: (number | null)[]; uploaded: number; downloaded: number};

test("the PRNG is seeded: same seed, same numbers; another seed, other numbers", () => {
  const a = prng(7), b = prng(7), c = prng(8);
  const xs = [a(), a(), a()];
  assert.deepEqual(xs, [b(), b(), b()]);
  assert.notDeepEqual(xs, [c(), c(), c()]);
  assert.ok(xs.every((x) => x >= 0 && x < 1));
});

test("determinism: the same seed replays the same swarm, a different seed gives another", () => {
  const options = {peers: 10, pieces: 30, uploadLimit: 2, keepSeeding: true, seed: 42};
  assert.deepEqual(simulateSwarm(options), simulateSwarm(options));
  assert.notDeepEqual(simulateSwarm(options).transfers, simulateSwarm({...options, seed: 43}).transfers);
});

for (const options of [{}, {peers: 3, pieces: 5}, {peers: 30, uploadLimit: 6}, {keepSeeding: false, seed: 9}, {uploadLimit: 0}]) {
  test(`conservation ${JSON.stringify(options)}: every piece uploaded is a piece some other peer downloaded`, () => {
    const sim = simulateSwarm(options);
    const transfers: Transfer[] = sim.transfers;
    const peers: Peer[] = sim.peers;
    // The downloader's uploads are exactly the pieces the others received from it.
    const received = peers.filter((p) => p.id !== 0).reduce((s, p) => s + transfers.filter((t) => t.from === 0 && t.to === p.id).length, 0);
    assert.equal(peers[0].uploaded, received);
    assert.equal(sim.uploadedBeforeComplete + sim.uploadedAfterComplete, peers[0].uploaded);
    assert.equal(sim.rounds.at(-1).uploaded, peers[0].uploaded);
    // Swarm-wide: total uploaded = total downloaded = pieces gained; nobody sends to itself or
    // receives a piece twice.
    const up = peers.reduce((s, p) => s + p.uploaded, 0);
    const down = peers.reduce((s, p) => s + p.downloaded, 0);
    const gained = peers.reduce((s, p) => s + p.acquired.filter((r) => r !== null).length - p.start, 0);
    assert.equal(up, down);
    assert.equal(down, gained);
    assert.ok(transfers.every((t) => t.from !== t.to));
    assert.equal(new Set(transfers.map((t) => `${t.to}:${t.piece}`)).size, transfers.length);
    // A piece is passed on only in a round after it was verified (BEP 3 "have").
    for (const t of transfers) {
      const r = peers[t.from].acquired[t.piece];
      assert.ok(r !== null && r < t.round, `peer ${t.from} sent piece ${t.piece} in round ${t.round} but had it from round ${r}`);
    }
    // The downloader ends with the whole file, on the round the result says.
    assert.equal(sim.rounds[sim.completedRound].downloaded, sim.options.pieces);
  });
}

test("upload limit 0: the downloader uploads nothing, before or after it completes", () => {
  for (const seed of [1, 2, 3]) {
    const sim = simulateSwarm({uploadLimit: 0, seed, keepSeeding: true});
    assert.equal(sim.peers[0].uploaded, 0);
    assert.equal(sim.uploadedBeforeComplete, 0);
    assert.ok(sim.rounds.every((r: {uploaded: number}) => r.uploaded === 0));
    assert.ok(sim.completedRound !== null, "it still completes, from the others");
  }
});

test("with an upload limit the downloader uploads before it has finished (downloading is uploading)", () => {
  const sim = simulateSwarm({peers: 12, pieces: 40, uploadLimit: 2, seed: 1});
  assert.ok(sim.uploadedBeforeComplete > 0);
  const rate = sim.transfers.filter((t: Transfer) => t.from === 0);
  // Never more pieces per round than the limit.
  const perRound = new Map<number, number>();
  for (const t of rate) perRound.set(t.round, (perRound.get(t.round) ?? 0) + 1);
  assert.ok([...perRound.values()].every((n) => n <= 2));
});

test("keepSeeding false: nothing is uploaded after completion; true: seeding continues while others need pieces", () => {
  const leave = simulateSwarm({peers: 30, uploadLimit: 4, keepSeeding: false, seed: 5});
  assert.equal(leave.uploadedAfterComplete, 0);
  assert.ok(leave.transfers.every((t: Transfer) => t.from !== 0 || t.round <= leave.completedRound));
  const stay = simulateSwarm({peers: 30, uploadLimit: 4, keepSeeding: true, seed: 5});
  assert.ok(stay.uploadedAfterComplete > 0);
  assert.equal(stay.uploadedBeforeComplete, leave.uploadedBeforeComplete, "the rounds before completion are identical");
});
