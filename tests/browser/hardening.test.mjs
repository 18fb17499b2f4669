// Browser tests of the page's guards against what links and other windows may ask
// (docs/LINKS.md "Work", docs/EMBEDDING.md): a link's heavy resets replayed in slices while the
// page answers clicks, over the budget refused and named; only the embedding parent drives the
// page (an opener and a sibling frame are ignored, unanswered; hostOrigins narrows it); a bad
// link never loses what is on screen nor rewrites the URL, and a link opened over trained work
// leaves it one Back away; the last input feature stays on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';
import { openPage, frames, changed, state, hash, GOLDEN } from './page-helpers.mjs';

const env = useBrowser();
const open = (h, o) => openPage(env, h, o);
const BIG8 = Array(8).fill(64).join(',');
const BIG16 = Array(16).fill(64).join(',');

test("a link's heavy resets are replayed in slices; the page answers a click meanwhile", async () => {
  const given = `#seed=1&networkShape=${BIG8}&resets=130`;
  const { page, errors, close } = await open(given, { ready: false }); // read from the start
  // In one task of the page: the progress note says the replay is not done, a click lands.
  const during = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const look = () => {
          const m = /Replaying the link's resets: (\d+) of 130/.exec(
            document.getElementById('status').textContent,
          );
          let resets = -1;
          try {
            resets = window.nnplay.state().resets;
          } catch {
            return setTimeout(look, 0); // not ready yet
          }
          const box = document.getElementById('show-test-data');
          if (resets === 130) return resolve({ shown: 130, resets });
          if (!m || document.getElementById('status').hidden || box.disabled)
            return setTimeout(look, 0);
          box.click();
          resolve({ shown: Number(m[1]), ...window.nnplay.state() });
        };
        look();
      }),
  );
  assert.ok(during.shown < 130 && during.resets < 130, `resets ${during.resets} of 130`);
  await frames(page);
  assert.equal(await page.isChecked('#show-test-data'), true, 'the click was answered');
  await page.waitForFunction(() => window.nnplay.state().resets === 130, null, { timeout: 60000 });
  const done = await state(page);
  // The same weights as 130 resets done one after the other.
  const other = await open(`#seed=1&networkShape=${BIG8}`);
  const by = await other.page.evaluate(() => {
    for (let i = 0; i < 130; i++) window.nnplay.reset();
    return window.nnplay.state();
  });
  assert.equal(done.trainLoss, by.trainLoss);
  assert.equal(done.testLoss, by.testLoss);
  await changed(page, () => document.getElementById('status').hidden, true);
  assert.match(await hash(page), /showTestData=true.*resets=130/, 'the click wrote the link');
  assert.deepEqual(errors, []);
  await Promise.all([close(), other.close()]);
});

test('resets beyond the budget are refused and named; the rest applies; the link is not rewritten', async () => {
  const given = `#networkShape=${BIG16}&resets=10000&seed=1`;
  const { page, errors, close } = await open(given);
  const s = await state(page);
  assert.equal(s.resets, 0);
  assert.equal(s.config.networkShape.length, 16);
  assert.match(await page.textContent('#notice'), /resets=10000.*more work than a link may ask/s);
  assert.equal(await hash(page), given);
  await page.selectOption('#control-learningRate', '0.1');
  const written = await hash(page);
  assert.ok(written.includes('learningRate=0.1') && !written.includes('resets='), written);
  assert.deepEqual(errors, []);
  await close();
});

test('a host may not ask for more work than the budget in one step', async () => {
  const { page, close } = await open('tests/browser/fixtures/host.html?w=400&h=300', {
    ready: false,
    viewport: { width: 440, height: 340 },
  });
  await page.evaluate(() => window.early);
  // One layer of 64 is already far over the budget for 100,000 epochs, and keeps the framed
  // page light enough to answer quickly on a loaded machine (generous timeouts all the same).
  const reply = await page.evaluate(async () => {
    await window.ask({ nnplay: 'configure', config: { networkShape: [64], seed: '1' } }, 60000);
    return window.ask({ nnplay: 'step', n: 100000 }, 60000);
  });
  assert.equal(reply.nnplay, 'error', JSON.stringify(reply).slice(0, 300));
  assert.match(reply.errors[0], /^"n": 100000 epochs .* at most \d+ at once/);
  await close();
});

test("a window.open'ed nnplay ignores its opener's messages and does not answer", async () => {
  const { page, close } = await open(`#seed=${GOLDEN.seed}`);
  const result = await page.evaluate(async () => {
    const replies = [];
    window.addEventListener('message', (e) => replies.push(e.data));
    const w = window.open('/index.html#seed=opened');
    await new Promise((r) => {
      const wait = () => (w.nnplay ? w.nnplay.ready.then(r) : setTimeout(wait, 20));
      wait();
    });
    w.postMessage({ nnplay: 'configure', config: { dataset: 'xor', seed: 'x' } }, '*');
    w.postMessage({ nnplay: 'state' }, '*');
    await new Promise((r) => setTimeout(r, 500));
    const s = w.nnplay.state();
    w.close();
    return { replies, dataset: s.config.dataset, seed: s.config.seed };
  });
  assert.deepEqual(result, { replies: [], dataset: 'circle', seed: 'opened' });
  await close();
});

test('a sibling frame is ignored; the parent is answered', async () => {
  const { page, close } = await open('tests/browser/fixtures/host.html?w=400&h=300', {
    ready: false,
    viewport: { width: 440, height: 340 },
  });
  await page.evaluate(() => window.early);
  const got = await page.evaluate(async () => {
    const sibling = document.createElement('iframe');
    sibling.srcdoc = '<p>sibling</p>';
    await new Promise((r) => {
      sibling.onload = r;
      document.body.append(sibling);
    });
    const replies = [];
    sibling.contentWindow.addEventListener('message', (e) => replies.push(e.data));
    const net = document.getElementById('net').contentWindow;
    sibling.contentWindow.eval(
      `parent.document.getElementById('net').contentWindow.postMessage({nnplay: 'reset'}, '*');
       parent.document.getElementById('net').contentWindow.postMessage({nnplay: 'configure', config: {dataset: 'xor'}}, '*');`,
    );
    await new Promise((r) => setTimeout(r, 500));
    const parentReply = await window.ask({ nnplay: 'state' });
    return { replies, resets: net.nnplay.state().resets, parentReply };
  });
  assert.deepEqual(got.replies, []);
  assert.equal(got.resets, 0, 'the reset was not done');
  assert.equal(got.parentReply.nnplay, 'state');
  assert.equal(got.parentReply.state.config.dataset, 'circle');
  await close();
});

test('hostOrigins: a host at another origin gets nothing; one named is answered', async () => {
  const here = env.server.url.replace(/\/$/, '');
  const src = (origins) =>
    encodeURIComponent(`/index.html#embed=true&seed=0.12345&hostOrigins=${origins}`);
  const other = await open(`tests/browser/fixtures/host.html?src=${src('https://deck.example')}`, {
    ready: false,
  });
  assert.deepEqual(await other.page.evaluate(() => window.ask({ nnplay: 'state' }, 1500)), {
    timeout: true,
  });
  const named = await open(
    `tests/browser/fixtures/host.html?src=${src(`https://deck.example,${here}`)}`,
    { ready: false },
  );
  const reply = await named.page.evaluate(() => window.early);
  assert.equal(reply.nnplay, 'state');
  const frame = named.page.mainFrame().childFrames()[0];
  // The router keeps the key in the hash it writes, so a reload keeps the list.
  await named.page.evaluate(() => window.ask({ nnplay: 'reset' }));
  assert.match(await frame.evaluate(() => location.hash), /hostOrigins=https:\/\/deck\.example,/);
  await Promise.all([other.close(), named.close()]);
});

test('a bad link on load: URL unchanged, the key named, the default shown', async () => {
  const given = `#seed=${GOLDEN.seed}&activation=relo&noise=10`;
  const { page, errors, close } = await open(given);
  assert.equal(await hash(page), given);
  assert.match(await page.textContent('#notice'), /activation=relo/);
  assert.equal(await page.inputValue('#control-activation'), 'tanh');
  assert.equal((await state(page)).config.noise, 10);
  assert.deepEqual(errors, []);
  await close();
});

test('a bad value in a link opened over the page keeps the value on screen; the URL is left as given', async () => {
  const { page, errors, close } = await open(`#seed=${GOLDEN.seed}`);
  await page.selectOption('#control-activation', 'relu');
  await page.evaluate(() => {
    window.location.hash = '#seed=other&activation=relo&networkShape=3';
  });
  await page.waitForFunction(() => window.nnplay.state().config.seed === 'other');
  const s = await state(page);
  assert.equal(s.config.activation, 'relu', 'the value on screen, not the default');
  assert.deepEqual(s.config.networkShape, [3]);
  assert.equal(await page.inputValue('#control-activation'), 'relu');
  assert.match(await page.textContent('#notice'), /activation=relo.*kept relu, as on screen/s);
  await frames(page);
  assert.equal(await hash(page), '#seed=other&activation=relo&networkShape=3');
  assert.deepEqual(errors, []);
  await close();
});

test('train, paste a new link, press Back: the trained network, its epoch and weights are back', async () => {
  const { page, errors, close } = await open(`#seed=${GOLDEN.seed}`);
  const trained = await page.evaluate(() => window.nnplay.step(40));
  await page.click('[data-layer="0"][data-node="0"]'); // pin a node: not a change of the work
  const weights = await page.evaluate(() => window.nnplay.link({ network: true }));
  await page.evaluate(() => {
    window.location.hash = '#dataset=xor&seed=pasted&activation=banana';
  });
  await page.waitForFunction(() => window.nnplay.state().config.dataset === 'xor');
  assert.equal((await state(page)).epoch, 0);
  await page.goBack();
  await page.waitForFunction(() => window.nnplay.state().config.dataset === 'circle');
  const back = await state(page);
  assert.equal(back.epoch, 40);
  assert.equal(back.trainLoss, trained.trainLoss);
  assert.equal(
    await page
      .evaluate(() => window.nnplay.link({ network: true }))
      .then((l) => l.replace(/&resets=\d+/, '')),
    weights,
    'the same weights, bit for bit',
  );
  assert.equal(await page.textContent('#epoch-number'), '000,040');
  assert.deepEqual(errors, []);
  await close();
});

test('the last lit feature stays on and says why; a link with none opens with x and y', async () => {
  const { page, errors, close } = await open(`#seed=${GOLDEN.seed}&x=true&y=false`);
  await page.click('[data-feature="x"]');
  await frames(page);
  const s = await state(page);
  assert.equal(s.config.x, true);
  assert.match(await page.textContent('#notice'), /at least one input feature/);
  assert.equal(await page.getAttribute('[data-feature="x"]', 'aria-pressed'), 'true');
  await close();
  const none = await open('#seed=a&x=false&y=false');
  const n = await state(none.page);
  assert.equal(n.config.x, true);
  assert.equal(n.config.y, true);
  assert.match(await none.page.textContent('#notice'), /x, y.*x and y are on/s);
  assert.equal(await hash(none.page), '#seed=a&x=false&y=false');
  assert.deepEqual(errors, []);
  await none.close();
});
