// The playground's controller: owns the page state (the effective config, page toggles,
// playing or not), turns user actions into engine calls, keeps the URL hash in step with
// history.replaceState, and runs the animation loop (one epoch per frame while playing).
// Views are objects with update(view); renderers get arrays and canvases only.

import { parseHash, serializeHash, PAGE_DEFAULTS, ENGINE_KEYS } from './state.js';
import { createHeatmap } from './render/heatmap.js';
import { clearPoints, drawPoints } from './render/points.js';

export const GRID_RESOLUTION = 100;
export const MAX_STEP = 100000; // epochs per step(n) call

/** The top-level config key an engine error names ("networkShape[1]" -> "networkShape"). */
export function topKey(field) {
  return String(field).split(/[.[]/)[0];
}

/**
 * Configures the engine with as much of `config` as it accepts: each key the engine rejects
 * is dropped (and listed) and the rest tried again. Returns {result, used, dropped}.
 */
export function configureKeyByKey(engine, config) {
  const used = { ...config };
  const dropped = [];
  for (let attempt = 0; attempt <= ENGINE_KEYS.length; attempt++) {
    const result = engine.configure(used);
    if (result.ok) return { result, used, dropped };
    const keys = [...new Set(result.errors.map((e) => topKey(e.field)))].filter((k) => k in used);
    if (keys.length === 0) return { result, used, dropped };
    for (const key of keys) {
      const reason = result.errors.filter((e) => topKey(e.field) === key).map((e) => e.message).join('; ');
      const value = Array.isArray(used[key]) ? used[key].join(',') : String(used[key]);
      dropped.push({ key, value: value.length > 40 ? value.slice(0, 40) + '…' : value, reason });
      delete used[key];
    }
  }
  return { result: engine.configure({}), used: {}, dropped };
}

export class Playground {
  /** engine: web/engine.js Engine; canvases: {heatmap, points}; notice: ui/notice.js;
   *  hashIO: {read() -> string, write(body)}; raf: requestAnimationFrame-like. */
  constructor({ engine, canvases, notice, hashIO, raf = (f) => requestAnimationFrame(f) }) {
    this.engine = engine;
    this.canvases = canvases;
    this.notice = notice;
    this.hashIO = hashIO;
    this.raf = raf;
    this.heatmap = createHeatmap(canvases.heatmap);
    this.views = [];
    this.config = null;
    this.page = { ...PAGE_DEFAULTS, hidden: [] };
    this.playing = false;
    this.dirty = { grid: true, points: true };
    this.frameRequested = false;
  }

  addView(view) {
    this.views.push(view);
    if (this.config) view.update(this.view());
  }

  /** Applies a hash key by key; what is invalid is listed in the notice. */
  loadHash(hash) {
    const { config, page, problems } = parseHash(hash);
    const { result, dropped } = configureKeyByKey(this.engine, config);
    this.page = page;
    const ignored = [...problems, ...dropped];
    if (!result.ok) {
      this.notice.show('The engine rejected the configuration:', result.errors.map((e) => ({ key: e.field, reason: e.message })), { kind: 'error' });
      return result;
    }
    this.afterConfigure();
    if (ignored.length) {
      this.notice.show('Some settings in the link were not valid and were ignored; the page uses the rest:', ignored);
    } else {
      this.notice.clear();
    }
    return result;
  }

  /** A user's change of engine keys. newData: the data change, so a new seed is drawn from
   *  the stream first (as the reference). The network is rebuilt (configure). */
  changeConfig(patch, { newData = false } = {}) {
    const next = { ...this.config, ...patch };
    if (newData) next.seed = this.engine.nextSeed();
    return this.applyConfig(next);
  }

  /** Replaces the whole config (engine JSON form; page keys in it are applied too). A rejected
   *  config leaves everything as it was and shows why. Returns {ok, errors, warnings}. */
  replaceConfig(config) {
    if (config === null || typeof config !== 'object' || Array.isArray(config)) {
      const result = { ok: false, errors: [{ field: '', message: 'the config must be an object' }], warnings: [] };
      this.notice.show('That configuration was not accepted:', [{ key: '(config)', reason: result.errors[0].message }], { kind: 'error' });
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
    const result = this.engine.configure(config);
    if (!result.ok) {
      this.notice.show('That configuration was not accepted; nothing was changed:',
        result.errors.map((e) => ({ key: e.field || '(config)', reason: e.message })), { kind: 'error' });
      this.refresh();
      return result;
    }
    this.afterConfigure();
    this.notice.clear();
    return result;
  }

  /** Page-only state (showTestData, discretize, ...): no engine call. */
  changePage(patch) {
    this.page = { ...this.page, ...patch };
    this.dirty.points = true;
    this.dirty.grid = true;
    this.writeHash();
    this.refresh();
  }

  afterConfigure() {
    this.config = this.engine.config();
    this.dirty.points = true;
    this.dirty.grid = true;
    this.writeHash();
    this.refresh();
  }

  writeHash() {
    if (this.config) this.hashIO.write(serializeHash(this.config, this.page));
  }

  play() { this.playing = true; this.refresh(); }
  pause() { this.playing = false; this.refresh(); }
  togglePlay() { if (this.playing) this.pause(); else this.play(); }

  /** Trains n epochs at once (synchronous) and redraws. */
  step(n = 1) {
    const count = Number(n);
    if (!Number.isInteger(count) || count < 0 || count > MAX_STEP) {
      throw new RangeError(`step(n): n must be a whole number from 0 to ${MAX_STEP}`);
    }
    if (count > 0) this.engine.step(count);
    this.dirty.grid = true;
    this.refresh();
    return this.state();
  }

  /** New weights from the continuing stream, epoch 0, paused (as the reference). */
  reset() {
    this.engine.reset();
    this.playing = false;
    this.dirty.grid = true;
    this.refresh();
  }

  state() {
    return {
      epoch: this.engine.epoch(),
      trainLoss: this.engine.trainLoss(),
      testLoss: this.engine.testLoss(),
      config: structuredClone(this.config),
    };
  }

  /** What views draw from (config not copied: views only read it). */
  view() {
    const e = this.engine;
    return {
      epoch: e.epoch(), trainLoss: e.trainLoss(), testLoss: e.testLoss(),
      config: this.config, page: this.page, playing: this.playing,
    };
  }

  /** Schedules one frame (idempotent). */
  refresh() {
    if (this.frameRequested) return;
    this.frameRequested = true;
    this.raf(() => this.frame());
  }

  frame() {
    this.frameRequested = false;
    if (this.playing) {
      this.engine.step(1);
      this.dirty.grid = true;
      if (!Number.isFinite(this.engine.trainLoss())) {
        this.playing = false;
        this.notice.show('Training stopped: the loss is no longer a finite number (the network diverged).',
          ['Try a smaller learning rate, then press reset.'], { kind: 'error' });
      }
    }
    if (!this.config) return; // nothing configured yet (the engine rejected even the defaults)
    this.draw();
    const view = this.view();
    for (const v of this.views) v.update(view);
    if (this.playing) this.refresh();
  }

  draw() {
    if (this.dirty.grid) {
      this.heatmap.draw(this.engine.predictGrid(GRID_RESOLUTION), { discretize: this.page.discretize });
      this.dirty.grid = false;
    }
    if (this.dirty.points) {
      const canvas = this.canvases.points;
      const scale = clearPoints(canvas, canvas.clientWidth || 300);
      drawPoints(canvas, this.engine.trainPoints(), { kind: 'train', scale });
      if (this.page.showTestData) drawPoints(canvas, this.engine.testPoints(), { kind: 'test', scale });
      this.dirty.points = false;
    }
  }
}
