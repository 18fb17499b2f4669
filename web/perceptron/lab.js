// The perceptron lab's model: one neuron (networkShape []) on the inputs x1 = x, x2 = y, held
// by an engine session configured with a logic gate's truth table (noise 0: the table is the
// training and the test set), the output activation and the weights as `params`. Every number
// on the page comes from the engine: the outputs, the accuracy, the training.
//
// Training goes one example at a time (batchSize 1, as the talk's perceptron learns), in table
// order: the engine's stepExamples(k) trains the next k rows from its own cursor. k = 1 is
// "one example", k = rows is "one epoch". No JS does the maths: the negative class's target
// and whether a row is right are the engine's (negativeTarget(), trainCorrect()). No DOM here.

import { DEFAULTS, GATES, OUTPUT_ACTIVATIONS } from './link.js';

/** The plotted square: the truth table's corners with a margin. */
export const PLOT_BOUNDS = Object.freeze({ xmin: -0.5, xmax: 1.5, ymin: -0.5, ymax: 1.5 });

export class PerceptronLab {
  /** engine: a web/engine.js Engine with a session of its own. */
  constructor({ engine }) {
    this.engine = engine;
    this.gate = DEFAULTS.gate;
    this.activation = DEFAULTS.activation;
    this.learningRate = DEFAULTS.learningRate;
    this.iterations = 0; // single-example updates since the weights were last set by hand
    this.points = new Float64Array(0);
  }

  /** The engine config for the current gate, activation and learning rate (no params). */
  baseConfig() {
    return {
      problem: 'classification',
      dataset: `logic-${this.gate}`,
      noise: 0,
      percTrainData: 100,
      networkShape: [],
      activation: 'tanh',
      outputActivation: this.activation,
      batchSize: 1,
      learningRate: this.learningRate,
      regularization: 'none',
      regularizationRate: 0,
      seed: 'perceptron',
      x: true,
      y: true,
      xSquared: false,
      ySquared: false,
      xTimesY: false,
      sinX: false,
      sinY: false,
      initZero: false,
    };
  }

  /** Applies settings ({gate, w0, w1, w2, activation, learningRate}); {ok, errors}. */
  load(settings) {
    const next = { ...DEFAULTS, ...settings };
    if (!GATES.includes(next.gate) || !OUTPUT_ACTIVATIONS.includes(next.activation)) {
      return { ok: false, errors: [{ field: 'gate', message: 'unknown gate or activation' }] };
    }
    const previous = {
      gate: this.gate,
      activation: this.activation,
      learningRate: this.learningRate,
    };
    Object.assign(this, {
      gate: next.gate,
      activation: next.activation,
      learningRate: next.learningRate,
    });
    const result = this.engine.configure({ ...this.baseConfig(), params: params(next) });
    if (!result.ok) {
      Object.assign(this, previous);
      return result;
    }
    this.points = this.engine.trainPoints();
    this.iterations = 0;
    return result;
  }

  /** The current settings, weights read back from the engine. */
  settings() {
    return {
      gate: this.gate,
      ...this.weights(),
      activation: this.activation,
      learningRate: this.learningRate,
    };
  }

  /** {w0, w1, w2}: the neuron's bias and its weights on x1 and x2. paramsView's layout for
   *  one layer of one node on two inputs: [w(x), w(y), bias]. */
  weights() {
    const p = this.engine.paramsView();
    return { w0: p[2], w1: p[0], w2: p[1] };
  }

  /** Sets some of w0, w1, w2 by hand (the iteration count starts again). false when the
   *  engine refuses a value (not finite). */
  setWeights(patch) {
    let ok = true;
    if ('w0' in patch) ok = this.engine.setBias(0, 0, patch.w0) && ok;
    if ('w1' in patch) ok = this.engine.setWeight(0, 0, 0, patch.w1) && ok;
    if ('w2' in patch) ok = this.engine.setWeight(0, 0, 1, patch.w2) && ok;
    this.iterations = 0;
    return ok;
  }

  /** A new gate or output activation: reconfigured with the current weights. */
  change(patch) {
    return this.load({ ...this.settings(), ...patch });
  }

  setLearningRate(lr) {
    if (!this.engine.setLearningRate(lr)) return false;
    this.learningRate = lr;
    return true;
  }

  rowCount() {
    return this.points.length / 3;
  }

  /** The truth-table row the next example step trains on (the engine's cursor). */
  get cursor() {
    return this.engine.exampleCursor();
  }

  /** The truth table: [{x1, x2, target, output, error, right}], output from the engine
   *  (in double, as its accuracy sees it), target the value the engine trains towards, right
   *  where the engine's accuracy counts the row as right. */
  rows() {
    const outputs = this.engine.trainOutputs();
    const correct = this.engine.trainCorrect();
    const neg = this.engine.negativeTarget();
    const out = [];
    for (let i = 0; i + 2 < this.points.length; i += 3) {
      const x1 = this.points[i];
      const x2 = this.points[i + 1];
      const target = this.points[i + 2] > 0 ? 1 : neg;
      const output = outputs[i / 3];
      out.push({ x1, x2, target, output, error: target - output, right: correct[i / 3] === 1 });
    }
    return out;
  }

  /** Fraction of rows right (the engine's accuracy over the table). */
  accuracy() {
    return this.engine.trainAccuracy();
  }
  allRight() {
    return this.accuracy() === 1;
  }

  /** The output over the plot, as values for the colour scale: the output's range
   *  [negative target, 1] onto [-1, 1] (a copy, length r·r). */
  shadeGrid(r) {
    const grid = this.engine.predictGridIn(r, PLOT_BOUNDS);
    const neg = this.engine.negativeTarget();
    const out = new Float32Array(grid.length);
    for (let i = 0; i < grid.length; i++) out[i] = ((grid[i] - neg) / (1 - neg)) * 2 - 1;
    return out;
  }

  /**
   * Trains the next k examples (1 <= k <= rows) from the engine's cursor.
   * Returns {ok, diverged}; a diverged neuron (an output no longer finite) stops the run.
   */
  trainExamples(k) {
    const count = Math.max(1, Math.min(this.rowCount(), Math.floor(k)));
    const done = this.engine.stepExamples(count);
    this.iterations += done;
    const diverged =
      !Object.values(this.weights()).every(Number.isFinite) ||
      !Number.isFinite(this.engine.trainLoss());
    return { ok: done === count && !diverged, diverged };
  }

  stepExample() {
    return this.trainExamples(1);
  }
  stepEpoch() {
    return this.trainExamples(this.rowCount());
  }
}

function params({ w0, w1, w2 }) {
  return [[{ bias: w0, w: [w1, w2] }]];
}
