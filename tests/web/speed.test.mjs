// The epochs-per-frame governor behind the speed control.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  createGovernor,
  SPEEDS,
  MAX_EPOCHS_PER_FRAME,
  FASTEST_FIXED,
  FRAME_MS,
} from '../../web/speed.js';

test('fixed speeds train that many epochs whatever the timing', () => {
  for (const s of SPEEDS.filter((x) => x !== 'max')) {
    const g = createGovernor(s);
    g.report(Number(s), 1000);
    g.frame(2000, 2000);
    assert.equal(g.epochs(), Number(s));
  }
  assert.equal(createGovernor('nonsense').epochs(), 1);
});

/** Runs `frames` frames of a network whose epoch takes `perEpoch` ms and whose drawing takes
 *  `draw` ms; returns the epochs of each frame. */
function run(g, frames, perEpoch, draw = 0, interval = 16.7) {
  const seen = [];
  for (let i = 0; i < frames; i++) {
    const k = g.epochs();
    seen.push(k);
    g.report(k, k * perEpoch);
    g.frame(k * perEpoch + draw, interval);
  }
  return seen;
}

test('max trains at once as many epochs a frame as the fastest fixed speed, then grows to the frame', () => {
  const g = createGovernor('max');
  const seen = run(g, 20, 0.01); // 0.01 ms an epoch: 100 are cheap
  assert.equal(seen[0], 1);
  assert.equal(seen[1], 2 * FASTEST_FIXED, 'the floor at once, doubled');
  assert.ok(seen.slice(1).every((k) => k >= FASTEST_FIXED));
  const last = seen.at(-1);
  assert.ok(last * 0.01 <= FRAME_MS && last * 0.01 > FRAME_MS / 2, `${last} epochs a frame`);
});

test("max's budget counts the drawing: slow drawing leaves fewer epochs above the floor", () => {
  const quick = run(createGovernor('max'), 30, 0.01, 0).at(-1);
  const drawn = run(createGovernor('max'), 30, 0.01, 8).at(-1);
  assert.ok(drawn < quick, `${drawn} with 8 ms of drawing, ${quick} without`);
  assert.ok(drawn >= FASTEST_FIXED);
});

test('max never drops below the fastest fixed speed while 100 epochs fit in a long frame', () => {
  // 0.3 ms an epoch (the 6 x 8 network): 100 take 30 ms, more than a frame but no stutter.
  const seen = run(createGovernor('max'), 30, 0.3, 5, 40);
  assert.ok(
    seen.slice(1).every((k) => k === FASTEST_FIXED),
    seen.join(' '),
  );
});

test('missed frames widen the margin: fewer epochs above the floor', () => {
  const fine = run(createGovernor('max'), 40, 0.005, 2, 16.7).at(-1);
  const missed = run(createGovernor('max'), 40, 0.005, 2, 33).at(-1);
  assert.ok(missed < fine, `${missed} missing frames, ${fine} not`);
});

test('max shrinks at once for a huge network, never below 1 or above the cap', () => {
  const g = createGovernor('max');
  run(g, 40, 0.000001);
  assert.equal(g.epochs(), MAX_EPOCHS_PER_FRAME);
  run(g, 10, 50); // a huge network: 100 epochs would be a 5 s frame
  assert.equal(g.epochs(), 1);
  g.report(NaN, 3);
  g.report(1, -1);
  g.frame(-1, NaN);
  assert.equal(g.epochs(), 1);
});
