// The perceptron lab as a mode of the page (mode=perceptron): its registration with the router
// (web/perceptron/controller.js's perceptronMode) and its part of the page, shown while it is
// the active mode (the playground's parts are hidden by perceptron.css meanwhile). The lab is
// built when first shown, on a session of its own.

import { perceptronMode } from './controller.js';
import { mountPerceptron } from './view.js';

/** doc: the document; engine: the playground's Engine (the lab forks a session of its own);
 *  router: web/router.js. Returns the mode to register. */
export function createPerceptronMode({ doc, engine, router }) {
  const root = doc.getElementById('perceptron');
  return perceptronMode({
    build: () => mountPerceptron({ root, engine: engine.fork(), link: router.port('perceptron') }),
    show(on) {
      doc.body.classList.toggle('mode-perceptron', on);
      root.hidden = !on;
    },
  });
}
