// The perceptron lab's page section: binds the markup in index.html (#perceptron) to a
// PerceptronLab, redraws the plot, the equation, the code and the truth table from the engine,
// runs training (one epoch's worth of single-example steps per frame, stopping when every row
// is right unless "keep going" is ticked) and keeps the lab's hash up to date.
// Everything is inserted as text, never as HTML.

import { PerceptronLab, PLOT_BOUNDS } from './lab.js';
import {
  DEFAULTS, GATES, LEARNING_RATES, WEIGHT_LIMIT, parsePerceptronHash, serializePerceptronHash,
} from './state.js';
import { equationText, formatNumber } from './geometry.js';
import { perceptronCode, tokenize } from './code.js';
import { drawLine, drawOverlay } from './render.js';
import { createHeatmap } from '../render/heatmap.js';
import { createNotice } from '../ui/notice.js';

export const GRID_RESOLUTION = 120;
export const PLOT_SIZE = 320;

/** The playground config where XOR is learned: the playground's XOR (the same pattern spread
 *  over the plane), x and y only, one hidden layer of 4 tanh neurons, learning rate 0.03
 *  (checked with the CLI: 10 of 10 seeds fall from a loss of 0.5 to below 0.11 in 100 epochs). */
export const XOR_PLAYGROUND_HASH = 'activation=tanh&batchSize=10&dataset=xor&learningRate=0.03'
  + '&regularizationRate=0&noise=0&networkShape=4&percTrainData=50&x=true&y=true&xTimesY=false'
  + '&xSquared=false&ySquared=false&sinX=false&sinY=false&problem=classification';

const GATE_NAMES = { and: 'AND', or: 'OR', nand: 'NAND', nor: 'NOR', xor: 'XOR', not: 'NOT' };
const GATE_NOTES = {
  and: 'AND is true only at (1, 1): one line cuts that corner off the other three.',
  or: 'OR is true unless both inputs are 0: one line cuts (0, 0) off.',
  nand: 'NAND (not AND) is true unless both inputs are 1: the AND line with its sides swapped.',
  nor: 'NOR (not OR) is true only at (0, 0): one line cuts that corner off.',
  not: 'NOT uses x1 alone (x2 stays 0): one line between x1 = 0 and x1 = 1. The talk\'s start '
    + 'weights already compute it.',
  xor: 'XOR is true where the inputs differ: (0, 1) and (1, 0).',
};

const NO_MESSAGE = Object.freeze({ text: '', kind: 'info' });
const say = (text, kind = 'info') => ({ text, kind });
const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * root: the #perceptron element; engine: a web/engine.js Engine for the lab's own use;
 * writeHash(body): replaces the URL hash; openPlayground(hashBody):
 * switches to the playground on that hash and plays it.
 * Returns {loadHash(hash), pause(), hash(), redraw()}.
 */
export function mountPerceptron({ root, engine, writeHash, openPlayground, raf = (f) => requestAnimationFrame(f) }) {
  const $ = (id) => root.querySelector(`#${id}`);
  const lab = new PerceptronLab({ engine });
  const notice = createNotice($('pc-notice'));
  const heatmap = createHeatmap($('pc-heatmap'));
  const els = {
    reset: $('pc-reset'), stepExample: $('pc-step-example'), play: $('pc-play'),
    stepEpoch: $('pc-step-epoch'), iterations: $('pc-iterations'), epochs: $('pc-epochs'),
    activation: $('pc-activation'), learningRate: $('pc-learning-rate'), keepGoing: $('pc-keep-going'),
    overlay: $('pc-overlay'), line: $('pc-line'), rows: $('pc-rows'), accuracy: $('pc-accuracy'),
    status: $('pc-status'), code: $('pc-code'), xor: $('pc-xor'), xorLink: $('pc-xor-link'),
    gateNote: $('pc-gate-note'), gateName: $('pc-gate-name'),
    eqGeneral: $('pc-eq-general'), eqLive: $('pc-eq-live'), eqSolved: $('pc-eq-solved'), eqNote: $('pc-eq-note'),
  };
  const weightInputs = ['w0', 'w1', 'w2'].map((k) => ({ key: k, range: $(`pc-${k}-range`), number: $(`pc-${k}-number`) }));
  const gateRadios = [...root.querySelectorAll('input[name="pc-gate"]')];

  let playing = false;
  let frameRequested = false;
  let hashTimer = null;
  let lastTrained = [];   // row indices the last step trained (highlighted in the table)
  let message = NO_MESSAGE; // the status line under the accuracy: {text, kind}

  // --- the hash ----------------------------------------------------------------------------
  const hash = () => serializePerceptronHash(lab.settings());
  function scheduleHash() {
    if (hashTimer !== null) clearTimeout(hashTimer);
    hashTimer = setTimeout(() => { hashTimer = null; writeHash(hash()); }, 150);
  }
  function writeHashNow() {
    if (hashTimer !== null) clearTimeout(hashTimer);
    hashTimer = null;
    writeHash(hash());
  }

  // --- drawing -----------------------------------------------------------------------------
  function setLearningRateOptions(current) {
    const values = [...new Set([...LEARNING_RATES, current])].sort((a, b) => a - b);
    els.learningRate.replaceChildren(...values.map((v) => {
      const o = document.createElement('option');
      o.value = String(v);
      o.textContent = String(v);
      return o;
    }));
    els.learningRate.value = String(current);
  }

  function renderCode(settings) {
    const lines = perceptronCode(settings);
    const frag = document.createDocumentFragment();
    lines.forEach((line, i) => {
      for (const [kind, text] of tokenize(line)) {
        if (kind === 'plain') frag.append(text);
        else {
          const span = document.createElement('span');
          span.className = `pc-code-${kind}`;
          span.textContent = text;
          frag.append(span);
        }
      }
      if (i < lines.length - 1) frag.append('\n');
    });
    els.code.replaceChildren(frag);
  }

  function renderTable(rows) {
    const digits = 3;
    els.rows.replaceChildren(...rows.map((r, i) => {
      const tr = document.createElement('tr');
      tr.className = r.right ? 'pc-right' : 'pc-wrong';
      if (lastTrained.includes(i)) tr.classList.add('pc-trained');
      const cells = [
        formatNumber(r.x1, 0), lab.gate === 'not' ? '–' : formatNumber(r.x2, 0), formatNumber(r.target, 0),
        r.output.toFixed(digits).replace('-', '−'), (r.error >= 0 ? ' ' : '') + r.error.toFixed(digits).replace('-', '−'),
      ];
      for (const text of cells) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      const mark = document.createElement('td');
      mark.className = 'pc-mark';
      mark.textContent = r.right ? '✓' : '✗';
      mark.setAttribute('aria-label', r.right ? 'right' : 'wrong');
      tr.append(mark);
      return tr;
    }));
  }

  function redraw() {
    const w = lab.weights();
    const settings = lab.settings();
    const rows = lab.rows();
    heatmap.draw(lab.shadeGrid(GRID_RESOLUTION));
    drawOverlay(els.overlay, { size: PLOT_SIZE, box: PLOT_BOUNDS, rows, weights: w });
    drawLine(els.line, { size: PLOT_SIZE, box: PLOT_BOUNDS, weights: w });

    // The exact state as data attributes, for tests and embedding hosts (read-only).
    Object.assign(root.dataset, {
      gate: lab.gate, w0: String(w.w0), w1: String(w.w1), w2: String(w.w2),
      iterations: String(lab.iterations), playing: String(playing),
    });

    const eq = equationText(w.w0, w.w1, w.w2, 2, lab.activation);
    els.eqGeneral.textContent = eq.general;
    const so = eq.live.indexOf(', so ');
    const parts = so < 0 ? [eq.live] : [eq.live.slice(0, so + 1), eq.live.slice(so + 1)];
    els.eqLive.replaceChildren(...parts.map((text) => {
      const span = document.createElement('span');
      span.textContent = text;
      return span;
    }));
    els.eqSolved.textContent = eq.solved;
    els.eqNote.textContent = eq.note;
    els.eqNote.hidden = eq.note === '';
    root.querySelector('.pc-plot').dataset.line = eq.kind;

    renderCode(settings);
    renderTable(rows);

    const n = rows.length;
    const right = rows.filter((r) => r.right).length;
    const acc = lab.accuracy();
    const iters = lab.iterations;
    els.accuracy.textContent = `Accuracy after ${thousands(iters)} iteration${iters === 1 ? '' : 's'}: `
      + `${Math.round(acc * 100)}% (${Math.round(acc * n)} of ${n} rows right)`;
    els.accuracy.dataset.right = String(right);
    els.accuracy.dataset.rows = String(n);
    els.accuracy.classList.toggle('pc-all-right', acc === 1);
    els.iterations.textContent = thousands(iters);
    const epochs = Math.floor(iters / n);
    const extra = iters % n;
    els.epochs.textContent = `${thousands(epochs)} epoch${epochs === 1 ? '' : 's'}${extra ? ` + ${extra}` : ''}`;
    els.status.textContent = message.text;
    els.status.dataset.kind = message.kind;
    els.status.hidden = message.text === '';

    for (const { key, range, number } of weightInputs) {
      const v = w[key];
      range.value = String(Math.max(-10, Math.min(10, v)));
      if (document.activeElement !== number) number.value = String(Number(v.toFixed(4)));
      number.removeAttribute('aria-invalid');
    }
    for (const r of gateRadios) {
      r.checked = r.value === lab.gate;
      r.closest('label').classList.toggle('selected', r.checked);
    }
    els.activation.value = lab.activation;
    if (els.learningRate.value !== String(lab.learningRate)) setLearningRateOptions(lab.learningRate);
    els.gateName.textContent = GATE_NAMES[lab.gate];
    els.gateNote.textContent = GATE_NOTES[lab.gate];
    els.xor.hidden = lab.gate !== 'xor';
    els.play.classList.toggle('playing', playing);
    els.play.setAttribute('aria-label', playing ? 'Pause training' : 'Train (run)');
    els.play.title = playing ? 'Pause' : 'Run: train until every row is right';
    els.play.setAttribute('aria-pressed', String(playing));
  }

  // --- training ----------------------------------------------------------------------------
  function afterStep(result, rowsTrained) {
    if (result.diverged) {
      message = say('The weights ran off to infinity: choose a smaller learning rate, then reset.', 'warn');
      pause();
      return false;
    }
    if (!result.ok) {
      message = say('The engine refused that step.', 'warn');
      pause();
      return false;
    }
    lastTrained = rowsTrained;
    return true;
  }

  function stepExample() {
    const i = lab.cursor;
    afterStep(lab.stepExample(), [i]);
  }

  function stepEpoch() {
    const n = lab.rowCount();
    afterStep(lab.stepEpoch(), Array.from({ length: n }, (_, j) => j));
  }

  function doneMessage() {
    const n = lab.rowCount();
    const it = lab.iterations;
    return say(`Every row is right after ${thousands(it)} iterations (${formatNumber(it / n, 2)} epochs): `
      + 'training stopped. Tick “keep going” to train on.', 'done');
  }

  function frame() {
    frameRequested = false;
    if (!playing) return;
    const n = lab.rowCount();
    if (els.keepGoing.checked) {
      stepEpoch();
    } else {
      for (let j = 0; j < n && playing; j++) {
        stepExample();
        if (playing && lab.allRight()) {
          message = doneMessage();
          pause();
        }
      }
    }
    if (playing && lab.gate === 'xor') {
      message = say(`XOR after ${thousands(lab.iterations)} iterations: never more than 3 of 4 rows. `
        + 'No weights can do better (see why below).');
    }
    redraw();
    if (playing) request();
  }

  function request() {
    if (frameRequested) return;
    frameRequested = true;
    raf(frame);
  }

  function play() {
    if (!els.keepGoing.checked && lab.allRight()) {
      message = say('Every row is already right, so there is nothing to learn. Tick “keep going” to train on.', 'done');
      redraw();
      return;
    }
    message = NO_MESSAGE;
    playing = true;
    redraw();
    request();
  }

  function pause() {
    if (!playing) return;
    playing = false;
    writeHashNow();
    redraw();
  }

  // --- controls ----------------------------------------------------------------------------
  function userChange(fn) {
    pause();
    message = NO_MESSAGE;
    lastTrained = [];
    fn();
    redraw();
    scheduleHash();
  }

  for (const { key, range, number } of weightInputs) {
    range.addEventListener('input', () => userChange(() => lab.setWeights({ [key]: Number(range.value) })));
    number.addEventListener('input', () => {
      const raw = number.value.trim();
      const v = Number(raw);
      if (raw === '' || !Number.isFinite(v) || Math.abs(v) > WEIGHT_LIMIT) {
        number.setAttribute('aria-invalid', 'true');
        return;
      }
      userChange(() => lab.setWeights({ [key]: v }));
    });
    number.addEventListener('change', () => { // leaving a bad entry: show the weight again
      number.value = String(Number(lab.weights()[key].toFixed(4)));
      number.removeAttribute('aria-invalid');
    });
  }
  for (const r of gateRadios) {
    r.addEventListener('change', () => { if (r.checked) userChange(() => lab.change({ gate: r.value })); });
  }
  els.activation.addEventListener('change', () => userChange(() => lab.change({ activation: els.activation.value })));
  els.learningRate.addEventListener('change', () => {
    const lr = Number(els.learningRate.value);
    if (lab.setLearningRate(lr)) { redraw(); scheduleHash(); }
  });
  els.keepGoing.addEventListener('change', () => { if (!els.keepGoing.checked && playing && lab.allRight()) pause(); });
  els.reset.addEventListener('click', () => userChange(() => lab.setWeights({ w0: DEFAULTS.w0, w1: DEFAULTS.w1, w2: DEFAULTS.w2 })));
  els.stepExample.addEventListener('click', () => { pause(); message = NO_MESSAGE; stepExample(); redraw(); scheduleHash(); });
  els.stepEpoch.addEventListener('click', () => { pause(); message = NO_MESSAGE; stepEpoch(); redraw(); scheduleHash(); });
  els.play.addEventListener('click', () => { if (playing) pause(); else play(); });
  els.xorLink.href = `#${XOR_PLAYGROUND_HASH}`;
  els.xorLink.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    pause();
    openPlayground(XOR_PLAYGROUND_HASH);
  });
  setLearningRateOptions(DEFAULTS.learningRate);
  lab.load(DEFAULTS); // the lab's session holds the talk's neuron from the start

  return {
    /** Applies a perceptron hash key by key; bad entries are listed (as text) and ignored. */
    loadHash(h) {
      pause();
      const { settings, problems } = parsePerceptronHash(h);
      const result = lab.load(settings);
      if (!result.ok) lab.load(DEFAULTS);
      message = NO_MESSAGE;
      lastTrained = [];
      if (problems.length) {
        notice.show('Some settings in the link were not valid and were ignored; the lab uses the rest:', problems);
      } else {
        notice.clear();
      }
      redraw();
      writeHashNow();
    },
    pause,
    hash,
    redraw,
    lab,
  };
}

export { GATES };
