// The top bar's menus: learning rate (no reset: the engine takes the new rate, the epoch and
// the weights stay), activation, regularization and its rate, problem type (these rebuild the
// network; the problem type also draws new data, as the reference). Native <select>s, each
// with a <label>, in a container ui-<name> that `<name>_hide=true` hides.

import {
  ACTIVATIONS,
  REGULARIZATIONS,
  PROBLEMS,
  LEARNING_RATES,
  REGULARIZATION_RATES,
} from '../options.js';
import { SPEEDS } from '../speed.js';
import { plainNumber } from '../format.js';
import { el } from '../dom.js';

const TITLES = {
  relu: 'ReLU',
  tanh: 'Tanh',
  sigmoid: 'Sigmoid',
  linear: 'Linear',
  none: 'None',
  L1: 'L1',
  L2: 'L2',
  classification: 'Classification',
  regression: 'Regression',
  max: 'Max',
};

function menu(root, name, label, values, onChange) {
  const select = el(
    'select',
    { id: `control-${name}`, on: { change: () => onChange(select.value) } },
    ...values.map((v) =>
      el('option', {
        value: String(v),
        text: typeof v === 'number' ? plainNumber(v) : TITLES[v] || v,
      }),
    ),
  );
  root.append(
    el(
      'div',
      { className: `control ui-${name}` },
      el('label', { className: 'control-label', htmlFor: `control-${name}`, text: label }),
      select,
    ),
  );
  return select;
}

/** Shows a value the menu does not offer (from a hash) as an extra option, selected. */
function setValue(select, value) {
  const v = typeof value === 'number' ? String(value) : value;
  let opt = [...select.options].find((o) =>
    typeof value === 'number' ? Number(o.value) === value : o.value === v,
  );
  for (const o of [...select.options]) if (o.dataset.extra && o !== opt) o.remove();
  if (!opt) {
    opt = el('option', {
      value: v,
      text: typeof value === 'number' ? plainNumber(value) : v,
      attrs: { 'data-extra': 'true' },
    });
    select.append(opt);
  }
  select.value = opt.value;
}

/** root: #top-controls; actions: {setLearningRate(lr), changeConfig(patch, opts),
 *  changePage(patch)}. */
export function mountTopControls(root, actions) {
  const s = {
    learningRate: menu(root, 'learningRate', 'Learning rate', LEARNING_RATES, (v) =>
      actions.setLearningRate(Number(v)),
    ),
    activation: menu(root, 'activation', 'Activation', ACTIVATIONS, (v) =>
      actions.changeConfig({ activation: v }),
    ),
    regularization: menu(root, 'regularization', 'Regularization', REGULARIZATIONS, (v) =>
      actions.changeConfig({ regularization: v }),
    ),
    regularizationRate: menu(
      root,
      'regularizationRate',
      'Regularization rate',
      REGULARIZATION_RATES,
      (v) => actions.changeConfig({ regularizationRate: Number(v) }),
    ),
    problem: menu(root, 'problem', 'Problem type', PROBLEMS, (v) =>
      actions.changeConfig({ problem: v }, { newData: true }),
    ),
  };
  // Epochs per frame: a page setting (no reset), nnplay's own.
  const speed = menu(root, 'speed', 'Epochs per frame', SPEEDS, (v) =>
    actions.changePage({ speed: v }),
  );
  let last = '';
  return {
    update({ config, page }) {
      const key = [
        config.learningRate,
        config.activation,
        config.regularization,
        config.regularizationRate,
        config.problem,
        page.speed,
      ].join('|');
      if (key === last) return;
      last = key;
      for (const name of Object.keys(s)) setValue(s[name], config[name]);
      setValue(speed, page.speed);
    },
  };
}
