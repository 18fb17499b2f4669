// The embed view's message API and shortcuts, against a fake window.nnplay.
import test from 'node:test';
import assert from 'node:assert/strict';
import { answerMessage, listenForMessages, MAX_STEP_MESSAGE } from '../../web/embed/messages.js';
import { shortcutFor, installShortcuts } from '../../web/embed/keyboard.js';
import { fitDiagram, diagramSize, MAX_DIAGRAM_SCALE } from '../../web/embed/view.js';
import { LABEL_WIDTH } from '../../web/ui/network-view.js';
import { splitShared, joinShared } from '../../web/link/hash-codec.js';

function fakeApi() {
  const calls = [];
  const state = { epoch: 0, trainLoss: 0.5, testLoss: 0.5, config: { seed: 's' } };
  return {
    calls,
    play: () => (calls.push('play'), state),
    pause: () => (calls.push('pause'), state),
    reset: () => (calls.push('reset'), state),
    state: () => state,
    step: (n) => (calls.push(`step ${n}`), { ...state, epoch: n }),
    configure: (c) => (
      calls.push('configure'),
      c.noise === 99
        ? {
            ok: false,
            errors: [{ field: 'noise', message: 'must be from 0 to 80, got 99' }],
            warnings: [],
          }
        : { ok: true, errors: [], warnings: [] }
    ),
  };
}

test('messages that are not for nnplay are ignored', () => {
  const api = fakeApi();
  for (const data of [null, 'play', 42, [], { method: 'slide' }, { namespace: 'reveal' }]) {
    assert.equal(answerMessage(api, data), null);
  }
  assert.deepEqual(api.calls, []);
});

test('each command answers with the state', () => {
  const api = fakeApi();
  for (const command of ['play', 'pause', 'reset', 'state']) {
    const reply = answerMessage(api, { nnplay: command });
    assert.equal(reply.nnplay, 'state');
    assert.equal(reply.state.config.seed, 's');
  }
  assert.deepEqual(answerMessage(api, { nnplay: 'step', n: 7 }).state.epoch, 7);
  assert.deepEqual(answerMessage(api, { nnplay: 'step' }).state.epoch, 1);
  assert.deepEqual(api.calls, ['play', 'pause', 'reset', 'step 7', 'step 1']);
});

test('bad fields are errors naming what is wrong', () => {
  const api = fakeApi();
  for (const n of [-1, 1.5, '3', NaN, MAX_STEP_MESSAGE + 1, Infinity]) {
    const reply = answerMessage(api, { nnplay: 'step', n });
    assert.equal(reply.nnplay, 'error');
    assert.match(reply.errors[0], /"n" must be a whole number/);
  }
  assert.match(answerMessage(api, { nnplay: 'fly' }).errors[0], /unknown command "fly"/);
  assert.match(answerMessage(api, { nnplay: 7 }).errors[0], /unknown command number/);
  assert.match(
    answerMessage(api, { nnplay: 'configure', config: 'x' }).errors[0],
    /"config" must be an object/,
  );
  const refused = answerMessage(api, { nnplay: 'configure', config: { noise: 99 } });
  assert.deepEqual(refused, { nnplay: 'error', errors: ['noise: must be from 0 to 80, got 99'] });
  assert.equal(answerMessage(api, { nnplay: 'configure', config: { noise: 5 } }).nnplay, 'state');
});

test('an exception inside the page becomes an error reply', () => {
  const api = {
    ...fakeApi(),
    state: () => {
      throw new Error('not ready');
    },
  };
  assert.deepEqual(answerMessage(api, { nnplay: 'state' }), {
    nnplay: 'error',
    errors: ['not ready'],
  });
});

test('shortcuts: space, right arrow, r; not in fields or with modifiers', () => {
  const key = (k, extra = {}) => shortcutFor({ key: k, target: { tagName: 'CANVAS' }, ...extra });
  assert.equal(key(' '), 'toggle');
  assert.equal(key('ArrowRight'), 'step');
  assert.equal(key('r'), 'reset');
  assert.equal(key('R'), 'reset');
  assert.equal(key('x'), null);
  assert.equal(key('r', { ctrlKey: true }), null);
  assert.equal(key(' ', { target: { tagName: 'INPUT' } }), null);
  assert.equal(key(' ', { target: { tagName: 'BUTTON' } }), null);
});

test("shortcuts on a button: space is the button's, the arrow and r still act; repeats", () => {
  const key = (k, extra = {}) => shortcutFor({ key: k, target: { tagName: 'CANVAS' }, ...extra });
  const button = { tagName: 'BUTTON' };
  const roleButton = { tagName: 'DIV', getAttribute: (n) => (n === 'role' ? 'button' : null) };
  assert.equal(key('ArrowRight', { target: button }), 'step');
  assert.equal(key('r', { target: button }), 'reset');
  assert.equal(key(' ', { target: roleButton }), null);
  assert.equal(key('ArrowRight', { target: roleButton }), 'step');
  for (const tagName of ['INPUT', 'SELECT', 'TEXTAREA']) {
    assert.equal(key('ArrowRight', { target: { tagName } }), null, tagName);
    assert.equal(key('r', { target: { tagName } }), null, tagName);
  }
  assert.equal(key('r', { target: { tagName: 'DIV', isContentEditable: true } }), null);
  assert.equal(key(' ', { defaultPrevented: true }), null, 'taken by another handler');
  assert.equal(key(' ', { repeat: true }), null, 'a held space toggles once');
  assert.equal(key('r', { repeat: true }), null);
  assert.equal(key('ArrowRight', { repeat: true }), 'step', 'a held arrow keeps stepping');
});

test('installShortcuts: the actions, only while active', () => {
  const calls = [];
  let listener = null;
  const doc = {
    addEventListener: (type, f) => {
      assert.equal(type, 'keydown');
      listener = f;
    },
  };
  let active = true;
  installShortcuts(
    {
      togglePlay: () => calls.push('toggle'),
      step: (n) => calls.push(`step ${n}`),
      reset: () => calls.push('reset'),
    },
    doc,
    () => active,
  );
  const press = (key) => {
    const event = {
      key,
      target: { tagName: 'BODY' },
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    listener(event);
    return event.prevented;
  };
  assert.equal(press(' '), true);
  press('ArrowRight');
  press('r');
  assert.equal(press('x'), false);
  active = false;
  assert.equal(press(' '), false, 'inactive: the key keeps its own meaning');
  assert.deepEqual(calls, ['toggle', 'step 1', 'reset']);
});

/** A fake window: dispatch(data, source, origin) delivers a message event. */
function fakeWindow() {
  const listeners = [];
  return {
    addEventListener: (type, f) => {
      assert.equal(type, 'message');
      listeners.push(f);
    },
    dispatch: (data, source, origin = 'https://deck.example') =>
      listeners.forEach((f) => f({ data, source, origin })),
  };
}
function fakeSource() {
  const sent = [];
  return { sent, postMessage: (data, target) => sent.push({ data, target }) };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

test('listenForMessages: answers the sender at its origin, "*" for "null"; ignores the rest', () => {
  const win = fakeWindow();
  listenForMessages(fakeApi(), win);
  const host = fakeSource();
  win.dispatch({ nnplay: 'state' }, host);
  win.dispatch({ nnplay: 'step', n: 3 }, host, 'null');
  win.dispatch({ method: 'slide' }, host);
  win.dispatch('slide:start', host);
  win.dispatch({ nnplay: 'state' }, null); // no one to answer
  assert.deepEqual(
    host.sent.map((m) => [m.data.nnplay, m.target]),
    [
      ['state', 'https://deck.example'],
      ['state', '*'],
    ],
  );
  assert.equal(host.sent[1].data.state.epoch, 3);
});

test('listenForMessages: messages before ready are answered once ready, in order', async () => {
  let resolveReady;
  const api = {
    ...fakeApi(),
    ready: new Promise((r) => {
      resolveReady = r;
    }),
  };
  const win = fakeWindow();
  listenForMessages(api, win);
  const host = fakeSource();
  win.dispatch({ nnplay: 'play' }, host);
  win.dispatch({ nnplay: 'step', n: 2 }, host);
  await tick();
  assert.deepEqual(host.sent, [], 'nothing answered before ready');
  assert.deepEqual(api.calls, []);
  resolveReady({});
  await tick();
  win.dispatch({ nnplay: 'pause' }, host);
  assert.deepEqual(api.calls, ['play', 'step 2', 'pause']);
  assert.equal(host.sent.length, 3);
});

test('listenForMessages: when the engine cannot start, messages get an error saying why', async () => {
  const api = { ...fakeApi(), ready: Promise.reject(new Error('no WebAssembly')) };
  const win = fakeWindow();
  listenForMessages(api, win);
  const host = fakeSource();
  win.dispatch({ nnplay: 'state' }, host);
  await tick();
  win.dispatch({ nnplay: 'state' }, host);
  assert.deepEqual(
    host.sent.map((m) => m.data),
    [
      { nnplay: 'error', errors: ['nnplay could not start: no WebAssembly'] },
      { nnplay: 'error', errors: ['nnplay could not start: no WebAssembly'] },
    ],
  );
  assert.deepEqual(api.calls, []);
});

test('the embed key: a flag every mode shares, written only when on, kept in links', () => {
  assert.equal(splitShared('', ['playground']).embed, false);
  const { embed, problems } = splitShared('#embed=true&seed=a', ['playground']);
  assert.deepEqual(problems, []);
  assert.equal(embed, true);
  assert.match(
    joinShared({ mode: 'playground', isDefault: true, embed }, 'seed=a'),
    /(^|&)embed=true(&|$)/,
  );
  assert.doesNotMatch(
    joinShared({ mode: 'playground', isDefault: true, embed: false }, 'seed=a'),
    /embed/,
  );
  assert.equal(splitShared('#embed=yes', ['playground']).problems[0].key, 'embed');
});

test('fitDiagram: as large as the pane allows, at most the maximum; labels go when tiny', () => {
  const natural = diagramSize([2, 4, 2, 1]); // the default network, features x and y
  assert.deepEqual(natural, { width: LABEL_WIDTH + 3 * 58 + 30, height: 3 * 55 + 30 + 6 });
  // A 1280 x 720 frame's pane: limited by its width; the layout fills it once scaled.
  let f = fitDiagram({ paneWidth: 600, paneHeight: 620, ...natural });
  assert.ok(Math.abs(f.scale - 600 / natural.width) < 1e-12);
  assert.ok(Math.abs(f.layoutWidth * f.scale - 600) < 1e-9);
  assert.ok(f.labels);
  assert.ok(
    f.y > 0 && Math.abs(2 * f.y + natural.height * f.scale - 620) < 1e-9,
    'centred vertically',
  );
  // A huge pane: the maximum scale.
  f = fitDiagram({ paneWidth: 5000, paneHeight: 5000, ...natural });
  assert.equal(f.scale, MAX_DIAGRAM_SCALE);
  // A 400 x 300 frame's pane: too small for readable labels; their room is given to the nodes.
  f = fitDiagram({ paneWidth: 138, paneHeight: 232, ...natural });
  assert.equal(f.labels, false);
  assert.ok(f.scale > 138 / natural.width, `${f.scale}`);
  assert.ok(
    Math.abs((f.layoutWidth - (LABEL_WIDTH - 4)) * f.scale - 138) < 1e-9,
    'the visible part fills the pane',
  );
  assert.ok(Math.abs(f.x + (LABEL_WIDTH - 4) * f.scale) < 1e-9);
  // Tall networks are limited by the height.
  const tall = diagramSize([2, 8, 8, 8, 8, 8, 8, 1]);
  f = fitDiagram({ paneWidth: 2000, paneHeight: 300, ...tall });
  assert.ok(Math.abs(f.scale - 300 / tall.height) < 1e-12);
  assert.equal(fitDiagram({ paneWidth: 0, paneHeight: 300, ...tall }), null);
});
