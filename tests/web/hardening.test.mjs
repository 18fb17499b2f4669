// Node tests of the controller's guards against what a link or a host may ask, with a fake
// engine (tests/web/fake-playground.mjs): the work budget (a link's resets replayed in slices
// that each stay within the slice budget, the page answering between them; over the link budget
// refused and named; a host's step likewise), a bad value in a link opened over the page keeping
// the value on screen, the last input feature kept on, and hostile hashes through the real
// router never throwing nor leaving the page half-updated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, FakeEngine, LIMITS } from './fake-playground.mjs';
import { playgroundMode } from '../../web/playground-mode.js';
import { createRouter } from '../../web/router.js';
import { resetWork, epochWork } from '../../web/limits.js';
import { hasInput } from '../../web/link/playground-link.js';

/** A fake engine of a network with P parameters; counts the resets and epochs of each slice. */
function bigEngine(P) {
  const engine = new FakeEngine();
  engine.paramsView = () => new Float64Array(P);
  return engine;
}
const points = (e) => (e.trainPoints().length + e.testPoints().length) / 3;

test('resets that are little work are replayed at once, as before', () => {
  const { pg, engine, slices } = setup();
  pg.loadHash('#seed=a&resets=7');
  assert.equal(engine.resets, 7);
  assert.equal(pg.resets, 7);
  assert.equal(slices.length, 0);
});

test("a link's heavy resets are replayed in slices within the budget; the page answers between them", () => {
  const P = 1_000_000;
  const engine = bigEngine(P);
  const { pg, slices, hashes } = setup({ engine });
  const unit = resetWork(P, points(engine));
  const total = Math.floor(LIMITS.linkWork / unit);
  assert.ok(total > 3 * Math.floor(LIMITS.sliceWork / unit), 'the test asks for several slices');
  pg.loadHash(`#seed=a&resets=${total}`);
  assert.equal(engine.resets || 0, 0, 'nothing replayed in the load itself');
  const perSlice = [];
  let answered = 0;
  while (slices.length) {
    const before = engine.resets || 0;
    slices.shift()();
    perSlice.push((engine.resets || 0) - before);
    // between slices the page answers: a state, a page toggle
    assert.equal(pg.state().resets, engine.resets);
    pg.changePage({ showTestData: !pg.page.showTestData });
    answered += 1;
  }
  assert.ok(perSlice.length > 3, `${perSlice.length} slices`);
  for (const k of perSlice) assert.ok(k * unit <= LIMITS.sliceWork, `a slice of ${k} resets`);
  assert.equal(engine.resets, total);
  assert.equal(pg.resets, total);
  assert.ok(answered === perSlice.length);
  assert.match(hashes.at(-1), new RegExp(`resets=${total}`));
});

test('a change of the network during the replay stops it; the link then says what was replayed', () => {
  const engine = bigEngine(1_000_000);
  const { pg, slices, hashes } = setup({ engine });
  pg.loadHash('#seed=a&resets=300');
  slices.shift()();
  const done = engine.resets;
  assert.ok(done > 0 && done < 300);
  pg.reset(); // the user's reset: one more than was replayed
  slices.splice(0).forEach((f) => f());
  assert.equal(engine.resets, done + 1, 'no slice ran after the stop');
  assert.match(hashes.at(-1), new RegExp(`resets=${done + 1}(&|$)`));
});

test('resets beyond the link budget are refused and named; the rest of the link applies', () => {
  const engine = bigEngine(1_000_000); // 10,000 resets of it: 15 times the link budget
  const { pg, notices, slices } = setup({ engine });
  pg.loadHash('#seed=a&noise=10&resets=10000');
  assert.equal(engine.resets || 0, 0);
  assert.equal(slices.length, 0);
  assert.equal(pg.resets, 0, 'not kept as if it were honoured');
  assert.equal(pg.config.noise, 10);
  const item = notices.findLast((n) => n).items.find((i) => i.key === 'resets');
  assert.match(item.reason, /more work than a link may ask/);
  assert.doesNotMatch(pg.serialize(), /resets=/);
});

test("a host's step: in slices within the budget, refused beyond it with the most it may ask", async () => {
  const P = 100_000;
  const engine = bigEngine(P);
  const { pg, slices } = setup({
    engine,
    schedule: (f) =>
      setTimeout(() => {
        const before = engine.stepped || 0;
        f();
        perSlice.push((engine.stepped || 0) - before);
      }, 0),
  });
  const perSlice = [];
  pg.loadHash('#seed=a');
  const unit = epochWork(P, pg.trainCount);
  const n = Math.floor(LIMITS.linkWork / unit);
  const run = pg.stepInSlices(n);
  let clicks = 0;
  const clicker = setInterval(() => {
    pg.changePage({ discretize: !pg.page.discretize });
    clicks += 1;
  }, 0);
  const done = await run;
  clearInterval(clicker);
  assert.equal(done.ok, true);
  assert.equal(done.state.epoch, n);
  assert.ok(perSlice.length > 1);
  for (const k of perSlice) assert.ok(k * unit <= LIMITS.sliceWork, `a slice of ${k} epochs`);
  assert.ok(clicks > 0, 'the page answered while the step ran');
  const refused = await pg.stepInSlices(100000);
  assert.equal(refused.ok, false);
  assert.match(refused.reason, new RegExp(`at most ${n} at once`));
  assert.equal(pg.state().epoch, n, 'a refused step trains nothing');
  assert.equal(slices.length, 0);
});

test('a bad value in a link opened over the page keeps the value on screen; on a first load, the default', () => {
  const { pg, notices } = setup();
  const mode = playgroundMode(pg);
  const enter = (entries) =>
    mode.enter(mode.parse(entries), { embed: false, keep: false, snapshot: null, play: false });
  enter([
    { key: 'activation', raw: 'banana' },
    { key: 'seed', raw: 'a' },
  ]);
  assert.equal(pg.config.activation, 'tanh', 'a first load: the default');
  pg.changeConfig({ activation: 'relu', networkShape: [3] });
  pg.changePage({ showTestData: true });
  enter([
    { key: 'activation', raw: 'relo' },
    { key: 'showTestData', raw: 'yes' },
    { key: 'networkShape', raw: '3,x' },
    { key: 'seed', raw: 'b' },
  ]);
  assert.equal(pg.config.activation, 'relu', 'the value on screen');
  assert.deepEqual(pg.config.networkShape, [3]);
  assert.equal(pg.page.showTestData, true);
  assert.equal(pg.config.seed, 'b', 'the valid rest of the link applies');
  const items = notices.findLast((n) => n).items;
  for (const key of ['activation', 'showTestData', 'networkShape'])
    assert.match(items.find((i) => i.key === key).reason, /kept .*, as on screen/);
  // An engine-rejected value keeps the one on screen too.
  enter([
    { key: 'batchSize', raw: '1000' },
    { key: 'seed', raw: 'c' },
  ]);
  assert.equal(pg.config.batchSize, undefined, 'none on screen: the default');
  pg.changeConfig({ batchSize: 20 });
  enter([
    { key: 'batchSize', raw: '1000' },
    { key: 'seed', raw: 'c' },
  ]);
  assert.equal(pg.config.batchSize, 20);
});

test('the last input feature stays on; a link or a config with none gets x and y or is refused', () => {
  const { pg, engine, notices } = setup();
  pg.loadHash('#seed=a&x=true&y=false');
  const calls = engine.calls.length;
  const r = pg.changeConfig({ x: false });
  assert.equal(r.ok, false);
  assert.equal(engine.calls.length, calls, 'nothing sent to the engine');
  assert.equal(pg.config.x, true);
  assert.match(notices.at(-1).items[0].reason, /at least one input feature/);
  assert.equal(pg.changeConfig({ y: true }).ok, true);
  assert.equal(pg.changeConfig({ x: false }).ok, true, 'y is on: x may go');

  pg.loadHash('#seed=a&x=false&y=false');
  assert.equal(engine.cfg.x, true);
  assert.equal(engine.cfg.y, true);
  const item = notices.findLast((n) => n).items.find((i) => /^x, y$/.test(i.key));
  assert.match(item.reason, /x and y are on/);
  const before = engine.calls.length;
  const refused = pg.replaceConfig({ x: false, y: false, seed: 'q' });
  assert.equal(refused.ok, false);
  assert.equal(engine.calls.length, before, 'the page never sends a config without inputs');
  assert.ok(
    engine.calls.every((c) => c.params || hasInput(c)),
    'no config without inputs sent',
  );
});

/** A fake location and history for the router. */
function fakeBrowser(hash) {
  const location = { hash, pathname: '/', search: '', origin: 'https://nnplay.example' };
  const entries = [{ state: null, hash }];
  let at = 0;
  const set = (state, url) => {
    location.hash = url.slice(url.indexOf('#'));
    entries[at] = { state, hash: location.hash };
  };
  const history = {
    get state() {
      return entries[at].state;
    },
    replaceState: (state, _, url) => set(state, url),
    pushState: (state, _, url) => {
      entries.splice(at + 1);
      entries.push({});
      at += 1;
      set(state, url);
    },
  };
  return { location, history };
}

test('hostile hashes through the router never throw and never leave the page half-updated', () => {
  const { pg } = setup();
  const { location, history } = fakeBrowser('#seed=a');
  const router = createRouter({ location, history });
  router.register(playgroundMode(pg));
  router.start();
  const hostile = [
    '#%',
    '#%E0%A4%A',
    '#seed=%00%0A%1B[31m',
    `#networkShape=${'9,'.repeat(5000)}`,
    '#networkShape=-1,4',
    '#resets=1e400',
    '#resets=99999999999999999999',
    '#hostOrigins=%E0',
    `#hostOrigins=${'https://a.example,'.repeat(200)}`,
    '#mode=__proto__&constructor=1&__proto__=x',
    '#x=false&y=false&xSquared=false&ySquared=false&xTimesY=false&sinX=false&sinY=false',
    '#embed=true&embed=false&embed=%3Cscript%3E',
    `#params=${'A'.repeat(2_000_000)}`,
    '#toString=1&valueOf=2&hasOwnProperty=3',
    '#learningRate=Infinity&noise=-0&batchSize=0x10&percTrainData=1e-400',
    '#activation=relu&activation=banana',
    '#=&&&==&a==b',
  ];
  for (const h of hostile) {
    location.hash = h;
    assert.doesNotThrow(() => router.route(), h.slice(0, 60));
    const s = pg.state();
    assert.ok(s.config && typeof s.config.seed === 'string', h.slice(0, 60));
    assert.deepEqual(pg.sizes, engineSizes(pg), 'the page shows the network the engine has');
    assert.equal(typeof pg.serialize(), 'string');
  }
});
const engineSizes = (pg) => pg.engine.layerSizes();
