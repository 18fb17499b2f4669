// Unit tests of web/router.js with fake location and history objects and two fake modes: the
// active mode from the hash, the shared keys (mode, embed), the history rule (push, replace, a
// fresh load written once, a given link left as it is), Back and Forward across modes and
// within one (each entry's config back; kept snapshots handed back), ports of inactive modes
// writing nothing, a link followed (open) and the second event of one change ignored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRouter, modeBody, SNAPSHOTS_KEPT } from '../../web/router.js';

/** A browser tab's location and session history; back()/forward()/follow() fire route(). */
function fakeBrowser(hash = '') {
  const location = { hash, pathname: '/index.html', search: '', origin: 'http://host' };
  const entries = [{ state: null, hash }];
  let index = 0;
  const setUrl = (url) => {
    location.hash = url.slice(url.indexOf('#')) === '#' ? '' : url.slice(url.indexOf('#'));
  };
  const history = {
    get state() {
      return entries[index].state;
    },
    get length() {
      return entries.length;
    },
    pushState(state, _t, url) {
      entries.splice(index + 1);
      setUrl(url);
      entries.push({ state: structuredClone(state), hash: location.hash });
      index += 1;
    },
    replaceState(state, _t, url) {
      setUrl(url);
      entries[index] = { state: structuredClone(state), hash: location.hash };
    },
  };
  let router = null;
  const go = (d) => {
    index += d;
    location.hash = entries[index].hash;
    router.route();
    router.route();
  }; // popstate + hashchange
  return {
    location,
    history,
    entries,
    attach: (r) => {
      router = r;
    },
    back: () => go(-1),
    forward: () => go(1),
    /** The user follows a link or edits the hash: the browser makes the entry. */
    follow(h) {
      entries.splice(index + 1);
      location.hash = h;
      entries.push({ state: null, hash: h });
      index += 1;
      router.route();
      router.route();
    },
  };
}

/** A mode holding {a, b}: a is "discrete" (push), b a slider (replace); trained is its
 *  in-memory work, kept in snapshots. */
function fakeMode(name) {
  const mode = {
    name,
    state: null,
    trained: 0,
    entered: [],
    left: 0,
    parse(entries) {
      const s = { a: '1', b: '0' };
      const problems = [];
      for (const { key, raw } of entries) {
        if (key in s) s[key] = raw;
        else problems.push({ key, value: raw, reason: 'unknown key' });
      }
      return { s, problems };
    },
    enter(parsed, ctx) {
      mode.entered.push({ parsed, ctx });
      if (ctx.keep) return;
      mode.state = { ...parsed.s };
      mode.trained = ctx.snapshot ? ctx.snapshot.trained : 0;
    },
    leave() {
      mode.left += 1;
      mode.port.replace();
    }, // a write while leaving lands nowhere
    serialize: () => (mode.state ? `a=${mode.state.a}&b=${mode.state.b}` : null),
    snapshot: () => ({ trained: mode.trained }),
  };
  return mode;
}

function setup(hash = '') {
  const browser = fakeBrowser(hash);
  const changes = [];
  const router = createRouter({
    location: browser.location,
    history: browser.history,
    onChange: (c) => changes.push(c),
  });
  browser.attach(router);
  const pg = fakeMode('playground');
  const lab = fakeMode('perceptron');
  router.register(pg).register(lab);
  pg.port = router.port('playground');
  lab.port = router.port('perceptron');
  return { browser, router, pg, lab, changes };
}

test("a fresh load writes the mode's hash once, replacing the entry", () => {
  const { browser, router, pg } = setup('');
  router.start();
  assert.equal(browser.location.hash, '#a=1&b=0');
  assert.equal(browser.entries.length, 1);
  assert.equal(router.active(), 'playground');
  assert.equal(pg.entered.length, 1);
  assert.ok(browser.history.state.nnplay, 'the entry has an id');
});

test('a hash with only the shared keys is a fresh load of its mode: written with them', () => {
  const { browser, router, lab } = setup('#mode=perceptron&embed=true');
  router.start();
  assert.equal(router.active(), 'perceptron');
  assert.equal(browser.location.hash, '#mode=perceptron&a=1&b=0&embed=true');
  assert.equal(lab.entered[0].ctx.embed, true);
  assert.equal(router.embed(), true);
});

test('a given link is left as it is until the user changes something', () => {
  const given = '#b=5&zzz=1';
  const { browser, router, pg } = setup(given);
  router.start();
  assert.equal(browser.location.hash, given);
  assert.deepEqual(
    pg.entered[0].parsed.problems.map((p) => p.key),
    ['zzz'],
  );
  pg.state.b = '6';
  pg.port.replace();
  assert.equal(browser.location.hash, '#a=1&b=6');
  assert.equal(browser.entries.length, 1);
});

test('the shared keys: mode first unless the default, embed last; a bad mode is listed', () => {
  const { router, pg } = setup('#mode=banana&a=2');
  router.start();
  assert.equal(router.active(), 'playground');
  assert.deepEqual(
    pg.entered[0].parsed.problems.map((p) => p.key),
    ['mode'],
  );
  assert.equal(modeBody('#mode=perceptron&a=1&embed=true&b=2'), 'a=1&b=2');
  assert.equal(router.linkTo('perceptron', 'a=3'), 'http://host/index.html#mode=perceptron&a=3');
});

test('push makes a new entry, replace does not; Back and Forward bring each entry back', () => {
  const { browser, router, pg } = setup('');
  router.start();
  pg.trained = 50; // trained work on the first entry
  const left = pg.snapshot();
  pg.state.a = '2';
  pg.trained = 0;
  pg.port.push(left);
  assert.equal(browser.entries.length, 2);
  assert.equal(browser.location.hash, '#a=2&b=0');
  pg.state.b = '7';
  pg.port.replace();
  pg.port.replace();
  assert.equal(browser.entries.length, 2, 'replace adds no entry');
  pg.trained = 30;
  browser.back();
  assert.equal(browser.location.hash, '#a=1&b=0', 'the URL was not rewritten');
  assert.deepEqual(pg.state, { a: '1', b: '0' });
  assert.equal(pg.trained, 50, "the entry's trained work came back from its snapshot");
  browser.forward();
  assert.deepEqual(pg.state, { a: '2', b: '7' });
  assert.equal(pg.trained, 30, "and the later entry's too");
  assert.equal(pg.entered.length, 3, 'one enter per move (popstate and hashchange of one change)');
});

test('across modes: a link to the other mode is a new entry; Back keeps a mode that was left as it was', () => {
  const { browser, router, pg, lab, changes } = setup('#a=3&b=1');
  router.start();
  pg.trained = 20;
  assert.equal(router.hrefs().perceptron, '#mode=perceptron');
  browser.follow(router.hrefs().perceptron);
  assert.equal(router.active(), 'perceptron');
  assert.equal(pg.left, 1);
  assert.equal(
    browser.location.hash,
    '#mode=perceptron&a=1&b=0',
    'written once: it held no keys of its own',
  );
  assert.equal(browser.entries.length, 2);
  lab.state.b = '9';
  lab.port.replace();
  pg.port.replace(); // an inactive mode's port writes nothing
  assert.equal(browser.location.hash, '#mode=perceptron&a=1&b=9');
  assert.equal(router.hrefs().playground, '#a=3&b=1');
  browser.back();
  assert.equal(router.active(), 'playground');
  assert.equal(pg.entered.at(-1).ctx.keep, true, 'the playground already shows this entry');
  assert.equal(pg.trained, 20);
  browser.forward();
  assert.equal(router.active(), 'perceptron');
  assert.equal(lab.entered.at(-1).ctx.keep, true);
  assert.deepEqual(
    changes.map((c) => c.mode),
    ['playground', 'perceptron', 'playground', 'perceptron'],
  );
});

test('open(): follows a link as a new entry and asks its mode to play', () => {
  const { browser, router, pg, lab } = setup('#mode=perceptron&a=4&b=4');
  router.start();
  lab.port.open('a=9&b=9', { play: true });
  assert.equal(router.active(), 'playground');
  assert.equal(browser.location.hash, '#a=9&b=9');
  assert.equal(browser.entries.length, 2);
  assert.equal(pg.entered.at(-1).ctx.play, true);
  pg.port.open('mode=perceptron&a=1'); // from the active mode only
  assert.equal(router.active(), 'perceptron');
  lab.port.open('a=5'); // back to the playground
  lab.port.open('a=6'); // the lab is not active: nothing
  assert.equal(browser.entries.length, 4);
  browser.back();
  browser.back();
  assert.equal(router.active(), 'playground');
  assert.equal(browser.location.hash, '#a=9&b=9');
  browser.back();
  assert.equal(router.active(), 'perceptron');
});

test('only the last few entries keep their snapshots', () => {
  const { browser, router, pg } = setup('');
  router.start();
  for (let i = 0; i < SNAPSHOTS_KEPT + 3; i++) {
    pg.trained = i + 1;
    const left = pg.snapshot();
    pg.state.a = String(i + 10);
    pg.port.push(left);
  }
  assert.equal(router.keptIds().length, SNAPSHOTS_KEPT);
  for (let i = 0; i < SNAPSHOTS_KEPT + 3; i++) browser.back();
  assert.equal(browser.location.hash, '#a=1&b=0');
  assert.equal(pg.trained, 0, "the oldest entry's snapshot was let go: the link alone");
});

test('a registration needs the whole interface, once per name', () => {
  const { router } = setup('');
  assert.throws(() => router.register({ name: 'x', parse() {} }), /needs enter/);
  assert.throws(() => router.register(fakeMode('playground')), /twice/);
});
