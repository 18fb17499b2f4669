// The page's entry point: exposes window.nnplay at once, loads the engine, builds the
// playground from the hash, mounts the controls, and shows a clear message when the engine
// cannot load. The views and their actions are mounted by web/page.js.

import { loadEngine } from './engine.js';
import { Playground } from './playground.js';
import { createApi } from './api.js';
import { createNotice } from './ui/notice.js';
import { el } from './dom.js';
import { mountPage } from './page.js';
import { modeAwareHashIO, mountModes } from './perceptron/mode.js'; // perceptron lab (issue 4)
import { listenForMessages } from './embed/messages.js';
import { installShortcuts } from './embed/keyboard.js';

const $ = (id) => document.getElementById(id);
const { api, attach, fail } = createApi();
window.nnplay = api;
// The postMessage API for a host page (docs/EMBEDDING.md), embed view or not: listening from
// the start, a message sent before the engine is ready is answered once it is.
listenForMessages(api, window);

const hashIO = modeAwareHashIO({ // perceptron lab: no playground writes while the lab is shown
  read: () => window.location.hash,
  write: (body) => {
    const url = `${window.location.pathname}${window.location.search}#${body}`;
    if (window.location.hash !== `#${body}`) window.history.replaceState(null, '', url);
  },
});

function showLoadError(error) {
  const box = $('load-error');
  box.replaceChildren(
    el('p', { className: 'load-error-title', text: 'nnplay could not start.' }),
    el('p', { text: error && error.message ? error.message : String(error) }),
    el('p', { text: 'If you run nnplay from a clone of its repository, build the engine first '
      + '(the README\'s serve command builds and serves it).' }));
  box.hidden = false;
  document.body.classList.remove('loading');
  document.body.classList.add('failed');
}

// After the next paint; at most ~50 ms (a hidden frame gets no animation frames).
function nextPaint() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 50);
  });
}

async function boot() {
  const dir = document.body.dataset.moduleDir || 'build/wasm/';
  const engine = await loadEngine({ dir });
  const notice = createNotice($('notice'));
  const status = createNotice($('status'));
  const playground = new Playground({
    engine,
    canvases: { heatmap: $('heatmap'), points: $('points') },
    notice,
    status,
    hashIO,
  });
  const modes = mountModes({ engine, playground, hashIO }); // perceptron lab: the hash's mode
  modes.route(hashIO.read());
  // The heatmap first: draw it and let the browser paint it, then mount the controls (tens of
  // milliseconds of DOM work; they stay disabled until then).
  if (playground.config) playground.draw();
  await nextPaint();

  for (const el of document.querySelectorAll('button:disabled, input:disabled')) el.disabled = false;
  mountPage(engine, playground);
  // Space, right arrow, r: in the embed view and the full page alike (not in the perceptron lab).
  installShortcuts({
    togglePlay: () => playground.togglePlay(),
    step: () => { playground.pause(); playground.step(1); },
    reset: () => playground.reset(),
  }, document, () => modes.mode() === 'playground');

  window.addEventListener('hashchange', () => modes.route(hashIO.read()));
  document.body.classList.remove('loading');
  document.body.dataset.engine = engine.simd ? 'simd' : 'baseline';
  return playground;
}

boot().then(attach, (error) => {
  console.error(error);
  showLoadError(error);
  fail(error);
});

