// The page's entry point: exposes window.nnplay at once, loads the engine, registers the
// modes (the playground, the perceptron lab) with the router (web/router.js, the only reader
// and writer of location and history), enters the mode the URL names, mounts the controls, and
// shows a clear message when the engine cannot load. The playground's views and their actions
// are mounted by web/page.js.

import { loadEngine } from './engine.js';
import { Playground } from './playground.js';
import { createApi } from './api.js';
import { createNotice } from './ui/notice.js';
import { el } from './dom.js';
import { mountPage } from './page.js';
import { createRouter } from './router.js';
import { limitsTable } from './limits.js';
import { mountModeTabs } from './mode-tabs.js';
import { playgroundMode } from './playground-mode.js';
import { createPerceptronMode } from './perceptron/mode.js';
import { createImagesMode } from './images/mode.js';
import { listenForMessages } from './embed/messages.js';
import { installShortcuts } from './embed/keyboard.js';

const $ = (id) => document.getElementById(id);
const { api, attach, fail } = createApi();
window.nnplay = api;
// The postMessage API for the page that embeds this one (docs/EMBEDDING.md), embed view or
// not: listening from the start, a message sent before the engine is ready is answered once it
// is; the link's hostOrigins (kept by the router) is asked when a message is answered.
let router = null;
listenForMessages(api, window, { hostOrigins: () => (router ? router.hostOrigins() : null) });

function showLoadError(error) {
  const box = $('load-error');
  box.replaceChildren(
    el('p', { className: 'load-error-title', text: 'nnplay could not start.' }),
    el('p', { text: error && error.message ? error.message : String(error) }),
    el('p', {
      text:
        'If you run nnplay from a clone of its repository, build the engine first ' +
        "(the README's serve command builds and serves it).",
    }),
  );
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
  const tabs = mountModeTabs(
    {
      playground: $('mode-tab-playground'),
      perceptron: $('mode-tab-perceptron'),
      images: $('mode-tab-images'),
    },
    document.body,
  );
  router = createRouter({
    location: window.location,
    history: window.history,
    onChange: ({ mode, embed }) => {
      document.documentElement.classList.toggle('embed', embed); // every mode honours the flag
      tabs.update({ mode, hrefs: router.hrefs() });
    },
  });
  const playground = new Playground({
    engine,
    canvases: { heatmap: $('heatmap'), points: $('points') },
    notice,
    status,
    limits: limitsTable(engine.limits()),
    link: router.port('playground'),
  });
  router.register(playgroundMode(playground));
  router.register(createPerceptronMode({ doc: document, engine, router }));
  router.register(createImagesMode({ doc: document, router }));
  router.start();
  // Opened on another mode: the playground gets its defaults quietly, for its tab and the API.
  if (!playground.config) {
    playground.loadHash('');
    tabs.update({ mode: router.active(), hrefs: router.hrefs() });
  }
  // The heatmap first: draw it and let the browser paint it, then mount the controls (tens of
  // milliseconds of DOM work; they stay disabled until then).
  if (playground.config) playground.draw();
  await nextPaint();

  for (const el of document.querySelectorAll('button:disabled, input:disabled'))
    el.disabled = false;
  mountPage(engine, playground, (body) => router.linkTo('playground', body));
  // Space, right arrow, r: in the embed view and the full page alike (not in the perceptron lab).
  installShortcuts(
    {
      togglePlay: () => playground.togglePlay(),
      step: () => {
        playground.pause();
        playground.step(1);
      },
      reset: () => playground.reset(),
    },
    document,
    () => router.active() === 'playground',
  );

  // Back, Forward, a link followed, a hash edited by hand (the router ignores the second
  // event of one change).
  window.addEventListener('popstate', () => router.route());
  window.addEventListener('hashchange', () => router.route());
  document.body.classList.remove('loading');
  document.body.dataset.engine = engine.simd ? 'simd' : 'baseline';
  return playground;
}

boot().then(attach, (error) => {
  console.error(error);
  showLoadError(error);
  fail(error);
});
