// Mounts the perceptron lab's views on its markup in index.html (#perceptron) and wires their
// actions to its controller (web/perceptron/controller.js), as web/page.js does for the
// playground: the controls, the plot, the equation, the code and the truth table. The lab's
// exact state is also kept as data attributes on #perceptron, for tests and embedding hosts.

import { PerceptronController } from './controller.js';
import { mountControls } from './controls-view.js';
import { mountPlot } from './plot-view.js';
import { mountEquation } from './equation-view.js';
import { mountCode } from './code-view.js';
import { mountTable } from './table-view.js';
import { createNotice } from '../ui/notice.js';
import { setAttr } from '../ui/writes.js';

/** The lab's state as data attributes on its root (read-only). */
function mountStateAttributes(root) {
  return {
    update(view) {
      const w = view.weights;
      // Every frame while training: each attribute written only when it changes.
      setAttr(root, 'data-gate', view.gate);
      setAttr(root, 'data-w0', String(w.w0));
      setAttr(root, 'data-w1', String(w.w1));
      setAttr(root, 'data-w2', String(w.w2));
      setAttr(root, 'data-iterations', String(view.iterations));
      setAttr(root, 'data-playing', String(view.playing));
    },
  };
}

/**
 * root: the #perceptron element; engine: a web/engine.js Engine for the lab's own use;
 * link: the router's port for the lab. Returns the PerceptronController.
 */
export function mountPerceptron({ root, engine, link, raf }) {
  const controller = new PerceptronController({
    engine,
    link,
    raf,
    notice: createNotice(root.querySelector('#pc-notice')),
  });
  const actions = {
    setWeight: (key, v) => controller.setWeight(key, v),
    resetWeights: () => controller.resetWeights(),
    change: (patch) => controller.change(patch),
    setLearningRate: (lr) => controller.setLearningRate(lr),
    setSpeed: (speed) => controller.setSpeed(speed),
    setKeepGoing: (on) => controller.setKeepGoing(on),
    stepExample: () => controller.stepExample(),
    stepEpoch: () => controller.stepEpoch(),
    togglePlay: () => controller.togglePlay(),
    openXorPlayground: () => controller.openXorPlayground(),
  };
  controller.addView(mountControls(root, actions));
  controller.addView(mountPlot(root));
  controller.addView(mountEquation(root));
  controller.addView(mountCode(root));
  controller.addView(mountTable(root, actions));
  controller.addView(mountStateAttributes(root));
  return controller;
}
