// The playground's controller: owns the page state (the effective config, page toggles,
// playing or not, the previewed node, the loss history, how the weights on screen came about),
// turns user actions into engine calls, tells the router (web/router.js, through a port) when
// its link changed (a discrete change of the config is a new history entry, anything else
// replaces the current one), and runs the animation loop (while playing, the speed control's
// epochs per frame: one as the reference, up to "max", adapted to hold 60 frames a second).
// Views are objects with update(view); renderers get arrays and canvases only.
// web/playground-mode.js registers it with the router.
//
// Reproducible links: the hash holds the config (with its seed) and `resets`, the number of
// resets since the config was applied; a load configures and resets that many times, so it
// shows the same weights. Where the weights cannot come from the seed (kept across a
// regenerate, loaded from a link's `params`) resets is -1 and only a link with the network
// (`params`, web/params-codec.js) reproduces them; the next reset makes it 0 again.

import {
  parseHash,
  serializeHash,
  isDiscreteChange,
  PAGE_DEFAULTS,
  ENGINE_KEYS,
  DEFAULT_FEATURES,
  hasInput,
} from './link/playground-link.js';
import { FEATURE_KEYS } from './options.js';
import { shapePatch, layerActivations } from './layer-options.js';
import { resetWork, epochWork } from './limits.js';
import { runInSlices, unitsPerSlice } from './slices.js';
import { preview as shorten } from './link/hash-codec.js';
import { decodeParams, encodeParams } from './params-codec.js';
import { checkModelText, modelFileName } from './model-file.js';
import { encodeOpt, decodeOpt, optState } from './opt-codec.js';
import { toNestedParams } from './params-layout.js';
import { createLossHistory, createWindowHistory, seedWindow } from './loss-history.js';
import { createEpochTimer } from './epoch-timer.js';
import { createStopWatch, STOP_KEYS } from './stop-conditions.js';
import { formatEpoch, formatLoss } from './format.js';
import { createHeatmap } from './render/heatmap.js';
import { createGovernor } from './speed.js';
import { clearPoints, drawPoints } from './render/points.js';

export const GRID_RESOLUTION = 100;
/** The multiply-adds one frame's maps (every node's, predictGrid) may cost: a network larger
 *  than that (from a link, beyond the buttons) has its maps drawn at a lower resolution. */
export const GRID_WORK = 8e6;
const GRID_STEPS = [100, 50, 40, 20, 10]; // multiples of the thumbnails' 10 x 10 blocks

/** The maps' resolution for a network of `parameters` weights and biases: the finest of
 *  GRID_STEPS whose predictGrid stays within GRID_WORK (10 at the least). */
export function gridResolution(parameters) {
  return GRID_STEPS.find((r) => (parameters + 64) * r * r <= GRID_WORK) || GRID_STEPS.at(-1);
}
/** The length past which a shared link leaves out the optimizer state, then the weights. */
export const SHARE_LINK_MAX = 8000;
export const MAX_STEP = 100000; // epochs per step(n) call
export const DEAD_CHECK_EVERY = 20; // training calls between two looks for dead ReLU units

/**
 * The first hidden layer (1-based, as the diagram counts them) all of whose units are dead, or
 * -1. counts: the engine's deadUnits() (per hidden layer, the units whose output is 0 on every
 * training point); sizes: the layer sizes [inputs, ...hidden, outputs].
 */
export function deadLayer(counts, sizes) {
  for (let l = 1; l < sizes.length - 1; l++) if (counts[l - 1] === sizes[l]) return l;
  return -1;
}

/** The top-level config key an engine error names ("networkShape[1]" -> "networkShape"). */
export function topKey(field) {
  return String(field).split(/[.[]/)[0];
}

/**
 * Configures the engine with as much of `config` as it accepts: each key the engine rejects
 * is dropped (and listed) and the rest tried again; a key `fallback` holds (the value on
 * screen) takes that value instead of its default. Returns {result, used, dropped}.
 */
export function configureKeyByKey(engine, config, fallback = {}) {
  const used = { ...config };
  const dropped = [];
  for (let attempt = 0; attempt <= ENGINE_KEYS.length; attempt++) {
    const result = engine.configure(used);
    if (result.ok) return { result, used, dropped };
    const keys = [...new Set(result.errors.map((e) => topKey(e.field)))].filter((k) => k in used);
    if (keys.length === 0) return { result, used, dropped };
    for (const key of keys) {
      const reason = result.errors
        .filter((e) => topKey(e.field) === key)
        .map((e) => e.message)
        .join('; ');
      const value = Array.isArray(used[key]) ? used[key].join(',') : String(used[key]);
      const keep = key in fallback && JSON.stringify(fallback[key]) !== JSON.stringify(used[key]);
      dropped.push({
        key,
        value: value.length > 40 ? value.slice(0, 40) + '…' : value,
        reason: keep ? `${reason}; ${keptNote(fallback[key])}` : reason,
      });
      if (keep) used[key] = fallback[key];
      else delete used[key];
    }
  }
  return { result: engine.configure({}), used: {}, dropped };
}

/** What a notice says of a bad value replaced by the one on screen. */
export function keptNote(value) {
  const shown = Array.isArray(value) ? value.join(',') : String(value);
  return `kept ${shorten(shown)}, as on screen`;
}

/** The features a network keeps when a link or a click would leave it none. */
export const NO_INPUT_REASON = 'a network needs at least one input feature';

const NO_NOTICE = { show() {}, clear() {} };
const NO_LINK = { replace() {}, push() {}, open() {} };
/** The notice over a link's problems (each listed with its reason: dropped, or clipped to a
 *  limit). */
export const LINK_NOTICE =
  'Some settings in the link were not valid: the page ignored them, or clipped them to its limits, as listed, and uses the rest:';

export class Playground {
  /** engine: web/engine.js Engine; canvases: {heatmap, points}; notice: ui/notice.js (what
   *  was ignored or rejected); status: a second notice (divergence, a carried network);
   *  limits: web/limits.js's table; link: the router's port {replace(), push(snapshot)};
   *  raf: requestAnimationFrame-like. */
  constructor({
    engine,
    canvases,
    notice,
    status = NO_NOTICE,
    limits,
    link = NO_LINK,
    raf = (f) => requestAnimationFrame(f),
    schedule = (f) => setTimeout(f, 0),
  }) {
    this.engine = engine;
    this.canvases = canvases;
    this.notice = notice;
    this.status = status;
    this.limits = limits;
    this.link = link;
    this.raf = raf;
    this.schedule = schedule; // runs the next slice of heavy work in a later task
    this.replay = null; // a link's resets being replayed in slices: runInSlices's handle
    this.heatmap = createHeatmap(canvases.heatmap);
    this.views = [];
    this.config = null;
    this.page = { ...PAGE_DEFAULTS, hidden: [] };
    this.playing = false;
    this.governor = createGovernor(this.page.speed);
    this.dirty = { grid: true, points: true };
    this.gridChanged = true;
    this.frameRequested = false;
    this.history = createLossHistory(); // the whole run
    this.recent = null; // the last N epochs (page.lastEpochs), or null
    this.timer = createEpochTimer(); // ms per epoch over the last second of training
    this.watch = createStopWatch(); // the stop conditions' state (web/stop-conditions.js)
    this.bestParams = null; // restoreBest: the best weights seen, and their dead flags
    this.bestDead = null;
    this.stopped = null; // the stop condition that paused training last: {key, message}
    this.resets = 0; // resets since the config was applied; -1: weights not from the seed
    this.linkParams = null; // the params code the weights came from, while they last
    this.edited = false; // a weight or bias was set by hand since the last reset
    this.diverged = false;
    this.deadLayer = -1; // the hidden layer (1-based) whose ReLU units all died, or -1
    this.trainCalls = 0; // training calls since the page started (paces checkDeadUnits)
    this.statusKind = null; // what the status notice shows (showStatus)
    this.preview = null; // null, {grid: k} (a node of gridNodes) or {values} (an R·R map)
    this.sizes = [];
    this.trainCount = 0;
  }

  addView(view) {
    this.views.push(view);
    if (this.config) view.update(this.view());
  }

  /** Applies a hash (a link: "#a=b&...") key by key; see load(). */
  loadHash(hash) {
    return this.load(parseHash(hash, this.limits));
  }

  /** Applies a parsed link ({config, page, link, problems, rejected}:
   *  web/link/playground-link.js) key by key; what is invalid or clipped is listed in the
   *  notice. A key whose value was dropped keeps the value on screen (`over`, the page's
   *  {config, page} when the link is opened over it; on a first load there is none: the
   *  default). A link with every input feature off gets x and y. A `params` code is loaded when
   *  it fits the network; else `resets` resets are replayed: at once when they are little work,
   *  in slices between frames when they are more (the page answers meanwhile), not at all when
   *  they are more work than a link may ask (web/limits.js, docs/LINKS.md "Work"). */
  load({ config: given, page: givenPage, link, problems, rejected = [] }, { over = null } = {}) {
    this.stopReplay();
    this.loading = true; // the link is left as given until the user changes something
    try {
      return this.loadLink({ config: given, page: givenPage, link, problems, rejected }, over);
    } finally {
      this.loading = false;
    }
  }

  loadLink({ config: given, page: givenPage, link, problems, rejected }, over) {
    this.rewritten = false;
    const config = { ...given };
    const page = { ...givenPage };
    const notes = [];
    const fallback = over ? { ...over.config } : {};
    for (const key of rejected) {
      if (over && key in over.config && ENGINE_KEYS.includes(key)) config[key] = over.config[key];
      else if (over && key in PAGE_DEFAULTS && key in over.page) page[key] = over.page[key];
      else continue;
      const problem = problems.find((p) => p.key === key);
      if (problem)
        problem.reason = `${problem.reason}; ${keptNote(key in config ? config[key] : page[key])}`;
    }
    if (!hasInput(config)) {
      for (const k of DEFAULT_FEATURES) config[k] = true;
      notes.push({
        key: FEATURE_KEYS.filter((k) => given[k] === false).join(', ') || 'features',
        reason: `every input feature is off; ${NO_INPUT_REASON}: ${DEFAULT_FEATURES.join(' and ')} are on`,
      });
    }
    const { result, dropped } = configureKeyByKey(this.engine, config, fallback);
    this.page = { ...page, embed: this.page.embed };
    const ignored = [...problems, ...dropped, ...notes];
    if (!result.ok) {
      this.notice.show(
        'The engine rejected the configuration:',
        result.errors.map((e) => ({ key: e.field, reason: e.message })),
        { kind: 'error' },
      );
      return result;
    }
    let carried = null;
    if (link.params) {
      carried = this.loadParams(link.params);
      if (!carried.ok)
        ignored.push({ key: 'params', value: shorten(link.params), reason: carried.reason });
      else if (link.opt) {
        const opt = this.loadOpt(link.opt);
        if (!opt.ok)
          ignored.push({
            key: 'opt',
            value: shorten(link.opt),
            reason: `${opt.reason}; the network is carried without its optimizer state, so training on will differ`,
          });
      }
    } else if (link.opt) {
      ignored.push({ key: 'opt', value: shorten(link.opt), reason: 'no params to go with it' });
    }
    let resets = carried && carried.ok ? 0 : link.resets;
    const unit = resets > 0 ? this.resetWork() : 0;
    if (resets * unit > this.limits.linkWork) {
      ignored.push({
        key: 'resets',
        value: String(resets),
        reason: `more work than a link may ask (${resets} resets x ${unit} multiply-adds each, over ${this.limits.linkWork}): not replayed, the seed's first weights are shown`,
      });
      resets = 0;
    }
    const sliced = resets > unitsPerSlice(unit, this.limits.sliceWork);
    if (!sliced) for (let i = 0; i < resets; i++) this.engine.reset();
    this.afterConfigure();
    if (sliced) {
      this.replayResets(resets, unit);
    } else if (carried && carried.ok) {
      this.resets = -1;
      this.linkParams = link.params;
      this.writeHash();
      this.showStatus(
        'carried',
        `This link carries a trained network (epoch ${formatEpoch(carried.epoch)}).`,
        ['Press play to continue training it, or reset for new weights.'],
        { kind: 'info' },
      );
    } else {
      this.resets = resets;
      this.writeHash();
    }
    if (ignored.length) {
      this.notice.show(LINK_NOTICE, ignored);
    } else {
      this.notice.clear();
    }
    return result;
  }

  /** Loads a params code into the current config: {ok, epoch} or {ok: false, reason}. */
  loadParams(code) {
    let decoded;
    try {
      decoded = decodeParams(code);
    } catch (e) {
      return { ok: false, reason: `not a network code (${e.message})` };
    }
    const sizes = this.engine.layerSizes();
    if (sizes.join(',') !== decoded.sizes.join(',')) {
      return {
        ok: false,
        reason: `made for layer sizes ${decoded.sizes.join(',')}, not ${sizes.join(',')}`,
      };
    }
    const r = this.engine.configure({
      ...this.engine.config(),
      params: toNestedParams(decoded.sizes, decoded.params, decoded.dead),
      epoch: decoded.epoch,
    });
    if (!r.ok)
      return { ok: false, reason: r.errors.map((e) => `${e.field}: ${e.message}`).join('; ') };
    return { ok: true, epoch: decoded.epoch };
  }

  /** Gives the carried network (loadParams) an `opt` code's optimizer state and training
   *  position: a model file of the config, the weights and that state, loaded by the engine
   *  (docs/MODELS.md), so that training on equals training straight through. On a refusal
   *  the network stays as loadParams left it: {ok} or {ok: false, reason}. */
  loadOpt(code) {
    let state;
    try {
      state = decodeOpt(code);
    } catch (e) {
      return { ok: false, reason: `not an optimizer state code (${e.message})` };
    }
    const model = JSON.parse(this.engine.exportModel());
    const initial = model.training && model.training.initial;
    model.optimizer = state.optimizer;
    // The weights' generator (not in the code) stays where this configure left it (after the
    // data), as for any carried network: the next reset draws the seed's first weights, which
    // resets=0 in the link this page writes says. Training never draws from it.
    model.training = {
      ...state.training,
      rng: model.training.rng,
      resets: model.training.resets, // this page's count (0 after its configure)
    };
    if (initial) model.training.initial = initial;
    const r = this.engine.loadModel(JSON.stringify(model));
    if (!r.ok)
      return {
        ok: false,
        reason: `refused by the engine: ${r.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
      };
    return { ok: true };
  }

  /** The multiply-adds of one replayed reset of the configured network (web/limits.js). */
  resetWork() {
    const points = (this.engine.trainPoints().length + this.engine.testPoints().length) / 3;
    return resetWork(this.engine.paramsView().length, points);
  }

  /** The multiply-adds of one epoch of the configured network. */
  epochWork() {
    return epochWork(this.engine.paramsView().length, this.trainCount);
  }

  /** Replays `total` resets in slices (each at most the slice budget), with the progress in
   *  the status notice; the resets count what has been replayed, so a link written meanwhile
   *  is true. A change of the network or the weights stops it (stopReplay). */
  replayResets(total, unit) {
    const progress = (done) =>
      this.showStatus(
        null,
        `Replaying the link's resets: ${done} of ${total}.`,
        ['The page stays usable; a change of the network or of its weights stops the replay.'],
        { kind: 'info' },
      );
    progress(0);
    this.replay = runInSlices({
      total,
      unitWork: unit,
      sliceWork: this.limits.sliceWork,
      schedule: this.schedule,
      doUnits: (k) => {
        for (let i = 0; i < k; i++) this.engine.reset();
        this.resets += k;
        return k;
      },
      onSlice: (done) => {
        if (done < total) progress(done);
      },
    });
    this.replay.done.then(({ done, cancelled }) => {
      this.replay = null;
      this.clearHistory();
      this.record();
      this.dirty.grid = true;
      if (cancelled && done < total)
        this.showStatus(
          null,
          `The replay of the link's resets stopped after ${done} of ${total}.`,
          [`A link copied now says resets=${done}.`],
          { kind: 'info' },
        );
      else this.clearStatus();
      if (this.rewritten) this.writeHash(); // the link the user's change wrote: now all replayed
      this.refresh();
    });
  }

  /** Stops a replay in progress (the weights stay where it got to). */
  stopReplay() {
    if (this.replay) this.replay.cancel();
  }

  /** A user's change of engine keys. newData: the data change, so a new seed is drawn from
   *  the stream first (as the reference). The network is rebuilt (configure). A key set to
   *  undefined is removed. */
  changeConfig(patch, { newData = false } = {}) {
    let next = { ...this.config, ...patch };
    // A change of the hidden layers keeps each one's own options (web/layer-options.js).
    if (patch.networkShape && !('activations' in patch) && !('dropout' in patch))
      next = { ...next, ...shapePatch(this.config, patch.networkShape) };
    if (!hasInput(next)) {
      // the last lit feature stays on: the engine refuses a network without inputs
      const reason = `${NO_INPUT_REASON}: switch another one on first`;
      this.notice.show('That input feature stays on:', [{ key: Object.keys(patch)[0], reason }], {
        kind: 'info',
      });
      this.refresh();
      return {
        ok: false,
        errors: [{ field: Object.keys(patch)[0], message: reason }],
        warnings: [],
      };
    }
    if (newData) next.seed = this.engine.nextSeed();
    return this.applyConfig(next);
  }

  /** Replaces the whole config (engine JSON form; page keys in it are applied too). A rejected
   *  config leaves everything as it was and shows why. Returns {ok, errors, warnings}. */
  replaceConfig(config) {
    if (config === null || typeof config !== 'object' || Array.isArray(config)) {
      const result = {
        ok: false,
        errors: [{ field: '', message: 'the config must be an object' }],
        warnings: [],
      };
      this.notice.show(
        'That configuration was not accepted:',
        [{ key: '(config)', reason: result.errors[0].message }],
        { kind: 'error' },
      );
      return result;
    }
    if (!hasInput(config)) {
      const result = {
        ok: false,
        errors: [
          {
            field: 'x',
            message: `${NO_INPUT_REASON}: every feature (${FEATURE_KEYS.join(', ')}) is off`,
          },
        ],
        warnings: [],
      };
      this.notice.show(
        'That configuration was not accepted; nothing was changed:',
        [{ key: '(features)', reason: result.errors[0].message }],
        { kind: 'error' },
      );
      return result;
    }
    const result = this.applyConfig(config);
    if (result.ok) {
      const pagePatch = {};
      for (const key of Object.keys(PAGE_DEFAULTS)) {
        if (typeof config[key] === 'boolean') pagePatch[key] = config[key];
      }
      this.changePage(pagePatch);
    }
    return result;
  }

  applyConfig(config) {
    this.stopReplay();
    const before = this.config;
    const left = before ? this.snapshot() : null; // the entry being left, if this is a new one
    const result = this.engine.configure(config);
    if (!result.ok)
      return this.showRefusal('That configuration was not accepted; nothing was changed:', result);
    this.afterConfigure();
    this.notice.clear();
    this.rewritten = true;
    if (isDiscreteChange(before, this.config)) this.link.push(left);
    else this.link.replace();
    return result;
  }

  /** A refused change ({ok: false, errors}): the notice says what was refused and why, each
   *  error with its field; nothing else changes. Returns the result. */
  showRefusal(title, result) {
    this.notice.show(
      title,
      result.errors.map((e) => ({ key: e.field || '(config)', reason: e.message })),
      { kind: 'error' },
    );
    this.refresh();
    return result;
  }

  /** The model file of what is on screen (docs/MODELS.md) and a file name for it. */
  modelFile() {
    const c = this.config;
    const dataset = c.problem === 'regression' ? c.regDataset : c.dataset;
    return { text: this.engine.exportModel(), name: modelFileName(dataset, this.engine.epoch()) };
  }

  /** Loads a model file's text (web/model-file.js checks it first): the engine takes its
   *  config, weights, optimizer and training state, and every view then shows them; the link
   *  gets the file's config (never its weights: resets -1, as for a carried network). A
   *  refused file leaves everything as it was and the notice says why. {ok, errors, warnings} */
  loadModelText(text, name = 'the file') {
    const checked = checkModelText(text);
    const title = `${name} was not loaded; nothing was changed:`;
    if (!checked.ok) return this.showRefusal(title, checked);
    this.stopReplay();
    const left = this.config ? this.snapshot() : null;
    const result = this.engine.loadModel(text);
    if (!result.ok) return this.showRefusal(title, result);
    const page = this.page;
    this.playing = false;
    this.afterConfigure();
    this.page = page;
    this.resets = -1;
    this.notice.clear();
    this.rewritten = true;
    this.link.push(left);
    this.showStatus(
      'carried',
      `Loaded ${name}: a trained network (epoch ${formatEpoch(this.engine.epoch())}).`,
      ['Press play to continue training it exactly where it stopped, or reset for new weights.'],
      { kind: 'info' },
    );
    return result;
  }

  /** Draws the map and the points again (a new canvas size): the link is not touched. */
  redraw() {
    this.dirty.points = true;
    this.dirty.grid = true;
    this.refresh();
  }

  /** Page-only state (showTestData, discretize, ...): no engine call. */
  changePage(patch) {
    const before = this.page;
    this.page = { ...this.page, ...patch };
    if (STOP_KEYS.some((k) => before[k] !== this.page[k])) this.restartWatch();
    if (before.lastEpochs !== this.page.lastEpochs) this.windowChanged();
    this.dirty.points = true;
    this.dirty.grid = true;
    this.writeHash();
    this.refresh();
  }

  /** A live change of training keys (the learning rate, the optimizer and its parameters, the
   *  schedule, regularization and its rate): the engine's updateTraining keeps the weights,
   *  the data and the epoch (a change of optimizer kind clears its state). A change of a
   *  discrete key (optimizer, schedule, regularization type) is a new history entry, of a
   *  number the current one replaced. A refused change leaves everything as it was and names
   *  the key: {ok, errors, warnings}. */
  changeTraining(patch) {
    const before = this.config;
    const left = this.snapshot();
    const result = this.engine.updateTraining(patch);
    if (!result.ok)
      return this.showRefusal('That setting was not accepted; the one before is kept:', result);
    this.config = this.engine.config();
    this.notice.clear();
    if (this.diverged) this.clearDivergence(); // a lower rate may train on from here
    this.rewritten = true;
    if (isDiscreteChange(before, this.config)) this.link.push(left);
    else this.link.replace();
    this.refresh();
    return result;
  }

  /** A number field's text refused (not a number, or beyond its range): the notice names the
   *  field and the value kept; nothing changes. */
  fieldRefused(key, text, reason, kept) {
    this.notice.show(
      'That value was not accepted; the one before is kept:',
      [{ key, value: shorten(String(text)), reason: `${reason}; ${keptNote(kept)}` }],
      { kind: 'error' },
    );
  }

  /** A new learning rate, without a reset (the epoch and the weights stay). */
  setLearningRate(lr) {
    if (!this.engine.setLearningRate(lr)) return false;
    this.config = this.engine.config();
    this.writeHash();
    this.refresh();
    return true;
  }

  /** New data from a seed drawn from the stream; the network is kept (as the reference). */
  regenerate() {
    this.stopReplay();
    this.engine.regenerate();
    this.config = this.engine.config();
    this.resets = -1;
    this.trainCount = this.engine.trainPoints().length / 3;
    this.dirty.points = true;
    this.afterWeightsChange();
    this.writeHash();
  }

  /** Sets one weight (layer 0 = first layer after the inputs) or bias; false when refused. */
  setWeight(layer, node, source, value) {
    this.stopReplay();
    if (!this.engine.setWeight(layer, node, source, value)) return false;
    this.edited = true;
    if (this.deadLayer >= 0) this.clearDivergence(); // looked for again as training goes on
    this.afterWeightsChange();
    return true;
  }

  setBias(layer, node, value) {
    this.stopReplay();
    if (!this.engine.setBias(layer, node, value)) return false;
    this.edited = true;
    if (this.deadLayer >= 0) this.clearDivergence(); // looked for again as training goes on
    this.afterWeightsChange();
    return true;
  }

  /** Shows a node's map in the big heatmap: null (the output), {grid: k}, or {values}. */
  setPreview(preview) {
    this.preview = preview;
    this.dirty.grid = true;
    this.refresh();
  }

  afterWeightsChange() {
    this.dirty.grid = true;
    this.record();
    this.restartWatch();
    this.refresh();
  }

  /** Records what the engine measured now in the charts' histories. */
  record() {
    const e = this.engine;
    const values = {
      train: e.trainLoss(),
      test: e.testLoss(),
      trainAccuracy: e.trainAccuracy(),
      testAccuracy: e.testAccuracy(),
      trainRmse: e.trainRmse(),
      testRmse: e.testRmse(),
      trainR2: e.trainR2(),
      testR2: e.testR2(),
    };
    this.history.add(e.epoch(), values);
    if (this.recent) this.recent.add(e.epoch(), values);
  }

  clearHistory() {
    this.history.clear();
    if (this.recent) this.recent.clear();
  }

  /** page.lastEpochs changed: a window of that many epochs, filled from the whole run. */
  windowChanged() {
    const span = Number(this.page.lastEpochs);
    this.recent = span > 0 ? seedWindow(createWindowHistory(span), this.history) : null;
  }

  /** The window as page.lastEpochs says (after a load or a restore). */
  syncWindow() {
    if ((Number(this.page.lastEpochs) || 0) !== (this.recent ? this.recent.span : 0))
      this.windowChanged();
  }

  /** The stop conditions start again from what is shown (a new network, new conditions). */
  restartWatch() {
    this.watch.reset(this.engine.epoch(), this.engine.testLoss());
    if (this.page.restoreBest) this.saveBest();
    else this.bestParams = this.bestDead = null;
  }

  /** Keeps a copy of the weights (restoreBest), in arrays reused while the size holds. */
  saveBest() {
    const p = this.engine.paramsView();
    const d = this.engine.deadView();
    if (!this.bestParams || this.bestParams.length !== p.length) {
      this.bestParams = new Float64Array(p.length);
      this.bestDead = new Uint8Array(d.length);
    }
    this.bestParams.set(p);
    this.bestDead.set(d);
  }

  /** Brings back the saved best weights at the current epoch (the epoch counter goes on, as
   *  Keras's restore_best_weights). The engine is configured again with them, so its stream
   *  stands where a carried network's does: resets -1 (the next reset gives resets 0). */
  restoreBestWeights() {
    if (!this.bestParams || this.bestParams.length !== this.engine.paramsView().length)
      return false;
    const r = this.engine.configure({
      ...this.engine.config(),
      params: toNestedParams(this.sizes, this.bestParams, this.bestDead),
      epoch: this.engine.epoch(),
    });
    if (!r.ok) return false;
    this.resets = -1;
    this.dirty.grid = true;
    this.record();
    return true;
  }

  /** After a training call from epoch `from` while playing: pauses on a stop condition and
   *  says why. */
  checkStops(from) {
    const e = this.engine;
    const { improved, stop } = this.watch.observe(from, e.epoch(), e.testLoss(), this.page);
    if (improved && this.page.restoreBest) this.saveBest();
    if (!stop) return;
    this.playing = false;
    let message = stop.message;
    if (stop.key === 'earlyStop' && this.page.restoreBest)
      message += this.restoreBestWeights()
        ? `; best weights restored (test loss ${formatLoss(e.testLoss())}).`
        : '; the best weights could not be restored.';
    else message += '.';
    this.stopped = { key: stop.key, message };
    this.showStatus(
      'stopped',
      message,
      [`Press play to train on (the condition is ${stop.key} in the stop conditions).`],
      {
        kind: 'info',
      },
    );
  }

  /** After a configure: a fresh start (resets 0, no carried network, history restarted). */
  afterConfigure() {
    this.config = this.engine.config();
    this.sizes = this.engine.layerSizes();
    this.trainCount = this.engine.trainPoints().length / 3;
    this.resets = 0;
    this.linkParams = null;
    this.edited = false;
    this.preview = null;
    this.clearDivergence();
    this.syncWindow();
    this.clearHistory();
    this.record();
    this.timer.clear();
    this.restartWatch();
    this.dirty.points = true;
    this.dirty.grid = true;
    this.refresh();
  }

  /** The link keys of the current state: resets, or the carried network's code. */
  linkState() {
    return { resets: Math.max(0, this.resets), params: this.linkParams };
  }

  /** The playground's hash body for what is on screen (null before the first config). */
  serialize() {
    return this.config ? serializeHash(this.config, this.page, this.linkState()) : null;
  }

  /** Replaces the current history entry's link (the router writes it while this mode is
   *  shown). */
  writeHash() {
    if (!this.loading) this.rewritten = true;
    if (this.config) this.link.replace();
  }

  /** What Back needs to bring this state back: the engine's export (config, weights, epoch)
   *  and the page's own state. */
  snapshot() {
    if (!this.config) return null;
    return {
      engine: this.engine.exportConfig(),
      page: structuredClone(this.page),
      resets: this.resets,
      linkParams: this.linkParams,
      edited: this.edited,
    };
  }

  /** True when a snapshot holds what its link cannot give back (trained, edited or carried
   *  weights); otherwise the link itself reproduces it exactly. */
  static needsRestore(snap) {
    return Boolean(snap) && (snap.engine.epoch > 0 || snap.edited || snap.resets < 0);
  }

  /** Brings back a snapshot(): the same weights and epoch, so the same losses. The engine's
   *  stream then stands where a carried network's does, so the weights count as not from the
   *  seed (resets -1, as a carried network's) and the next reset starts again from 0. */
  restore(snap) {
    this.stopReplay();
    const result = this.engine.configure(snap.engine);
    if (!result.ok) return false;
    this.afterConfigure();
    this.page = { ...snap.page, embed: this.page.embed };
    this.resets = -1;
    this.linkParams = snap.linkParams;
    this.edited = snap.edited;
    this.syncWindow();
    this.clearHistory();
    this.record();
    this.notice.clear();
    return true;
  }

  /** A hash body that reproduces what is on screen. network: carry the weights and the epoch
   *  (params); otherwise the seed and the resets (the weights at epoch 0). */
  shareHash({ network = false } = {}) {
    if (!network) return serializeHash(this.config, this.page, this.linkState());
    const code = encodeParams({
      sizes: this.sizes,
      params: this.engine.paramsView(),
      dead: this.engine.deadView(),
      epoch: this.engine.epoch(),
    });
    const opt = encodeOpt(optState(JSON.parse(this.engine.exportModel())));
    const full = serializeHash(this.config, this.page, { params: code, opt });
    if (full.length <= SHARE_LINK_MAX) return full;
    return serializeHash(this.config, this.page, { params: code });
  }

  /** What "copy link with the trained network" can carry (docs/LINKS.md): 'full' (weights
   *  and optimizer state), 'weights' (the weights alone: training on will differ) or 'file'
   *  (too long even so: the model file instead). */
  shareKind() {
    const hash = this.shareHash({ network: true });
    if (hash.length > SHARE_LINK_MAX) return 'file';
    return /(^|&)opt=/.test(hash) ? 'full' : 'weights';
  }

  play() {
    this.stopReplay();
    this.playing = true;
    this.stopped = null;
    this.refresh();
  }
  pause() {
    this.playing = false;
    this.refresh();
  }
  togglePlay() {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Trains n epochs at once (synchronous) and redraws. */
  step(n = 1) {
    const count = Number(n);
    if (!Number.isInteger(count) || count < 0 || count > MAX_STEP) {
      throw new RangeError(`step(n): n must be a whole number from 0 to ${MAX_STEP}`);
    }
    if (count > 0) {
      this.stopReplay();
      this.engine.step(count);
      this.afterTraining();
    }
    this.dirty.grid = true;
    this.refresh();
    return this.state();
  }

  /** The step button: one epoch, watched by the stop conditions as a played frame is (the
   *  best weights kept for restoreBest; a condition met says so and the page stays paused). */
  stepOnce() {
    this.pause();
    const from = this.engine.epoch();
    const state = this.step(1);
    if (this.engine.epoch() === from) return state;
    this.checkStops(from);
    this.refresh();
    return this.state();
  }

  /** Trains n epochs as step(n) does, in slices (each at most the slice budget) between which
   *  the page answers; for work asked by a host (web/embed/messages.js). More work in all than
   *  a link may ask is refused: {ok: false, reason}. Resolves with {ok: true, state}. */
  stepInSlices(n) {
    const count = Number(n);
    if (!Number.isInteger(count) || count < 0 || count > MAX_STEP) {
      return Promise.resolve({
        ok: false,
        reason: `n must be a whole number from 0 to ${MAX_STEP}`,
      });
    }
    const unit = this.epochWork();
    if (count * unit > this.limits.linkWork) {
      const most = Math.max(1, Math.floor(this.limits.linkWork / unit));
      return Promise.resolve({
        ok: false,
        reason: `${count} epochs of this network are more work than one message may ask (${unit} multiply-adds an epoch, at most ${this.limits.linkWork} in all): at most ${most} at once`,
      });
    }
    if (count === 0) return Promise.resolve({ ok: true, state: this.step(0) });
    this.stopReplay();
    const run = runInSlices({
      total: count,
      unitWork: unit,
      sliceWork: this.limits.sliceWork,
      schedule: this.schedule,
      doUnits: (k) => {
        const done = this.engine.step(k);
        this.afterTraining();
        this.refresh();
        return typeof done === 'number' ? done : k;
      },
    });
    return run.done.then(() => ({ ok: true, state: this.state() }));
  }

  afterTraining() {
    this.dirty.grid = true;
    this.record();
    // Training continued: the carried network's notice has said what it had to.
    if (this.statusKind === 'carried' || this.statusKind === 'stopped') this.clearStatus();
    if (this.trainCount > 0 && !Number.isFinite(this.engine.trainLoss())) {
      this.playing = false;
      if (!this.diverged) {
        this.diverged = true;
        const lr = this.config.learningRate;
        this.showStatus(
          'diverged',
          `Training stopped at epoch ${formatEpoch(this.engine.epoch())}: the loss is no longer a finite number. The network diverged: its weights grew without bound.`,
          [
            `Try a lower learning rate (it is ${lr} now)${layerActivations(this.config).includes('relu') ? ', or the tanh activation' : ''}.`,
            'Then press reset for new weights; grey areas in the map are values that are not numbers.',
          ],
          { kind: 'error' },
        );
      }
      return;
    }
    // Dead ReLU units: looked for every DEAD_CHECK_EVERY-th training call only (the engine
    // runs the network forward over the training data for it).
    this.trainCalls += 1;
    if (
      layerActivations(this.config).includes('relu') &&
      this.deadLayer < 0 &&
      this.trainCalls % DEAD_CHECK_EVERY === 0
    )
      this.checkDeadUnits();
  }

  /** Pauses and says so when every unit of a hidden layer outputs 0 on every training point
   *  (the engine's deadUnits(): a ReLU unit whose input sum is <= 0 everywhere passes no
   *  gradient): the output is then constant and the weights before that layer cannot change,
   *  so training is stuck. */
  checkDeadUnits() {
    const layer = deadLayer(this.engine.deadUnits(), this.sizes);
    if (layer < 0) return false;
    this.deadLayer = layer;
    this.playing = false;
    const units = this.sizes[layer];
    this.showStatus(
      'dead',
      `Training stopped at epoch ${formatEpoch(this.engine.epoch())}: every ReLU unit is dead: lower the learning rate or reset.`,
      [
        `${units === 1 ? 'The unit' : `All ${units} units`} of hidden layer ${layer} output${units === 1 ? 's' : ''} 0 on every training point: the network's output is constant and no gradient reaches the weights before them, so more training changes nothing.`,
        `Lower the learning rate (it is ${this.config.learningRate} now), then press reset for new weights; or pick the tanh activation.`,
      ],
      { kind: 'error' },
    );
    return true;
  }

  clearDivergence() {
    if (this.diverged || this.deadLayer >= 0) this.clearStatus();
    this.diverged = false;
    this.deadLayer = -1;
  }

  /** The status notice (one at a time); kind names what it says, so that the page knows
   *  which one is shown: 'carried', 'diverged', 'dead', 'stopped' (a stop condition) or null. */
  showStatus(kind, title, items, options) {
    this.statusKind = kind;
    this.status.show(title, items, options);
  }

  clearStatus() {
    this.statusKind = null;
    this.status.clear();
  }

  /** New weights from the continuing stream, epoch 0, paused (as the reference); with the
   *  page's resetSame on, the same initial weights again (the engine's resetToInitial: the
   *  weights of the last reset or configure, its stream where it was then), so `resets` stays:
   *  the link still gives these weights. A carried network comes back as carried (its code
   *  now at epoch 0). */
  reset() {
    this.stopReplay();
    if (this.page.resetSame) this.resetToInitial();
    else this.resetToNew();
    this.playing = false;
    this.edited = false;
    this.clearDivergence();
    this.clearHistory();
    this.record();
    this.restartWatch();
    this.dirty.grid = true;
    this.writeHash();
    this.refresh();
  }

  resetToNew() {
    this.engine.reset();
    this.resets = this.resets < 0 ? 0 : this.resets + 1;
    if (this.linkParams) this.clearStatus();
    this.linkParams = null;
  }

  resetToInitial() {
    this.engine.resetToInitial();
    if (this.linkParams) {
      this.linkParams = encodeParams({
        sizes: this.sizes,
        params: this.engine.paramsView(),
        dead: this.engine.deadView(),
        epoch: 0,
      });
    }
  }

  state() {
    const e = this.engine;
    return {
      epoch: e.epoch(),
      trainLoss: e.trainLoss(),
      testLoss: e.testLoss(),
      trainAccuracy: e.trainAccuracy(),
      testAccuracy: e.testAccuracy(),
      trainRmse: e.trainRmse(),
      testRmse: e.testRmse(),
      trainR2: e.trainR2(),
      testR2: e.testR2(),
      msPerEpoch: this.timer.msPerEpoch(),
      stopped: this.stopped ? { ...this.stopped } : null,
      playing: this.playing,
      diverged: this.diverged,
      deadLayer: this.deadLayer,
      resets: this.resets,
      learningRateNow: e.learningRateNow(),
      config: structuredClone(this.config),
    };
  }

  /** What views draw from (config not copied: views only read it). params, dead and
   *  grid.nodes are views of engine memory: use them during update() only. */
  view() {
    const e = this.engine;
    return {
      epoch: e.epoch(),
      trainLoss: e.trainLoss(),
      testLoss: e.testLoss(),
      trainAccuracy: e.trainAccuracy(),
      testAccuracy: e.testAccuracy(),
      config: this.config,
      page: this.page,
      playing: this.playing,
      diverged: this.diverged,
      sizes: this.sizes,
      history: this.history,
      recent: this.recent,
      msPerEpoch: this.timer.msPerEpoch(),
      stopped: this.stopped,
      preview: this.preview,
      resets: this.resets,
      edited: this.edited,
      learningRateNow: e.learningRateNow(),
      params: e.paramsView(),
      dead: e.deadView(),
      grid: { nodes: e.gridNodes(), resolution: this.gridResolution(), changed: this.gridChanged },
    };
  }

  /** The maps' resolution for the configured network (gridResolution). */
  gridResolution() {
    return gridResolution(this.engine.paramsView().length);
  }

  /** Schedules one frame (idempotent). */
  refresh() {
    if (this.frameRequested) return;
    this.frameRequested = true;
    this.raf((t) => this.frame(t));
  }

  /** One animation frame (t: its rAF timestamp): trains while playing, then draws. */
  frame(t) {
    this.frameRequested = false;
    const start = performance.now();
    const training = this.playing;
    if (training) {
      // Epochs this frame: the speed control's count (1: the reference's pace; max: adapted
      // to the whole frame, training and drawing, from the time the last frames took).
      if (this.governor.speed !== this.page.speed) this.governor = createGovernor(this.page.speed);
      // Capped so that an epoch stop or an early stop lands on its epoch exactly.
      const from = this.engine.epoch();
      const epochs = this.watch.cap(from, this.governor.epochs(), this.page);
      const t0 = performance.now();
      const done = this.engine.step(epochs);
      const took = performance.now() - t0;
      this.governor.report(done, took);
      this.timer.record(performance.now(), done, took);
      this.afterTraining();
      if (this.playing) this.checkStops(from);
    }
    if (!this.config) return; // nothing configured yet (the engine rejected even the defaults)
    this.draw();
    const view = this.view();
    for (const v of this.views) v.update(view);
    this.gridChanged = false;
    if (training) {
      const interval = this.lastFrame > 0 && t > this.lastFrame ? t - this.lastFrame : 0;
      this.governor.frame(performance.now() - start, interval);
    }
    this.lastFrame = training && Number.isFinite(t) ? t : 0;
    if (this.playing) this.refresh();
  }

  draw() {
    if (this.dirty.grid) {
      const R = this.gridResolution();
      let values = this.engine.predictGrid(R);
      const p = this.preview;
      if (p && Number.isInteger(p.grid) && p.grid >= 0) {
        const nodes = this.engine.gridNodes();
        if ((p.grid + 1) * R * R <= nodes.length)
          values = nodes.subarray(p.grid * R * R, (p.grid + 1) * R * R);
      } else if (p && p.values && p.values.length === GRID_RESOLUTION * GRID_RESOLUTION) {
        values = p.values; // an input's own map, at full resolution
      }
      this.heatmap.draw(values, { discretize: this.page.discretize });
      if (!this.drawnOnce) {
        // for scripts/bench's first_heatmap_ms
        this.drawnOnce = true;
        performance.mark('nnplay:first-heatmap');
      }
      this.dirty.grid = false;
      this.gridChanged = true;
    }
    if (this.dirty.points) {
      const canvas = this.canvases.points;
      const size = canvas.clientWidth || 300;
      // Points grow with a map larger than the reference's 300 px (the embed view's).
      const scale = clearPoints(canvas, size) * Math.max(1, size / 300);
      drawPoints(canvas, this.engine.trainPoints(), { kind: 'train', scale });
      if (this.page.showTestData)
        drawPoints(canvas, this.engine.testPoints(), { kind: 'test', scale });
      this.dirty.points = false;
    }
  }
}
