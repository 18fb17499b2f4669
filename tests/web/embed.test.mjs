// The embed view's message API (only the embedding parent, the host origins, the page's own
// keys refused, warnings and non-finite numbers in replies) and shortcuts, against a fake
// window.nnplay and a fake framed window.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  answerMessage,
  listenForMessages,
  finiteSafe,
  MAX_STEP_MESSAGE,
} from '../../web/embed/messages.js';
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
    stepInSlices: async (n) => (
      calls.push(`step ${n}`),
      { ok: true, state: { ...state, epoch: n } }
    ),
    configure: (c) => (
      calls.push('configure'),
      c.noise === 99
        ? {
            ok: false,
            errors: [{ field: 'noise', message: 'must be from 0 to 80, got 99' }],
            warnings: [],
          }
        : {
            ok: true,
            errors: [],
            warnings: 'nois' in c ? [{ field: 'nois', message: 'unknown key' }] : [],
          }
    ),
  };
}

test('messages that are not for nnplay are ignored', async () => {
  const api = fakeApi();
  for (const data of [null, 'play', 42, [], { method: 'slide' }, { namespace: 'reveal' }]) {
    assert.equal(await answerMessage(api, data), null);
  }
  assert.deepEqual(api.calls, []);
});

test('each command answers with the state', async () => {
  const api = fakeApi();
  for (const command of ['play', 'pause', 'reset', 'state']) {
    const reply = await answerMessage(api, { nnplay: command });
    assert.equal(reply.nnplay, 'state');
    assert.equal(reply.state.config.seed, 's');
  }
  assert.deepEqual((await answerMessage(api, { nnplay: 'step', n: 7 })).state.epoch, 7);
  assert.deepEqual((await answerMessage(api, { nnplay: 'step' })).state.epoch, 1);
  assert.deepEqual(api.calls, ['play', 'pause', 'reset', 'step 7', 'step 1']);
});

test('bad fields are errors naming what is wrong', async () => {
  const api = fakeApi();
  for (const n of [-1, 1.5, '3', NaN, MAX_STEP_MESSAGE + 1, Infinity]) {
    const reply = await answerMessage(api, { nnplay: 'step', n });
    assert.equal(reply.nnplay, 'error');
    assert.match(reply.errors[0], /"n" must be a whole number/);
  }
  assert.match((await answerMessage(api, { nnplay: 'fly' })).errors[0], /unknown command "fly"/);
  assert.match((await answerMessage(api, { nnplay: 7 })).errors[0], /unknown command number/);
  assert.match(
    (await answerMessage(api, { nnplay: 'configure', config: 'x' })).errors[0],
    /"config" must be an object/,
  );
  const refused = await answerMessage(api, { nnplay: 'configure', config: { noise: 99 } });
  assert.deepEqual(refused, { nnplay: 'error', errors: ['noise: must be from 0 to 80, got 99'] });
  assert.equal(
    (await answerMessage(api, { nnplay: 'configure', config: { noise: 5 } })).nnplay,
    'state',
  );
});

test("configure: the page's own keys are refused by name; the engine's warnings come back", async () => {
  const api = fakeApi();
  const refused = await answerMessage(api, {
    nnplay: 'configure',
    config: { noise: 5, embed: false, hostOrigins: '*', resets: 3, params: 'AQ', x_hide: true },
  });
  assert.equal(refused.nnplay, 'error');
  for (const key of ['embed', 'hostOrigins', 'resets', 'params', 'x_hide'])
    assert.ok(
      refused.errors.some((e) => e.startsWith(`${key}: `)),
      `${key} in ${refused.errors}`,
    );
  assert.deepEqual(api.calls, [], 'nothing was configured');
  const warned = await answerMessage(api, {
    nnplay: 'configure',
    config: { noise: 5, nois: 6 },
  });
  assert.equal(warned.nnplay, 'state');
  assert.deepEqual(warned.warnings, ['nois: unknown key']);
  assert.deepEqual((await answerMessage(api, { nnplay: 'configure', config: {} })).warnings, []);
});

test('a non-finite number is sent by its name, not as null', async () => {
  const api = {
    ...fakeApi(),
    state: () => ({ epoch: 9, trainLoss: NaN, testLoss: Infinity, config: { seed: 's' } }),
  };
  const reply = await answerMessage(api, { nnplay: 'state' });
  assert.equal(reply.state.trainLoss, 'NaN');
  assert.equal(reply.state.testLoss, 'Infinity');
  assert.equal(JSON.parse(JSON.stringify(reply)).state.trainLoss, 'NaN', 'survives JSON');
  assert.deepEqual(finiteSafe({ a: [1, -Infinity], b: 'x', c: null }), {
    a: [1, '-Infinity'],
    b: 'x',
    c: null,
  });
});

test('step: a refusal of the work budget is an error with its reason', async () => {
  const api = {
    ...fakeApi(),
    stepInSlices: async () => ({ ok: false, reason: 'more work than one message may ask' }),
  };
  const reply = await answerMessage(api, { nnplay: 'step', n: 100000 });
  assert.deepEqual(reply, { nnplay: 'error', errors: ['"n": more work than one message may ask'] });
});

test('an exception inside the page becomes an error reply', async () => {
  const api = {
    ...fakeApi(),
    state: () => {
      throw new Error('not ready');
    },
  };
  assert.deepEqual(await answerMessage(api, { nnplay: 'state' }), {
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

/** A fake framed window: its parent is `parent` (a fake source; the window itself when not
 *  framed); dispatch(data, source, origin) delivers a message event. */
function fakeWindow(parent) {
  const listeners = [];
  const win = {
    addEventListener: (type, f) => {
      assert.equal(type, 'message');
      listeners.push(f);
    },
    dispatch: (data, source, origin = 'https://deck.example') =>
      listeners.forEach((f) => f({ data, source, origin })),
  };
  win.parent = parent || win;
  return win;
}
function fakeSource() {
  const sent = [];
  return { sent, postMessage: (data, target) => sent.push({ data, target }) };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

test('listenForMessages: answers the parent at its origin, "*" for "null"; ignores the rest', async () => {
  const host = fakeSource();
  const win = fakeWindow(host);
  listenForMessages(fakeApi(), win);
  win.dispatch({ nnplay: 'state' }, host);
  win.dispatch({ nnplay: 'step', n: 3 }, host, 'null');
  win.dispatch({ method: 'slide' }, host);
  win.dispatch('slide:start', host);
  win.dispatch({ nnplay: 'state' }, null); // no one to answer
  await tick();
  assert.deepEqual(
    host.sent.map((m) => [m.data.nnplay, m.target]),
    [
      ['state', 'https://deck.example'],
      ['state', '*'],
    ],
  );
  assert.equal(host.sent[1].data.state.epoch, 3);
});

test('listenForMessages: only the embedding parent; an opener, another frame, an unframed page: ignored, unanswered', async () => {
  const parent = fakeSource();
  const opener = fakeSource();
  const sibling = fakeSource();
  const api = fakeApi();
  const win = fakeWindow(parent);
  listenForMessages(api, win);
  win.dispatch({ nnplay: 'configure', config: { noise: 5 } }, opener);
  win.dispatch({ nnplay: 'reset' }, sibling);
  await tick();
  assert.deepEqual([opener.sent, sibling.sent, api.calls], [[], [], []]);
  // Not framed (window.parent is the window itself): a window.open'ed page takes nothing.
  const alone = fakeWindow();
  const aloneApi = fakeApi();
  listenForMessages(aloneApi, alone);
  alone.dispatch({ nnplay: 'configure', config: { noise: 5 } }, opener);
  alone.dispatch({ nnplay: 'state' }, alone.parent);
  await tick();
  assert.deepEqual([opener.sent, aloneApi.calls], [[], []]);
});

test('listenForMessages: with host origins, only the parent at one of them', async () => {
  const parent = fakeSource();
  const api = fakeApi();
  const win = fakeWindow(parent);
  let allowed = ['https://a.example', 'https://b.example'];
  listenForMessages(api, win, { hostOrigins: () => allowed });
  win.dispatch({ nnplay: 'play' }, parent, 'https://evil.example');
  win.dispatch({ nnplay: 'pause' }, parent, 'https://b.example');
  await tick();
  assert.deepEqual(api.calls, ['pause']);
  assert.deepEqual(
    parent.sent.map((m) => m.target),
    ['https://b.example'],
  );
  allowed = []; // a list with no valid origin left allows no host
  win.dispatch({ nnplay: 'pause' }, parent, 'https://b.example');
  await tick();
  assert.deepEqual(api.calls, ['pause']);
});

test('listenForMessages: messages before ready are answered once ready, in order', async () => {
  let resolveReady;
  const api = {
    ...fakeApi(),
    ready: new Promise((r) => {
      resolveReady = r;
    }),
  };
  const host = fakeSource();
  const win = fakeWindow(host);
  listenForMessages(api, win);
  win.dispatch({ nnplay: 'play' }, host);
  win.dispatch({ nnplay: 'step', n: 2 }, host);
  await tick();
  assert.deepEqual(host.sent, [], 'nothing answered before ready');
  assert.deepEqual(api.calls, []);
  resolveReady({});
  await tick();
  win.dispatch({ nnplay: 'pause' }, host);
  await tick();
  assert.deepEqual(api.calls, ['play', 'step 2', 'pause']);
  assert.equal(host.sent.length, 3);
});

test('listenForMessages: when the engine cannot start, messages get an error saying why', async () => {
  const api = { ...fakeApi(), ready: Promise.reject(new Error('no WebAssembly')) };
  const host = fakeSource();
  const win = fakeWindow(host);
  listenForMessages(api, win);
  win.dispatch({ nnplay: 'state' }, host);
  await tick();
  win.dispatch({ nnplay: 'state' }, host);
  await tick();
  assert.deepEqual(
    host.sent.map((m) => m.data),
    [
      { nnplay: 'error', errors: ['nnplay could not start: no WebAssembly'] },
      { nnplay: 'error', errors: ['nnplay could not start: no WebAssembly'] },
    ],
  );
  assert.deepEqual(api.calls, []);
});

test('hostOrigins: a shared key of origins; a bad entry is listed and left out', () => {
  const s = splitShared('#hostOrigins=https://a.example,https://b.example:8443&seed=a', [
    'playground',
  ]);
  assert.deepEqual(s.hostOrigins, ['https://a.example', 'https://b.example:8443']);
  assert.deepEqual(
    s.entries.map((e) => e.key),
    ['seed'],
  );
  assert.equal(splitShared('#seed=a', ['playground']).hostOrigins, null);
  const bad = splitShared(
    `#hostOrigins=${encodeURIComponent('*,https://a.example/path,javascript:x,null,https://A.example')}`,
    ['playground'],
  );
  assert.deepEqual(bad.hostOrigins, ['null']);
  assert.equal(bad.problems.length, 4);
  assert.ok(bad.problems.every((p) => p.key === 'hostOrigins'));
  assert.equal(
    joinShared(
      { mode: 'playground', isDefault: true, embed: true, hostOrigins: ['https://a.example'] },
      'seed=a',
    ),
    'seed=a&hostOrigins=https://a.example&embed=true',
  );
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
