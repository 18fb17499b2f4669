// The lab's controls: the training bar (reset, run, +1 example, +1 epoch, the iteration and
// epoch counters), the gate, the output activation, the learning rate, the speed (examples per
// frame while running), "keep going", the three
// weights (a slider and a typed field each) and the link to the playground on XOR. Binds the
// markup in index.html (#perceptron) to the controller's actions; update(view) shows the state.

import { el } from '../dom.js';
import { setText, setAttr } from '../ui/writes.js';
import { LEARNING_RATES, WEIGHT_LIMIT, SPEEDS } from './link.js';
import { thousands, XOR_PLAYGROUND_HASH } from './controller.js';

const SLIDER_SPAN = 10; // the sliders' -10..10; a weight beyond sits at the end

/** root: the #perceptron element; actions: the controller's (setWeight, change, ...). */
export function mountControls(root, actions) {
  const $ = (id) => root.querySelector(`#${id}`);
  const els = {
    reset: $('pc-reset'),
    stepExample: $('pc-step-example'),
    play: $('pc-play'),
    stepEpoch: $('pc-step-epoch'),
    iterations: $('pc-iterations'),
    epochs: $('pc-epochs'),
    activation: $('pc-activation'),
    learningRate: $('pc-learning-rate'),
    speed: $('pc-speed'),
    keepGoing: $('pc-keep-going'),
    xorLink: $('pc-xor-link'),
  };
  const weightInputs = ['w0', 'w1', 'w2'].map((key) => ({
    key,
    range: $(`pc-${key}-range`),
    number: $(`pc-${key}-number`),
  }));
  const gateRadios = [...root.querySelectorAll('input[name="pc-gate"]')];
  let shown = null; // the weights last shown, for a typed field left with a bad entry

  function setLearningRateOptions(current) {
    const values = [...new Set([...LEARNING_RATES, current])].sort((a, b) => a - b);
    els.learningRate.replaceChildren(
      ...values.map((v) => el('option', { value: String(v), text: String(v) })),
    );
    els.learningRate.value = String(current);
  }

  for (const { key, range, number } of weightInputs) {
    range.addEventListener('input', () => actions.setWeight(key, Number(range.value)));
    number.addEventListener('input', () => {
      const raw = number.value.trim();
      const v = Number(raw);
      if (raw === '' || !Number.isFinite(v) || Math.abs(v) > WEIGHT_LIMIT) {
        number.setAttribute('aria-invalid', 'true');
        return;
      }
      actions.setWeight(key, v);
    });
    number.addEventListener('change', () => {
      // leaving a bad entry: show the weight again
      if (shown) number.value = String(Number(shown[key].toFixed(4)));
      number.removeAttribute('aria-invalid');
    });
  }
  for (const r of gateRadios) {
    r.addEventListener('change', () => {
      if (r.checked) actions.change({ gate: r.value });
    });
  }
  els.activation.addEventListener('change', () =>
    actions.change({ activation: els.activation.value }),
  );
  els.learningRate.addEventListener('change', () =>
    actions.setLearningRate(Number(els.learningRate.value)),
  );
  els.speed.replaceChildren(
    ...SPEEDS.map((v) =>
      el('option', {
        value: v,
        text:
          v === '1'
            ? '1 example a frame'
            : `${thousands(v)} a frame${v === '4' ? ' (an epoch)' : ''}`,
      }),
    ),
  );
  els.speed.addEventListener('change', () => actions.setSpeed(els.speed.value));
  els.keepGoing.addEventListener('change', () => actions.setKeepGoing(els.keepGoing.checked));
  els.reset.addEventListener('click', () => actions.resetWeights());
  els.stepExample.addEventListener('click', () => actions.stepExample());
  els.stepEpoch.addEventListener('click', () => actions.stepEpoch());
  els.play.addEventListener('click', () => actions.togglePlay());
  els.xorLink.href = `#${XOR_PLAYGROUND_HASH}`;
  els.xorLink.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    actions.openXorPlayground();
  });
  setLearningRateOptions(1);

  return {
    update(view) {
      const w = view.weights;
      shown = w;
      for (const { key, range, number } of weightInputs) {
        range.value = String(Math.max(-SLIDER_SPAN, Math.min(SLIDER_SPAN, w[key])));
        if (document.activeElement !== number) number.value = String(Number(w[key].toFixed(4)));
        number.removeAttribute('aria-invalid');
      }
      for (const r of gateRadios) {
        r.checked = r.value === view.gate;
        r.closest('label').classList.toggle('selected', r.checked);
      }
      els.activation.value = view.activation;
      if (els.learningRate.value !== String(view.learningRate))
        setLearningRateOptions(view.learningRate);
      els.keepGoing.checked = view.keepGoing;
      if (els.speed.value !== view.speed) els.speed.value = view.speed;
      // Texts and attributes only when they change: this runs every frame while training.
      setText(els.iterations, thousands(view.iterations));
      const n = view.rowCount;
      const epochs = Math.floor(view.iterations / n);
      const extra = view.iterations % n;
      setText(
        els.epochs,
        `${thousands(epochs)} epoch${epochs === 1 ? '' : 's'}${extra ? ` + ${extra}` : ''}`,
      );
      els.play.classList.toggle('playing', view.playing);
      setAttr(els.play, 'aria-label', view.playing ? 'Pause training' : 'Train (run)');
      setAttr(els.play, 'title', view.playing ? 'Pause' : 'Run: train until every row is right');
      setAttr(els.play, 'aria-pressed', String(view.playing));
    },
  };
}
