/**
 * A BitTorrent swarm as a pure, seeded simulation, for teaching why a downloader is also an
 * uploader. No DOM, no clock: the same options always give the same result, so a teacher's link
 * replays the same swarm.
 *
 * The swarm: one seeder (every piece), `peers - 2` other downloaders (half joined earlier and hold
 * a random part of the file, half arrive empty during the first 20 rounds), and "the downloader"
 * (peer 0, the reader's client) that starts empty.
 * Each round every peer
 *   1. announces the pieces it verified last round (BEP 3, ref bt-bep3-pieces-have), so a piece
 *      can be passed on before the whole file is complete;
 *   2. unchokes up to four interested peers (BEP 3, ref bt-bep3-unchoke-best-four): a downloader
 *      ranks them by how much they uploaded to it lately (tit-for-tat, ref
 *      bt-bep3-choking-tit-for-tat), a seeder by how much it uploaded to them (ref
 *      bt-bep3-seeder-upload-rate);
 *   3. uploads one piece per unchoked peer per round, up to its upload limit (pieces per round).
 * Downloaders upload while still downloading (ref bt-bep3-upload-while-downloading); finished
 * peers keep seeding (ref bt-bep3-seeding), except the downloader when `keepSeeding` is false.
 *
 * Simplifications (not in the reference data, so not cited): no bitfield message (a newcomer's
 * starting pieces are known at once), no optimistic unchoke (ties in the ranking are broken at
 * random instead, which gives a new peer a chance), random piece choice instead of rarest-first,
 * one piece per connection per round, other peers never leave.
 */

import {prng} from "./random.js";

// Re-exported: the swarm's tests and older imports name it here.
export {prng};

export const SWARM_DEFAULTS = {peers: 12, pieces: 40, uploadLimit: 2, keepSeeding: true, seed: 1, otherUploadLimit: 2, seederUploadLimit: 4, unchokeSlots: 4, memory: 3, arrivalRounds: 20, maxRounds: 200};

/**
 * simulateSwarm({peers, pieces, uploadLimit, keepSeeding, seed}) → {
 *   rounds: [{round, downloaded, uploaded, downloadedThisRound, uploadedThisRound, seeding}],
 *   completedRound, uploadedBeforeComplete, uploadedAfterComplete, totalRounds,
 *   transfers: [{round, from, to, piece}],
 *   peers: [{id, role, joins (round it arrives), start, acquired: [round or null per piece], uploaded, downloaded}]
 * }
 * Round 0 is the starting state; `acquired[i]` is the round in which the peer had piece i verified.
 * A round is `seeding` when the downloader held the whole file before it and is still in the swarm
 * (keepSeeding): the one flag the chart's shading, its tooltip and the page's caption all read.
 */
export function simulateSwarm(options = {}) {
  const o = {...SWARM_DEFAULTS, ...options};
  const n = Math.max(2, Math.floor(o.peers));
  const m = Math.max(1, Math.floor(o.pieces));
  const limit = Math.max(0, Math.floor(o.uploadLimit));
  const random = prng(o.seed);
  const pick = (arr) => arr[Math.floor(random() * arr.length)];

  // Peer 0: the downloader; peer n-1: the seeder. Of the others, half were there before the
  // downloader and hold 0–70% of the pieces; the rest arrive empty during the first rounds.
  const peers = Array.from({length: n}, (_, id) => {
    const role = id === 0 ? "downloader" : id === n - 1 ? "seeder" : "peer";
    const acquired = new Array(m).fill(null);
    let joins = 0;
    if (role === "seeder") acquired.fill(0);
    else if (role === "peer") {
      if (id % 2 === 1) {
        const share = Math.floor(random() * 0.7 * m);
        const order = shuffle([...Array(m).keys()], random);
        for (const i of order.slice(0, share)) acquired[i] = 0;
      } else joins = 1 + Math.floor(random() * o.arrivalRounds);
    }
    const cap = role === "downloader" ? limit : role === "seeder" ? o.seederUploadLimit : o.otherUploadLimit;
    return {id, role, joins, acquired, cap, uploaded: 0, downloaded: 0, start: acquired.filter((r) => r !== null).length};
  });
  // received[a][b]: pieces a received from b per round (last `memory` rounds), sent likewise.
  const history = [];
  const has = (p, i, round) => p.acquired[i] !== null && p.acquired[i] < round;
  const count = (p, round) => p.acquired.filter((r) => r !== null && r <= round).length;
  const complete = (p, round) => count(p, round) === m;
  const recent = (round, key, a, b) => {
    let s = 0;
    for (let r = Math.max(1, round - o.memory); r < round; r++) s += history[r]?.[key].get(`${a}>${b}`) ?? 0;
    return s;
  };

  const transfers = [];
  const rounds = [{round: 0, downloaded: 0, uploaded: 0, downloadedThisRound: 0, uploadedThisRound: 0, seeding: false}];
  let completedRound = null;
  let round = 0;
  while (round < o.maxRounds && !peers.every((p) => complete(p, round))) {
    round++;
    const got = new Map(); // "to>from" → pieces received this round
    const sent = new Map(); // "from>to" → pieces sent this round
    const incoming = peers.map(() => new Set()); // pieces already on their way to each peer this round
    for (const up of shuffle([...peers], random)) {
      const done = complete(up, round - 1);
      if (up.role === "downloader" && done && !o.keepSeeding) continue; // it has left the swarm
      if (up.cap === 0 || up.joins >= round) continue;
      // Interested: peers lacking a piece this peer has announced (verified before this round).
      const wanted = (down) => {
        const list = [];
        for (let i = 0; i < m; i++) if (has(up, i, round) && down.acquired[i] === null && !incoming[down.id].has(i)) list.push(i);
        return list;
      };
      const interested = peers.filter((d) => d !== up && d.joins < round && !(d.role === "downloader" && complete(d, round - 1) && !o.keepSeeding) && wanted(d).length > 0);
      const score = (d) => (done ? recent(round, "sent", up.id, d.id) : recent(round, "got", up.id, d.id));
      const ranked = interested.map((d) => ({d, s: score(d), tie: random()})).sort((a, b) => b.s - a.s || a.tie - b.tie);
      const unchoked = ranked.slice(0, Math.min(o.unchokeSlots, up.cap)).map((x) => x.d);
      let budget = up.cap;
      // One piece per unchoked peer per pass, until the upload limit is spent.
      while (budget > 0) {
        let progress = false;
        for (const down of unchoked) {
          if (budget === 0) break;
          const list = wanted(down);
          if (!list.length) continue;
          const piece = pick(list);
          incoming[down.id].add(piece);
          transfers.push({round, from: up.id, to: down.id, piece});
          up.uploaded++;
          down.downloaded++;
          got.set(`${down.id}>${up.id}`, (got.get(`${down.id}>${up.id}`) ?? 0) + 1);
          sent.set(`${up.id}>${down.id}`, (sent.get(`${up.id}>${down.id}`) ?? 0) + 1);
          budget--;
          progress = true;
        }
        if (!progress || unchoked.length === 0) break;
      }
    }
    // Pieces arrive and are verified at the end of the round (announced at the start of the next).
    peers.forEach((p, id) => {
      for (const i of incoming[id]) p.acquired[i] = round;
    });
    history[round] = {got, sent};
    const me = peers[0];
    const down = count(me, round);
    const upThis = transfers.filter((t) => t.round === round && t.from === 0).length;
    const downThis = transfers.filter((t) => t.round === round && t.to === 0).length;
    if (completedRound === null && down === m) completedRound = round;
    rounds.push({round, downloaded: down, uploaded: rounds[rounds.length - 1].uploaded + upThis, downloadedThisRound: downThis, uploadedThisRound: upThis, seeding: o.keepSeeding && completedRound !== null && completedRound < round});
    if (round > o.arrivalRounds && !transfers.some((t) => t.round === round)) break; // stalled: nobody could give anything
  }
  const mine = transfers.filter((t) => t.from === 0);
  const uploadedBeforeComplete = mine.filter((t) => completedRound === null || t.round <= completedRound).length;
  return {
    options: {peers: n, pieces: m, uploadLimit: limit, keepSeeding: !!o.keepSeeding, seed: o.seed},
    rounds,
    totalRounds: round,
    completedRound,
    uploadedBeforeComplete,
    uploadedAfterComplete: mine.length - uploadedBeforeComplete,
    transfers,
    peers: peers.map(({id, role, joins, start, acquired, uploaded, downloaded}) => ({id, role, joins, start, acquired, uploaded, downloaded}))
  };
}

function shuffle(array, random) {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [array[i], array[j]] = [array[j], array[i]];
  }
  return array;
}

/**
 * The rounds the downloader spent seeding, from its completion to its last seeding round, or null
 * when it never seeded (it left with "Keep seeding" off, nobody needed pieces after it finished,
 * or it never finished). Read from the rounds' `seeding` flags, so the chart and the caption agree.
 */
export function seedingSpan(sim) {
  const rounds = sim.rounds.filter((r) => r.seeding);
  if (!rounds.length) return null;
  return {from: rounds[0].round - 1, to: rounds[rounds.length - 1].round, rounds: rounds.length};
}
