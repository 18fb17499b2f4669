// The images mode's page (#images): the data set and network, play / pause / step / reset,
// the training figures and chart, the network's layers with their shapes, the layer editor and
// the training settings (both through applySpec, state.spec the one spec), and the drawing pad
// with the network's top five scores in the talk's form ("seven (score = 0.97312)"). Training
// runs in web/images/image-worker.js; this file only shows what it posts and sends what the
// controls ask. The state is also kept as data attributes on #images for tests.

import { el } from '../dom.js';
import { PALETTE } from '../render/palette.js';
import { createNotice } from '../ui/notice.js';
import { mountDrawingPad } from './drawing-pad.js';
import { mountTrainingChart } from './chart.js';
import { PRESETS, presetSpec, presetOf, pageSpec } from './presets.js';
import { mountLayerEditor } from './layer-editor.js';
import { mountSettingsForm } from './settings-form.js';
import { topScores, spokenName } from './scores.js';
import { IMAGE_DATA, serializeImages } from './link.js';
import { mountInside } from './inside-view.js';
import { mountConfusion } from './confusion-view.js';
import { mountImageModelFiles, imageModelFileName, saveText } from './model-files.js';
import { installShortcuts } from '../embed/keyboard.js';

const DATA_LABELS = { digits: 'Handwritten digits (MNIST)', fashion: 'Clothing (Fashion-MNIST)' };
const percent = (v) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : '–');
const fixed = (v, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : '–');

/** root: #images; link: the router's port; moduleDir, dataDir, modelDir: URLs of build/wasm/,
 *  build/data/ and models/ (the shipped networks). Returns the controller {load(parsed), leave(), serialize()}. */
export function mountImages({ root, link, moduleDir, dataDir, modelDir, makeWorker }) {
  // spec: the running network's full training spec in presets.js's shape, as the worker
  // reports it (the one source of truth for the network and its settings; every control
  // changes it through applySpec).
  const state = {
    data: 'digits',
    preset: 'pretrained',
    playing: false,
    ready: false,
    loaded: '',
    spec: null,
  };
  let fileModel = null; // {text, name}: a network file waiting for its data set to load
  // The link (web/images/link.js): what it asks for, applied once its data set is loaded
  // ({model, spec}); the settings it sets over the shipped network, once that is ready; the
  // shipped network's own spec (a link then carries only the settings that differ); where the
  // running weights came from ('shipped', 'file', 'new'); and whether the network the worker
  // takes next is the user's change (a history entry) or the link's (the entry rewritten).
  let linkWanted = null;
  let linkOverrides = null;
  let shippedSpec = null;
  let origin = 'new';
  let pushNext = false;
  let progressTimer = 0;
  let fromLink = null; // 'network' or 'settings': what the worker is building is the link's
  const notice = el('div', { className: 'notice', attrs: { role: 'status' }, hidden: true });
  const notices = createNotice(notice);
  const button = (text, label, onClick) =>
    el('button', { type: 'button', text, attrs: { 'aria-label': label }, on: { click: onClick } });

  const dataSelect = el(
    'select',
    {
      attrs: { id: 'im-data', 'aria-label': 'Data set' },
      on: { change: () => chooseData(dataSelect.value, true) },
    },
    ...IMAGE_DATA.map((d) => el('option', { value: d, text: DATA_LABELS[d] })),
  );
  const presetSelect = el(
    'select',
    {
      attrs: { id: 'im-preset', 'aria-label': 'Network' },
      on: {
        change: () => {
          pushNext = true;
          configure();
        },
      },
    },
    el('option', { value: 'pretrained', text: 'Pre-trained network (shipped)' }),
    el('option', {
      value: 'file',
      text: 'Network from a file',
      hidden: true,
      attrs: { id: 'im-preset-file' },
    }),
    ...Object.entries(PRESETS).map(([k, p]) =>
      el('option', { value: k, text: `${p.label}, from scratch` }),
    ),
    el('option', { value: 'custom', text: 'Custom (edited below)', hidden: true }),
  );
  const customOption = presetSelect.lastElementChild;
  const showPreset = (name) => {
    customOption.hidden = name !== 'custom';
    presetSelect.value = name;
    state.preset = name;
    root.dataset.preset = name;
  };
  const card = el('p', { attrs: { id: 'im-card' }, className: 'im-card', hidden: true });
  const play = button('Train', 'Train or pause', () => (state.playing ? pause() : start()));
  play.id = 'im-play';
  const step = button('Step', 'Train one batch', () => send({ op: 'step' }));
  step.id = 'im-step';
  const reset = button('Reset', 'New weights from the seed', () => {
    chart.clear();
    send({ op: 'reset' });
  });
  reset.id = 'im-reset';
  const progress = el('progress', {
    attrs: { id: 'im-progress', max: 1, 'aria-label': 'Download' },
    hidden: true,
  });
  const figures = {};
  const figure = (key, label) =>
    el(
      'div',
      { className: 'im-figure' },
      el('span', { text: label }),
      (figures[key] = el('b', { attrs: { id: `im-${key}` }, text: '–' })),
    );
  const layersList = el('ol', { attrs: { id: 'im-layers' }, className: 'im-layers' });
  let checkId = 0; // the editor's last check: older answers are dropped
  const editorPanel = el('details', { className: 'im-editor', attrs: { id: 'im-editor' } });
  const editor = mountLayerEditor(editorPanel.appendChild(el('div')), {
    onCheck: (layers) =>
      state.spec && send({ op: 'check', id: ++checkId, spec: { ...state.spec, layers } }),
    onApply: (layers) => {
      pushNext = true;
      applySpec({ ...state.spec, layers });
    },
  });
  editorPanel.prepend(el('summary', { text: 'Change the network' }));
  const settingsPanel = el('details', { className: 'im-settings', attrs: { id: 'im-settings' } });
  const settings = mountSettingsForm(settingsPanel.appendChild(el('div')), {
    onChange: (values) => {
      pushNext = true;
      applySpec({ ...state.spec, ...values }, 'settings');
    },
  });
  settingsPanel.prepend(el('summary', { text: 'Training settings' }));
  const chartCanvas = el('canvas', {
    attrs: {
      id: 'im-chart',
      width: 480,
      height: 160,
      'aria-label': 'Training loss (orange) and test accuracy (blue)',
    },
  });
  const chart = mountTrainingChart(chartCanvas);

  const pad = el('canvas', {
    attrs: { id: 'im-pad', width: 280, height: 280, 'aria-label': 'Draw a digit here' },
    className: 'im-pad',
  });
  const seen = el('canvas', {
    attrs: {
      id: 'im-input',
      width: 28,
      height: 28,
      'aria-label': 'What the network sees (28 x 28)',
    },
    className: 'im-input',
  });
  let heading = null;
  const scores = el('ol', {
    attrs: { id: 'im-scores', 'aria-live': 'polite' },
    className: 'im-scores',
  });
  const drawing = mountDrawingPad(pad, (pixels, w, h, strokes) => {
    if (!strokes) {
      scores.replaceChildren(el('li', { text: 'Draw a digit in the box.' }));
      seen.getContext('2d').clearRect(0, 0, 28, 28);
      root.dataset.scores = '';
      return;
    }
    send({ op: 'score', pixels, w, h }, [pixels.buffer]);
  });
  // Clothing: any picture, from a file picker or dropped on the pad, made into the network's
  // input by the engine (preparePicture: grey, a light background inverted, trimmed, centred).
  const pictureInput = el('input', {
    type: 'file',
    accept: 'image/*',
    attrs: { id: 'im-picture', 'aria-label': 'Choose a picture to score' },
    on: { change: () => pictureInput.files[0] && scorePicture(pictureInput.files[0]) },
  });
  async function scorePicture(file) {
    try {
      const bitmap = await createImageBitmap(file);
      const scale = Math.min(1, 512 / Math.max(bitmap.width, bitmap.height)); // a bounded copy
      const w = Math.max(1, Math.round(bitmap.width * scale)),
        h = Math.max(1, Math.round(bitmap.height * scale));
      const canvas = new OffscreenCanvas(w, h);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(bitmap, 0, 0, w, h);
      const { data } = ctx.getImageData(0, 0, w, h);
      const pc = pad.getContext('2d');
      pc.fillStyle = PALETTE.pictureBackdrop;
      pc.fillRect(0, 0, pad.width, pad.height);
      const fit = Math.min(pad.width / w, pad.height / h);
      pc.drawImage(bitmap, (pad.width - w * fit) / 2, (pad.height - h * fit) / 2, w * fit, h * fit);
      send({ op: 'scorePicture', pixels: data, w, h }, [data.buffer]);
    } catch (e) {
      notices.show(`${file.name} could not be read as a picture:`, [
        String(e && e.message ? e.message : e),
      ]);
      notice.hidden = false;
    }
  }
  pad.addEventListener('dragover', (event) => event.preventDefault());
  pad.addEventListener('drop', (event) => {
    event.preventDefault();
    event.stopPropagation(); // not the playground's model drop
    const file = event.dataTransfer && event.dataTransfer.files[0];
    if (file && files.isJson(file)) files.read(file);
    else if (file) scorePicture(file);
  });
  const files = mountImageModelFiles(root, {
    download: () =>
      send({
        op: 'export',
        command: `trained in the nnplay page, images mode (${state.preset === 'pretrained' ? `from the shipped ${state.data} network` : `preset ${state.preset}`})`,
      }),
    load: (text, name, model) => {
      pause();
      pushNext = true;
      fileModel = { text, name };
      const data = model.data && model.data.name;
      if (IMAGE_DATA.includes(data) && data !== state.data) chooseData(data, true);
      else sendFileModel();
    },
    refuse: (errors, name) => {
      notices.show(
        `${name} was not loaded:`,
        errors.map((e) => `${e.field}: ${e.message}`),
      );
      notice.hidden = false;
    },
  });
  function sendFileModel() {
    const { text, name } = fileModel;
    fileModel = null;
    send({ op: 'model', text, source: name }); // on 'ready' the select says so; refused: nothing changes
  }
  const clear = button('Clear', 'Clear the drawing', () => drawing.clear());
  const undo = button('Undo', 'Undo the last stroke', () => drawing.undo());

  root.replaceChildren(
    el('h2', { text: 'Images: a convolutional network, trained in the page' }),
    notice,
    el(
      'div',
      { className: 'im-controls' },
      dataSelect,
      presetSelect,
      play,
      step,
      reset,
      files.download,
      files.load,
      files.input,
      progress,
    ),
    el(
      'div',
      { className: 'im-columns' },
      el(
        'section',
        { className: 'im-training', attrs: { 'aria-label': 'Training' } },
        el(
          'div',
          { className: 'im-figures' },
          figure('epoch', 'Epoch'),
          figure('seen', 'Examples seen'),
          figure('rate', 'Examples / s'),
          figure('loss', 'Training loss'),
          figure('train-accuracy', 'Training accuracy'),
          figure('test-accuracy', 'Test accuracy'),
        ),
        chartCanvas,
        el('h3', { text: 'The network' }),
        card,
        layersList,
        editorPanel,
        settingsPanel,
      ),
      el(
        'section',
        { className: 'im-drawing', attrs: { 'aria-label': 'Draw and score' } },
        (heading = el('h3', { text: 'Does that look like a seven?' })),
        pad,
        el(
          'div',
          { className: 'im-pad-buttons' },
          clear,
          undo,
          el('span', { text: 'The network sees:' }),
          seen,
        ),
        el('label', { className: 'im-picture' }, 'Or score a picture: ', pictureInput),
        scores,
      ),
    ),
  );
  scores.replaceChildren(el('li', { text: 'Draw a digit in the box.' }));

  const insidePanel = el('section', {
    className: 'im-inside',
    attrs: { id: 'im-inside', 'aria-label': 'Inside the network' },
  });
  const inside = mountInside(insidePanel);
  const confusionPanel = el('section', {
    className: 'im-confusion-panel',
    attrs: { id: 'im-confusion-panel', 'aria-label': 'Confusion matrix' },
  });
  const confusion = mountConfusion(
    confusionPanel,
    () => {
      pause();
      send({ op: 'confusion' });
    },
    (index) => {
      send({ op: 'scoreTest', index });
      insidePanel.scrollIntoView({ block: 'nearest' });
    },
  );
  root.append(insidePanel, confusionPanel);

  // Space, the right arrow and r as in the playground (a presenter's clicker), while shown.
  installShortcuts(
    {
      togglePlay: () => (state.playing ? pause() : start()),
      step: () => send({ op: 'step' }),
      reset: () => {
        chart.clear();
        send({ op: 'reset' });
      },
    },
    root.ownerDocument,
    () => !root.hidden,
  );

  let worker = null;
  const pending = [];
  function send(message, transfer) {
    if (!worker) return pending.push([message, transfer]);
    worker.postMessage(message, transfer || []);
  }

  function showStats(s) {
    figures.epoch.textContent = String(s.epoch);
    figures.seen.textContent = s.examplesSeen.toLocaleString('en-US');
    figures.rate.textContent = Number.isFinite(s.examplesPerSecond)
      ? Math.round(s.examplesPerSecond).toLocaleString('en-US')
      : '–';
    figures.loss.textContent = fixed(s.trainLoss);
    figures['train-accuracy'].textContent = percent(s.trainAccuracy);
    figures['test-accuracy'].textContent = percent(s.testAccuracy);
    root.dataset.examples = String(s.examplesSeen);
    root.dataset.testAccuracy = String(s.testAccuracy);
    root.dataset.epoch = String(s.epoch);
    root.dataset.training = String(s.playing); // the worker's own word: false once it has paused
    chart.add({ examples: s.examplesSeen, loss: s.trainLoss, accuracy: s.testAccuracy });
  }

  function showInput(input) {
    const ctx = seen.getContext('2d');
    const img = ctx.createImageData(28, 28);
    for (let i = 0; i < 784; i++) {
      const v = Math.round(255 * input[i]);
      img.data.set([v, v, v, 255], 4 * i);
    }
    ctx.putImageData(img, 0, 0);
  }

  function onMessage(m) {
    switch (m.type) {
      case 'progress':
        progress.value = m.fraction; // shown once the download has taken half a second
        break;
      case 'loaded':
        clearTimeout(progressTimer);
        progress.hidden = true;
        state.loaded = m.name;
        if (fileModel) sendFileModel();
        else if (linkWanted) followLink();
        else configure();
        break;
      case 'ready':
        took(m.spec, true);
        showPreset(m.card ? 'pretrained' : presetOf(state.spec));
        origin = m.card ? (m.card.source ? 'file' : 'shipped') : 'new';
        if (origin === 'shipped') shippedSpec = state.spec;
        if (origin === 'shipped' && linkOverrides) {
          const over = linkOverrides; // the link's settings over the shipped network
          linkOverrides = null;
          fromLink = 'settings';
          applySpec({ ...state.spec, ...over }, 'settings');
        } else fromLink = null;
        linkWritten();
        if (m.rebuilt === 'settings') settings.applied(false);
        state.ready = true;
        root.dataset.ready = 'true';
        root.dataset.pretrained = String(Boolean(m.card));
        card.hidden = !m.card;
        if (m.card && m.card.source) {
          presetSelect.options.namedItem('im-preset-file').hidden = false;
          showPreset('file');
          chart.clear();
        }
        if (m.card) {
          const acc = m.card.metrics.testAccuracy;
          const count = m.card.metrics.testCount;
          const how = m.card.provenance.command || 'how is not recorded';
          card.textContent =
            (m.card.source
              ? `From ${m.card.source}, ${how}`
              : `Trained by nnplay's own scripts/pretrain (${how})`) +
            (Number.isFinite(acc)
              ? `: ${percent(acc)} of the ${count.toLocaleString('en-US')} test images.`
              : '.') +
            ' Draw at once, or train it on.';
        }
        layersList.replaceChildren(
          el('li', {
            text:
              m.input && m.input.h !== m.info.rows
                ? `input ${m.input.h} x ${m.input.w} (crops of the ${m.info.rows} x ${m.info.cols} images)`
                : `input ${m.info.rows} x ${m.info.cols}`,
          }),
          ...m.layers.map((l) =>
            el('li', {
              text: `${l.description} → ${l.shape.h} x ${l.shape.w} x ${l.shape.c} (${l.params.toLocaleString('en-US')} parameters)`,
            }),
          ),
        );
        break;
      case 'model-file':
        saveText(m.text, imageModelFileName(state.data, m.epoch));
        break;
      case 'tuned':
        took(m.spec, false);
        // pre-trained weights under other settings: no longer the shipped network
        showPreset(
          state.preset === 'pretrained' || state.preset === 'file'
            ? 'custom'
            : presetOf(state.spec),
        );
        settings.applied(true);
        fromLink = null;
        linkWritten();
        break;
      case 'checked':
        if (m.id === checkId) editor.checked(m);
        break;
      case 'refused':
        if (fromLink) {
          // the engine's word on the link's network or settings: say so, open what it can
          notices.show(
            `The link's ${fromLink} ${fromLink === 'network' ? 'was' : 'were'} not used:`,
            m.errors.map((e) => `${e.field}: ${e.message}`),
          );
          notice.hidden = false;
          if (fromLink === 'network') {
            fromLink = null;
            showPreset('pretrained');
            configure();
            break;
          }
          fromLink = null;
        }
        if (m.source === 'settings') {
          settings.refused(m.errors);
          break;
        }
        notices.show(
          m.source
            ? `${m.source} was not loaded; the network was not changed:`
            : 'The network was not changed:',
          m.errors.map((e) => `${e.field}: ${e.message}`),
        );
        notice.hidden = false;
        break;
      case 'stats':
        showStats(m);
        break;
      case 'confusion':
        confusion.update(m);
        break;
      case 'scores': {
        if (m.empty) {
          scores.replaceChildren(el('li', { text: 'Draw a digit in the box.' }));
          break;
        }
        showInput(m.input);
        root.dataset.inside = m.test ? `test ${m.test.index}` : 'drawing';
        if (m.inside) {
          const caption = m.test
            ? `test image ${m.test.index + 1} (${spokenName(m.classNames[m.test.label] ?? '?')})`
            : 'your drawing';
          inside.update({ ...m.inside, probs: m.probs, classNames: m.classNames, caption });
        }
        const top = topScores(m.probs, m.classNames);
        scores.replaceChildren(...top.map((t) => el('li', { text: t.text })));
        root.dataset.scores = top.map((t) => t.text).join('; ');
        break;
      }
      case 'error':
        notices.show('The image engine stopped:', [m.message], { kind: 'error' });
        notice.hidden = false;
        pause();
        break;
      default:
    }
  }

  function startWorker() {
    if (worker) return;
    worker = makeWorker();
    worker.onmessage = (event) => onMessage(event.data);
    worker.onerror = (event) =>
      onMessage({ type: 'error', message: event.message || 'the image worker failed to start' });
    worker.postMessage({ op: 'init', moduleDir, dataDir });
    for (const [message, transfer] of pending.splice(0))
      worker.postMessage(message, transfer || []);
  }

  function setPlaying(on) {
    state.playing = on;
    play.textContent = on ? 'Pause' : 'Train';
    root.dataset.playing = String(on);
  }
  function start() {
    setPlaying(true);
    send({ op: 'play' });
  }
  function pause() {
    setPlaying(false);
    send({ op: 'pause' });
  }
  // The worker runs `engine` (its effective spec): the page's spec follows; a new network
  // (built) refills the editor and the settings, new settings leave both as the user has them
  // (a later answer must not overwrite a field being typed in).
  function took(engine, built) {
    state.spec = pageSpec(engine);
    root.dataset.engineSpec = JSON.stringify(engine);
    if (!built) return;
    editor.show(state.spec.layers);
    settings.show(state.spec);
  }
  // Every change of the network or its settings goes through here. how: 'build' (a network
  // from the spec's seed, new weights) or 'settings' (the engine keeps the trained weights
  // when the network stays the same). state.spec changes when the worker takes it.
  function applySpec(spec, how = 'build') {
    if (how === 'settings') return send({ op: 'settings', spec });
    state.ready = false;
    root.dataset.ready = 'false';
    chart.clear();
    send({ op: 'configure', spec });
  }
  // The link follows the network the worker took: a new entry for the user's change, the
  // current one rewritten for the link's own.
  function linkWritten() {
    if (pushNext) link.push(null);
    else link.replace();
    pushNext = false;
  }
  // What the link asked for, its data set loaded: layers (over the ConvNetJS preset's
  // settings) make a new network; else the shipped network, the link's settings over it.
  function followLink() {
    const { spec } = linkWanted;
    linkWanted = null;
    if (spec && spec.layers) {
      showPreset('custom');
      fromLink = 'network';
      return applySpec({ ...presetSpec('convnetjs', state.data), ...spec, data: state.data });
    }
    linkOverrides = spec;
    showPreset('pretrained');
    configure();
  }
  // The link of what runs: the shipped network and the settings changed on it, or the whole
  // spec of a new network (a file's network too: its weights do not fit in a link).
  function serialize() {
    if (!state.spec) return serializeImages({ data: state.data, model: null, spec: null });
    const { data: _data, ...spec } = state.spec;
    if (origin !== 'shipped' || !shippedSpec)
      return serializeImages({ data: state.data, model: null, spec });
    const changed = {};
    for (const [k, v] of Object.entries(spec))
      if (k !== 'layers' && JSON.stringify(v) !== JSON.stringify(shippedSpec[k])) changed[k] = v;
    return serializeImages({ data: state.data, model: state.data, spec: changed });
  }
  function configure() {
    if (presetSelect.value === 'file') presetSelect.value = 'pretrained'; // the file's data set changed
    const name = presetSelect.value;
    if (name !== 'pretrained')
      return applySpec(
        name === 'custom' && state.spec
          ? { ...state.spec, data: state.data }
          : presetSpec(name, state.data),
      );
    state.preset = name;
    state.ready = false;
    root.dataset.ready = 'false';
    chart.clear();
    send({ op: 'model', url: new URL(`${state.data}.json`, modelDir).href });
  }
  function chooseData(data, byUser) {
    state.data = data;
    dataSelect.value = data;
    heading.textContent =
      data === 'digits'
        ? 'Does that look like a seven?'
        : 'Is that a sneaker? Draw, or score a picture';
    pad.hidden = false;
    if (byUser) link.push(null);
    if (state.loaded === data) return;
    pause();
    progress.value = 0;
    clearTimeout(progressTimer);
    progressTimer = setTimeout(() => (progress.hidden = false), 500); // a quick one never flashes
    send({ op: 'data', name: data });
  }

  return {
    load({ settings, problems }) {
      startWorker();
      if (problems.length) {
        notices.show('Parts of the link were ignored:', problems);
        notice.hidden = false;
      }
      linkWanted = { model: settings.model, spec: settings.spec };
      pushNext = false;
      chooseData(settings.data, false);
      if (state.loaded === settings.data) followLink();
      link.replace();
    },
    leave: () => pause(),
    serialize,
  };
}
