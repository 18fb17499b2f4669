// The engine's generator against the npm package seedrandom 3.0.5, the reference's own:
// directly (Module.randomDoubles), and through the data and weights a Session draws.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { loadModule } from './load-module.mjs';

const seedrandom = createRequire(import.meta.url)('seedrandom');
const Module = await loadModule();

const longSeed =
  '\u00e9t\u00e9 \u{1F600} ' +
  '\u65e5\u672c\u8a9e'.repeat(40) +
  ' \u0434\u043b\u0438\u043d\u043d\u0430\u044f'.repeat(30); // > 256 UTF-16 units
const seeds = ['0.12345', '', '0.59704', 'hello world', longSeed];

for (const seed of seeds) {
  const name = JSON.stringify(seed.length > 20 ? `${seed.slice(0, 20)}...` : seed);
  test(`generator for seed ${name} gives seedrandom's doubles`, () => {
    const rng = seedrandom(seed);
    const ours = Module.randomDoubles(seed, 5000);
    assert.equal(ours.length, 5000);
    for (let i = 0; i < ours.length; i++) assert.equal(ours[i], rng(), `double ${i}`);
  });
}

test('a session draws data, shuffle and weights from that stream in order', () => {
  // reg-plane: per point x = U(-6,6), y = U(-6,6), then two noise draws; then the shuffle.
  const seed = '0.12345';
  const rng = seedrandom(seed);
  const s = new Module.Session();
  assert.equal(
    s.configure(JSON.stringify({ seed, problem: 'regression', percTrainData: 100 })).ok,
    true,
  );
  const expected = [];
  for (let i = 0; i < 1200; i++) {
    const x = rng() * 12 - 6,
      y = rng() * 12 - 6;
    rng();
    rng();
    expected.push([x, y]);
  }
  for (let counter = expected.length; counter > 0;) {
    const index = Math.floor(rng() * counter);
    counter--;
    [expected[counter], expected[index]] = [expected[index], expected[counter]];
  }
  const pts = s.trainPoints();
  assert.equal(pts.length, 1200 * 3);
  for (let i = 0; i < 1200; i++) {
    assert.equal(pts[3 * i], expected[i][0], `x of point ${i}`);
    assert.equal(pts[3 * i + 1], expected[i][1], `y of point ${i}`);
  }
  const params = s.paramsView(); // the weights are the next draws: r - 0.5
  assert.equal(params[0], rng() - 0.5);
  assert.equal(params[1], rng() - 0.5);
  s.delete();
});

test('nextSeed draws from the continuing stream as toFixed(5)', () => {
  const rng = seedrandom('0.12345');
  const s = new Module.Session();
  // With "points" no data draws happen: 2->4->2->1 takes 8+8+2 = 18 weight draws.
  s.configure(JSON.stringify({ seed: '0.12345', points: { train: [[0, 0, 1]], test: [] } }));
  for (let i = 0; i < 18; i++) rng();
  assert.equal(s.nextSeed(), rng().toFixed(5));
  assert.equal(s.nextSeed(), rng().toFixed(5));
  s.delete();
});

test('an empty seed in a config gets a fresh one, as the reference (!state.seed)', () => {
  const s = new Module.Session();
  assert.equal(s.configure(JSON.stringify({ seed: '' })).ok, true);
  assert.match(JSON.parse(s.config()).seed, /^\d\.\d{5}$/);
  s.delete();
});
