// Unit tests of web/playground.js with a fake engine, fake canvases and a fake router port:
// key-by-key loading of a hash (engine-rejected keys dropped and listed), the seed in the
// hash, new seeds on data changes, rejected configs leaving the page as it was, step(n) and one
// epoch per frame, the history rule (push for a discrete change, replace for the rest), and
// snapshots that bring trained weights back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Playground, configureKeyByKey, topKey } from '../../web/playground.js';
import { playgroundMode } from '../../web/playground-mode.js';
import { setup, FakeEngine } from './fake-playground.mjs';

test('topKey names the top-level key of an engine error field', () => {
  assert.equal(topKey('networkShape[1]'), 'networkShape');
  assert.equal(topKey('params.0.w'), 'params');
  assert.equal(topKey('noise'), 'noise');
});

test('configureKeyByKey drops what the engine rejects and keeps the rest', () => {
  const engine = new FakeEngine();
  const { result, used, dropped } = configureKeyByKey(engine, {
    batchSize: 1000,
    networkShape: [1, 1, 1, 1],
    noise: 5,
  });
  assert.ok(result.ok);
  assert.deepEqual(used, { noise: 5 });
  assert.deepEqual(
    dropped.map((d) => [d.key, d.value, d.reason]),
    [
      ['batchSize', '1000', 'too large'],
      ['networkShape', '1,1,1,1', 'too deep'],
    ],
  );
});

test('loadHash lists page-rejected and engine-rejected keys and writes the seed', () => {
  const { pg, notices, hashes } = setup();
  pg.loadHash('#activation=banana&batchSize=1000&noise=5&seed=abc');
  const last = notices.at(-1);
  assert.ok(last && last.title.includes('ignored'));
  assert.deepEqual(
    last.items.map((i) => i.key),
    ['activation', 'batchSize'],
  );
  assert.equal(pg.config.noise, 5);
  assert.match(hashes.at(-1), /seed=abc/);
});

test('a clean hash clears the notice; a missing seed is filled in and written', () => {
  const { pg, notices, hashes } = setup();
  pg.loadHash('');
  assert.equal(notices.at(-1), null);
  assert.match(hashes.at(-1), /seed=0\.00001/);
});

test('a data change draws a new seed from the stream first', () => {
  const { pg, engine } = setup();
  pg.loadHash('#seed=abc');
  pg.changeConfig({ dataset: 'xor' }, { newData: true });
  assert.equal(engine.cfg.dataset, 'xor');
  assert.equal(engine.cfg.seed, '0.00001');
  pg.changeConfig({ activation: 'relu' });
  assert.equal(engine.cfg.seed, '0.00001', 'a network change keeps the seed');
});

test('a rejected config leaves the page as it was and shows why', () => {
  const { pg, notices } = setup();
  pg.loadHash('#seed=abc&noise=5');
  const before = pg.state();
  const r = pg.replaceConfig({ activation: 'bad', noise: 10 });
  assert.equal(r.ok, false);
  assert.deepEqual(pg.state(), before);
  assert.equal(notices.at(-1).opts.kind, 'error');
  assert.equal(pg.replaceConfig('nope').ok, false);
  assert.equal(pg.replaceConfig(null).ok, false);
});

test('replaceConfig applies page keys found in the object', () => {
  const { pg, hashes } = setup();
  pg.loadHash('');
  assert.equal(pg.replaceConfig({ seed: 'q', showTestData: true }).ok, true);
  assert.equal(pg.page.showTestData, true);
  assert.match(hashes.at(-1), /seed=q&showTestData=true/);
});

test('step(n) trains synchronously and validates n; playing trains one epoch per frame', () => {
  const { pg, runFrame, frames } = setup();
  pg.loadHash('');
  assert.equal(pg.step(5).epoch, 5);
  for (const bad of [-1, 1.5, NaN, 'x', 1e9]) assert.throws(() => pg.step(bad), RangeError);
  while (frames.length) runFrame();
  pg.play();
  runFrame();
  runFrame();
  assert.equal(pg.state().epoch, 7);
  pg.pause();
  while (frames.length) runFrame();
  assert.equal(pg.state().epoch, 7);
  pg.play();
  pg.reset();
  assert.equal(pg.playing, false, 'reset pauses, as the reference');
  assert.equal(pg.state().epoch, 0);
});

test('resets are counted in the hash and replayed by a load; a config change starts over', () => {
  const { pg, engine, hashes } = setup();
  pg.loadHash('#seed=abc');
  pg.reset();
  pg.reset();
  assert.match(hashes.at(-1), /&resets=2/);
  const before = engine.resets;
  pg.loadHash('#seed=abc&resets=2');
  assert.equal(engine.resets - before, 2, 'the load replays two resets');
  assert.equal(pg.resets, 2);
  pg.changeConfig({ activation: 'relu' });
  assert.equal(pg.resets, 0);
  assert.ok(!hashes.at(-1).includes('resets'));
});

test('regenerate keeps the network: resets -1 (not in the hash) until the next reset', () => {
  const { pg, hashes } = setup();
  pg.loadHash('#seed=abc&resets=1');
  pg.step(3);
  pg.regenerate();
  assert.equal(pg.resets, -1);
  assert.equal(pg.state().epoch, 3, 'the network and its epoch are kept');
  assert.ok(
    !hashes.at(-1).includes('resets') && !hashes.at(-1).includes('seed=abc'),
    hashes.at(-1),
  );
  pg.reset();
  assert.equal(pg.resets, 0);
});

test('a learning-rate change keeps the epoch and the resets; a bad one is refused', () => {
  const { pg, hashes } = setup();
  pg.loadHash('#seed=abc&resets=1');
  pg.step(4);
  assert.equal(pg.setLearningRate(0.3), true);
  assert.equal(pg.state().epoch, 4);
  assert.match(hashes.at(-1), /learningRate=0\.3/);
  assert.equal(pg.resets, 1);
  assert.equal(pg.setLearningRate(-1), false);
});

test('a non-finite training loss pauses, says so once, and reset clears it', () => {
  const { pg, engine, runFrame, frames } = setup();
  const statuses = [];
  pg.status = { show: (t, items) => statuses.push({ t, items }), clear: () => statuses.push(null) };
  pg.loadHash('#seed=abc');
  pg.trainCount = 2;
  engine.trainLoss = () => NaN;
  pg.play();
  while (frames.length) runFrame();
  assert.equal(pg.playing, false);
  assert.equal(pg.diverged, true);
  assert.match(statuses.at(-1).t, /diverged/);
  assert.ok(statuses.at(-1).items.some((i) => /learning rate/.test(i)));
  pg.reset();
  assert.equal(pg.diverged, false);
  assert.equal(statuses.at(-1), null);
});

test('previewing a node redraws the heatmap from that node; null goes back to the output', () => {
  const { pg, frames, runFrame } = setup();
  pg.loadHash('#seed=abc');
  while (frames.length) runFrame();
  pg.setPreview({ values: new Float32Array(100 * 100) });
  assert.equal(pg.dirty.grid, true);
  while (frames.length) runFrame();
  assert.equal(pg.dirty.grid, false);
  pg.setPreview(null);
  assert.equal(pg.preview, null);
});

test('the history rule: discrete changes push, sliders, rates, resets and toggles replace', () => {
  const { pg, writes, runFrame, frames } = setup();
  pg.loadHash('#seed=abc');
  writes.length = 0;
  pg.changeConfig({ dataset: 'xor' }, { newData: true });
  pg.changeConfig({ networkShape: [3] });
  pg.changeConfig({ activation: 'relu' });
  pg.changeConfig({ x: false });
  pg.changeConfig({ regularization: 'L1' });
  assert.deepEqual(writes, ['push', 'push', 'push', 'push', 'push']);
  writes.length = 0;
  pg.changeConfig({ noise: 10 }, { newData: true });
  pg.changeConfig({ regularizationRate: 0.1 });
  pg.setLearningRate(0.3);
  pg.reset();
  pg.changePage({ showTestData: true });
  pg.play();
  while (frames.length && pg.state().epoch < 3) runFrame();
  pg.pause();
  assert.deepEqual(writes, ['replace', 'replace', 'replace', 'replace', 'replace']);
});

test('a discrete change hands the router the state it left; restore brings it back', () => {
  const { pg, engine, left } = setup();
  pg.loadHash('#seed=abc');
  pg.step(7);
  pg.changeConfig({ dataset: 'xor' }, { newData: true });
  const snap = left.at(-1);
  assert.equal(snap.engine.epoch, 7);
  assert.equal(snap.engine.dataset, 'circle');
  assert.equal(Playground.needsRestore(snap), true);
  assert.equal(pg.restore(snap), true);
  assert.equal(engine.epoch(), 7);
  assert.equal(pg.state().config.dataset, 'circle');
  assert.equal(
    pg.resets,
    -1,
    "the restored weights are not the seed's: the next reset starts from 0",
  );
  pg.reset();
  assert.equal(pg.resets, 0);
});

test('the mode: keep leaves the state alone, a snapshot restores, else the link loads', () => {
  const { pg, engine } = setup();
  const mode = playgroundMode(pg);
  mode.enter(mode.parse([{ key: 'seed', raw: 'abc' }]), {
    embed: false,
    keep: false,
    snapshot: null,
    play: false,
  });
  assert.equal(pg.state().config.seed, 'abc');
  pg.step(5);
  mode.enter(mode.parse([{ key: 'seed', raw: 'abc' }]), {
    embed: true,
    keep: true,
    snapshot: null,
    play: false,
  });
  assert.equal(engine.epoch(), 5, 'kept');
  assert.equal(pg.page.embed, true, 'the shared embed flag reaches the page state');
  const snap = pg.snapshot();
  mode.enter(mode.parse([{ key: 'seed', raw: 'other' }]), {
    embed: false,
    keep: false,
    snapshot: null,
    play: false,
  });
  assert.equal(engine.epoch(), 0);
  mode.enter(mode.parse([{ key: 'seed', raw: 'abc' }]), {
    embed: false,
    keep: false,
    snapshot: snap,
    play: true,
  });
  assert.equal(engine.epoch(), 5, 'restored');
  assert.equal(pg.playing, true, 'play: a link that asked to train');
  assert.equal(mode.serialize(), pg.serialize());
});
