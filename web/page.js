// Mounts the playground page's views on its elements (index.html) and wires their actions to
// the controller: play controls, top-bar menus, dataset picker and data sliders, the network
// diagram, the output column, copy link, classroom hiding. app.js calls mountPage once the
// engine is loaded and the hash applied, with the router's linkTo for "copy link".

import { mountPlayControls } from './ui/play-controls.js';
import { mountDatasetPicker } from './ui/dataset-picker.js';
import { mountOutput } from './ui/output.js';
import { mountCharts } from './ui/charts.js';
import { mountStopPanel } from './ui/stop-panel.js';
import { mountTopControls } from './ui/top-controls.js';
import { mountTrainingControls } from './ui/training-controls.js';
import { mountDataControls } from './ui/data-controls.js';
import { mountNetworkView } from './ui/network-view.js';
import { mountShare } from './ui/share.js';
import { mountModelControls } from './ui/model-controls.js';
import { mountVisibility } from './ui/visibility.js';
import { mountMiniMap } from './ui/mini-map.js';
import { mountEmbedView } from './embed/view.js';
import { datasetChange } from './options.js';

const $ = (id) => document.getElementById(id);

/** The 200 noise-free points of a dataset's thumbnail, from the engine's preview session. */
function thumbnailPoints(engine, name) {
  const base = { noise: 0, percTrainData: 100, seed: 'nnplay-thumbnails', networkShape: [] };
  return engine.previewPoints({ ...base, ...datasetChange(name) });
}

/** linkTo(body): the page's URL for a playground hash body (web/router.js's linkTo). */
export function mountPage(engine, playground, linkTo) {
  const actions = {
    togglePlay: () => playground.togglePlay(),
    step: () => playground.stepOnce(),
    reset: () => playground.reset(),
    pickDataset: (name) => playground.changeConfig(datasetChange(name), { newData: true }),
    changePage: (patch) => playground.changePage(patch),
    changeConfig: (patch, opts) => playground.changeConfig(patch, opts),
    setLearningRate: (lr) => playground.setLearningRate(lr),
    changeTraining: (patch) => playground.changeTraining(patch),
    fieldRefused: (key, text, reason, kept) => playground.fieldRefused(key, text, reason, kept),
    regenerate: () => playground.regenerate(),
    preview: (p) => playground.setPreview(p),
    setWeight: (l, n, s, v) => playground.setWeight(l, n, s, v),
    setBias: (l, n, v) => playground.setBias(l, n, v),
    refresh: () => playground.refresh(),
  };
  playground.addView(
    mountPlayControls(
      {
        reset: $('reset-button'),
        playPause: $('play-pause-button'),
        step: $('step-button'),
        epoch: $('epoch-number'),
        epochTime: $('epoch-time'),
        resetSame: $('reset-same'),
        rate: $('lr-now'),
      },
      actions,
    ),
  );
  playground.addView(
    mountStopPanel(
      {
        root: $('stop-panel'),
        summary: $('stop-summary'),
        epoch: $('stop-epoch'),
        testLoss: $('stop-test-loss'),
        patience: $('early-stop'),
        restoreBest: $('restore-best'),
        error: $('stop-error'),
        note: $('stop-note'),
      },
      actions,
    ),
  );
  playground.addView(mountTopControls($('top-controls'), actions));
  playground.addView(
    mountTrainingControls(
      {
        button: $('training-button'),
        summary: $('training-summary'),
        panel: $('training-options'),
      },
      actions,
    ),
  );
  const picker = mountDatasetPicker($('dataset-picker'), actions);
  picker.drawThumbnails((name) => thumbnailPoints(engine, name));
  playground.addView(picker);
  playground.addView(mountDataControls($('data-controls'), actions));
  playground.addView(
    mountNetworkView($('network-column'), engine.featureMaps(), actions, playground.limits),
  );
  playground.addView(
    mountOutput(
      {
        trainLoss: $('train-loss'),
        testLoss: $('test-loss'),
        trainAccuracy: $('train-accuracy'),
        testAccuracy: $('test-accuracy'),
        showTestData: $('show-test-data'),
        discretize: $('discretize'),
      },
      actions,
    ),
  );
  playground.addView(
    mountCharts(
      {
        root: $('charts'),
        loss: $('loss-chart'),
        metric: $('metric-chart'),
        log: $('chart-log'),
        window: $('chart-window'),
        metricName: $('metric-name'),
        metricMenu: $('chart-metric'),
        tip: $('chart-tip'),
      },
      actions,
    ),
  );
  playground.addView(
    mountShare($('share'), ({ network }) => linkTo(playground.shareHash({ network })), undefined, {
      kind: () => playground.shareKind(),
      download: () => $('download-model').click(),
    }),
  );
  playground.addView(
    mountModelControls($('model-file'), {
      modelFile: () => playground.modelFile(),
      loadModel: (text, name) => playground.loadModelText(text, name),
      refuseModel: (result, name) =>
        playground.showRefusal(`${name} was not loaded; nothing was changed:`, result),
    }),
  );
  playground.addView(
    mountMiniMap({
      button: $('mini-map'),
      canvas: $('mini-map-canvas'),
      heatmap: $('heatmap'),
      points: $('points'),
      frame: document.querySelector('.heatmap-frame'),
    }),
  );
  playground.addView(
    mountVisibility(document, {
      article: $('article-text'),
      banner: document.querySelector('.banner'),
    }),
  );
  playground.addView(
    mountEmbedView(
      document.documentElement,
      { pane: $('network-column'), heatmap: document.querySelector('.heatmap-frame') },
      () => playground.redraw(),
    ),
  );
}
