// The perceptron lab's controller, in the playground's shape: owns the lab's page state
// (playing or not, the status line, the rows the last step trained, "keep going"), turns the
// views' actions into PerceptronLab calls (web/perceptron/lab.js: the engine session), runs
// training (the speed control's examples per frame, 1 to 1000, single-example steps, stopping
// when every row is right unless "keep going" is ticked), keeps each row's error history and
// says when training has stalled (web/perceptron/progress.js), and tells the router when its link changed (a new
// gate or activation is a new history entry; weights, the rate, steps and training replace the
// current one). Views are objects with update(view). No DOM here.
// perceptronMode() is its registration with the router.

import { PerceptronLab } from './lab.js';
import {
  DEFAULTS,
  DISCRETE_KEYS,
  SPEEDS,
  DEFAULT_SPEED,
  parsePerceptronEntries,
  serializePerceptron,
} from './link.js';
import { formatNumber } from './geometry.js';
import { createRowHistory, trend, saturated, STALL_FRAMES } from './progress.js';

/** The playground config where XOR is learned: the playground's XOR (the same pattern spread
 *  over the plane), x and y only, one hidden layer of 4 tanh neurons, learning rate 0.03
 *  (checked with the CLI: 10 of 10 seeds fall from a loss of 0.5 to below 0.11 in 100 epochs).
 *  A fixed seed, so that every student who follows the link sees the same run (seed "xor":
 *  0.67 -> 0.020 in 150 epochs); a random one now and then learns it slowly (0.35 -> 0.19). */
export const XOR_PLAYGROUND_HASH =
  'activation=tanh&batchSize=10&dataset=xor&learningRate=0.03' +
  '&regularizationRate=0&noise=0&networkShape=4&percTrainData=50&x=true&y=true&xTimesY=false' +
  '&xSquared=false&ySquared=false&sinX=false&sinY=false&problem=classification&seed=xor';

/** The notice over a lab link's problems. */
export const LINK_NOTICE =
  'Some settings in the link were not valid: the lab ignored them, or clipped them to its limits, as listed, and uses the rest:';

/** How long the link waits for a weight to stop moving before it is written. */
export const LINK_DELAY_MS = 150;

const NO_MESSAGE = Object.freeze({ text: '', kind: 'info' });
const say = (text, kind = 'info') => ({ text, kind });
export const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const NO_LINK = { replace() {}, push() {}, open() {} };

export class PerceptronController {
  /** engine: a web/engine.js Engine with a session of its own; notice: ui/notice.js for a
   *  link's problems; link: the router's port {replace(), push(), open(hash, {play})}. */
  constructor({
    engine,
    notice,
    link = NO_LINK,
    raf = (f) => requestAnimationFrame(f),
    timers = globalThis,
  }) {
    this.lab = new PerceptronLab({ engine });
    this.notice = notice;
    this.link = link;
    this.raf = raf;
    this.timers = timers;
    this.views = [];
    this.playing = false;
    this.keepGoing = false;
    this.message = NO_MESSAGE; // the status line under the accuracy: {text, kind}
    this.lastTrained = []; // row indices the last step trained (highlighted in the table)
    this.frameRequested = false;
    this.linkTimer = null;
    this.speed = DEFAULT_SPEED; // examples per frame while running (link.js SPEEDS)
    this.histories = []; // per row: its |error| once per training frame or step
    this.stallFrames = 0; // training frames in a row with every wrong row saturated
    this.stalled = false;
    this.lab.load(DEFAULTS); // the lab's session holds the talk's neuron from the start
  }

  addView(view) {
    this.views.push(view);
    view.update(this.view());
  }

  // --- the link ----------------------------------------------------------------------------
  /** The lab's hash body (the router adds `mode=perceptron`). */
  serialize() {
    return serializePerceptron({ ...this.lab.settings(), speed: this.speed });
  }

  /** Replaces the entry's link once the weights stop moving (a drag gives many inputs). */
  replaceSoon() {
    this.cancelLink();
    this.linkTimer = this.timers.setTimeout(() => {
      this.linkTimer = null;
      this.link.replace();
    }, LINK_DELAY_MS);
  }
  replaceNow() {
    this.cancelLink();
    this.link.replace();
  }
  cancelLink() {
    if (this.linkTimer !== null) this.timers.clearTimeout(this.linkTimer);
    this.linkTimer = null;
  }

  /** Applies a parsed link ({settings, problems}); bad entries are listed and ignored. */
  load({ settings, problems }) {
    this.cancelLink();
    this.pause();
    const result = this.lab.load(settings);
    if (!result.ok) this.lab.load(DEFAULTS);
    this.speed = SPEEDS.includes(settings.speed) ? settings.speed : DEFAULT_SPEED;
    this.clearProgress();
    this.message = NO_MESSAGE;
    this.lastTrained = [];
    if (problems.length) this.notice.show(LINK_NOTICE, problems);
    else this.notice.clear();
    this.render();
  }

  // --- actions -----------------------------------------------------------------------------
  /** A user's change: pauses, clears the status; fn changes the lab; discrete: a new entry. */
  userChange(fn, { discrete = false } = {}) {
    this.pause();
    this.message = NO_MESSAGE;
    this.lastTrained = [];
    if (discrete) this.cancelLink();
    fn();
    this.clearProgress(); // new weights or a new table: a new history
    if (discrete) this.link.push();
    else this.replaceSoon();
    this.render();
  }

  setWeight(key, value) {
    this.userChange(() => this.lab.setWeights({ [key]: value }));
  }
  resetWeights() {
    this.userChange(() =>
      this.lab.setWeights({ w0: DEFAULTS.w0, w1: DEFAULTS.w1, w2: DEFAULTS.w2 }),
    );
  }

  /** A new gate or output activation (DISCRETE_KEYS): a new history entry. */
  change(patch) {
    const discrete = DISCRETE_KEYS.some((k) => k in patch && patch[k] !== this.lab[k]);
    this.userChange(() => this.lab.change(patch), { discrete });
  }

  setLearningRate(lr) {
    if (!this.lab.setLearningRate(lr)) return false;
    this.replaceSoon();
    this.render();
    return true;
  }

  /** Examples per frame while running (one of link.js SPEEDS); false when not one. */
  setSpeed(speed) {
    const s = String(speed);
    if (!SPEEDS.includes(s)) return false;
    this.speed = s;
    this.replaceSoon();
    this.render();
    return true;
  }

  setKeepGoing(on) {
    this.keepGoing = Boolean(on);
    if (!this.keepGoing && this.playing && this.lab.allRight()) this.pause();
  }

  stepExample() {
    this.pause();
    this.message = NO_MESSAGE;
    this.trainExample();
    this.sampleProgress();
    this.replaceSoon();
    this.render();
  }
  stepEpoch() {
    this.pause();
    this.message = NO_MESSAGE;
    this.trainEpoch();
    this.sampleProgress();
    this.replaceSoon();
    this.render();
  }
  togglePlay() {
    if (this.playing) this.pause();
    else this.play();
  }

  play() {
    if (!this.keepGoing && this.lab.allRight()) {
      this.message = say(
        'Every row is already right, so there is nothing to learn. Tick “keep going” to train on.',
        'done',
      );
      this.render();
      return;
    }
    this.message = NO_MESSAGE;
    this.playing = true;
    this.render();
    this.refresh();
  }

  pause() {
    if (!this.playing) return;
    this.playing = false;
    this.replaceNow();
    this.render();
  }

  /** Leaves for the playground on XOR with a hidden layer (a new entry), training it. */
  openXorPlayground() {
    this.pause();
    this.link.open(XOR_PLAYGROUND_HASH, { play: true });
  }

  // --- training ----------------------------------------------------------------------------
  afterStep(result, rowsTrained) {
    if (result.diverged) {
      this.message = say(
        'The weights ran off to infinity: choose a smaller learning rate, then reset.',
        'warn',
      );
      this.pause();
      return false;
    }
    if (!result.ok) {
      this.message = say('The engine refused that step.', 'warn');
      this.pause();
      return false;
    }
    this.lastTrained = rowsTrained;
    return true;
  }

  trainExample() {
    const i = this.lab.cursor;
    return this.afterStep(this.lab.stepExample(), [i]);
  }

  trainEpoch() {
    const n = this.lab.rowCount();
    return this.afterStep(
      this.lab.stepEpoch(),
      Array.from({ length: n }, (_, j) => j),
    );
  }

  /** Trains the next k examples (at most a table's rows) in one engine call. */
  trainChunk(k) {
    const n = this.lab.rowCount();
    const i = this.lab.cursor;
    const rows = Array.from({ length: Math.min(k, n) }, (_, j) => (i + j) % n);
    return this.afterStep(this.lab.trainExamples(k), rows);
  }

  // --- progress ----------------------------------------------------------------------------
  clearProgress() {
    this.histories = [];
    this.stallFrames = 0;
    this.stalled = false;
  }

  /** Adds each row's |error| to its history (once per training frame or step). */
  sampleProgress() {
    const rows = this.lab.rows();
    if (this.histories.length !== rows.length) this.histories = rows.map(() => createRowHistory());
    rows.forEach((r, i) => this.histories[i].add(Math.abs(r.error)));
  }

  /** A stall: every wrong row saturated for STALL_FRAMES training frames running. */
  checkStall() {
    if (saturated(this.lab.rows(), this.lab.activation)) this.stallFrames += 1;
    else this.stallFrames = 0;
    this.stalled = this.stallFrames >= STALL_FRAMES;
  }

  doneMessage() {
    const n = this.lab.rowCount();
    const it = this.lab.iterations;
    return say(
      `Every row is right after ${thousands(it)} iterations (${formatNumber(it / n, 2)} epochs): ` +
        'training stopped. Tick “keep going” to train on.',
      'done',
    );
  }

  /** One frame: while playing, the speed's examples (stopping at all right). */
  frame() {
    this.frameRequested = false;
    if (this.playing) {
      const k = Number(this.speed);
      if (this.keepGoing) {
        // nothing to stop at: a table's rows per engine call
        for (let left = k, n = this.lab.rowCount(); left > 0 && this.playing; left -= n)
          this.trainChunk(Math.min(left, n));
      } else {
        for (let j = 0; j < k && this.playing; j++) {
          this.trainExample();
          if (this.playing && this.lab.allRight()) {
            this.message = this.doneMessage();
            this.pause();
          }
        }
      }
      this.sampleProgress();
      if (this.playing) this.checkStall();
      if (this.playing && this.lab.gate === 'xor') {
        this.message = say(
          `XOR after ${thousands(this.lab.iterations)} iterations: never more than 3 of 4 rows. ` +
            'No weights can do better (see why below).',
        );
      }
    }
    this.render();
    if (this.playing) this.refresh();
  }

  /** Updates every view now (a user's action shows at once, as the page's tests read it). */
  render() {
    const view = this.view();
    for (const v of this.views) v.update(view);
  }

  /** Schedules one training frame (idempotent). */
  refresh() {
    if (this.frameRequested) return;
    this.frameRequested = true;
    this.raf(() => this.frame());
  }

  /** What the views draw from: the lab's numbers as the engine gives them. */
  view() {
    const lab = this.lab;
    const rows = lab.rows();
    return {
      gate: lab.gate,
      activation: lab.activation,
      learningRate: lab.learningRate,
      weights: lab.weights(),
      settings: lab.settings(),
      rows,
      rowCount: rows.length,
      right: rows.filter((r) => r.right).length,
      accuracy: lab.accuracy(),
      iterations: lab.iterations,
      playing: this.playing,
      keepGoing: this.keepGoing,
      message: this.message,
      lastTrained: this.lastTrained,
      speed: this.speed,
      progress: this.histories.map((h) => ({ values: h.values, trend: trend(h.values) })),
      stalled: this.stalled,
      shade: (r) => lab.shadeGrid(r),
    };
  }
}

/**
 * The lab's registration with the router (web/router.js): `mode=perceptron`. build() makes
 * the controller the first time the lab is shown (a visitor who never opens it costs no
 * second session); show(on) shows or hides the lab's part of the page.
 */
export function perceptronMode({ build, show, name = 'perceptron' }) {
  let controller = null;
  const lab = () => controller || (controller = build());
  return {
    name,
    parse: (entries) => parsePerceptronEntries(entries),
    enter(parsed, { keep }) {
      show(true);
      const c = lab();
      if (keep) c.render();
      else c.load(parsed);
    },
    leave() {
      if (!controller) return;
      controller.pause();
      controller.cancelLink();
      show(false);
    },
    serialize: () => (controller ? controller.serialize() : null),
    controller: () => controller,
  };
}
