// The page's entry point: exposes window.nnplay at once, loads the engine, builds the
// playground from the hash, mounts the controls, and shows a clear message when the engine
// cannot load. Issue 3's controls mount here the same way (each a view with update(view)).

import { loadEngine } from './engine.js';
import { Playground } from './playground.js';
import { createApi } from './api.js';
import { createNotice } from './ui/notice.js';
import { mountPlayControls } from './ui/play-controls.js';
import { mountDatasetPicker } from './ui/dataset-picker.js';
import { mountOutput } from './ui/output.js';
import { mountNetworkSummary } from './ui/network-summary.js';
import { datasetChange } from './state.js';

const $ = (id) => document.getElementById(id);
const { api, attach, fail } = createApi();
window.nnplay = api;

const hashIO = {
  read: () => window.location.hash,
  write: (body) => {
    const url = `${window.location.pathname}${window.location.search}#${body}`;
    if (window.location.hash !== `#${body}`) window.history.replaceState(null, '', url);
  },
};

function showLoadError(error) {
  const box = $('load-error');
  const title = document.createElement('p');
  title.className = 'load-error-title';
  title.textContent = 'nnplay could not start.';
  const detail = document.createElement('p');
  detail.textContent = error && error.message ? error.message : String(error);
  const hint = document.createElement('p');
  hint.textContent = 'If you run nnplay from a clone of its repository, build the engine first '
    + '(the README\'s serve command builds and serves it).';
  box.replaceChildren(title, detail, hint);
  box.hidden = false;
  document.body.classList.remove('loading');
  document.body.classList.add('failed');
}

function thumbnailPoints(engine, name) {
  const base = { noise: 0, percTrainData: 100, seed: 'nnplay-thumbnails', networkShape: [] };
  return engine.previewPoints({ ...base, ...datasetChange(name) });
}

async function boot() {
  const dir = document.body.dataset.moduleDir || 'build/wasm/';
  const engine = await loadEngine({ dir });
  const notice = createNotice($('notice'));
  const playground = new Playground({
    engine,
    canvases: { heatmap: $('heatmap'), points: $('points') },
    notice,
    hashIO,
  });
  playground.loadHash(hashIO.read());

  const actions = {
    togglePlay: () => playground.togglePlay(),
    step: () => { playground.pause(); playground.step(1); },
    reset: () => playground.reset(),
    pickDataset: (name) => playground.changeConfig(datasetChange(name), { newData: true }),
    changePage: (patch) => playground.changePage(patch),
  };
  playground.addView(mountPlayControls(
    { reset: $('reset-button'), playPause: $('play-pause-button'), step: $('step-button'), epoch: $('epoch-number') },
    actions));
  playground.addView(mountNetworkSummary($('network-column')));
  const picker = mountDatasetPicker($('dataset-picker'), actions);
  picker.drawThumbnails((name) => thumbnailPoints(engine, name));
  playground.addView(picker);
  playground.addView(mountOutput(
    { trainLoss: $('train-loss'), testLoss: $('test-loss'), showTestData: $('show-test-data'), discretize: $('discretize') },
    actions));

  window.addEventListener('hashchange', () => playground.loadHash(hashIO.read()));
  for (const el of document.querySelectorAll('button:disabled, input:disabled')) el.disabled = false;
  document.body.classList.remove('loading');
  document.body.dataset.engine = engine.simd ? 'simd' : 'baseline';
  return playground;
}

boot().then(attach, (error) => {
  console.error(error);
  showLoadError(error);
  fail(error);
});

