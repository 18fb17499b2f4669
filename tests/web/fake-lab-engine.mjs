// A stand-in for the perceptron lab's engine session in node tests of the controller: one
// neuron on a 4-row truth table whose training points, outputs and marks the test gives (the
// marks are the engine's, so a test can set them apart from what a threshold would say).
export class FakeLabEngine {
  constructor({
    params = [-4, 2, 3],
    points = [0, 0, -1, 0, 1, -1, 1, 0, -1, 1, 1, 1], // AND: x, y, label per row
    outputs = [0.9, 0.2, 0.1, 0.8],
    correct = [1, 1, 1, 1],
    loss = 0.1,
    gridValue = 0.5,
  } = {}) {
    this.p = new Float64Array(params);
    this.points = new Float64Array(points);
    this.outputs = new Float64Array(outputs);
    this.correct = new Uint8Array(correct);
    this.loss = loss;
    this.gridValue = gridValue;
    this.cfg = null;
    this.cursor = 0;
    this.steps = 0;
  }
  configure(config) {
    this.cfg = config;
    const [n] = config.params;
    this.p.set([n[0].w[0], n[0].w[1], n[0].bias]);
    return { ok: true, errors: [], warnings: [] };
  }
  trainPoints() {
    return this.points;
  }
  paramsView() {
    return this.p;
  }
  setBias(l, n, v) {
    this.p[2] = v;
    return Number.isFinite(v);
  }
  setWeight(l, n, s, v) {
    this.p[s] = v;
    return Number.isFinite(v);
  }
  setLearningRate() {
    return true;
  }
  exampleCursor() {
    return this.cursor;
  }
  stepExamples(k) {
    this.steps += k;
    this.cursor = (this.cursor + k) % 4;
    return k;
  }
  trainLoss() {
    return this.loss;
  }
  trainOutputs() {
    return this.outputs;
  }
  trainCorrect() {
    return this.correct;
  }
  trainAccuracy() {
    return this.correct.reduce((a, b) => a + b, 0) / this.correct.length;
  }
  negativeTarget() {
    return this.cfg && this.cfg.outputActivation === 'tanh' ? -1 : 0;
  }
  predictGridIn(r) {
    return new Float32Array(r * r).fill(this.gridValue);
  }
}
