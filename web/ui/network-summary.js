// The network column until issue 3's diagram: one box per layer (the enabled inputs, each
// hidden layer's neuron count, the output) and the activation, read from the config.

const FEATURES = [
  ['x', 'X₁'], ['y', 'X₂'], ['xSquared', 'X₁²'], ['ySquared', 'X₂²'], ['xTimesY', 'X₁X₂'],
  ['sinX', 'sin(X₁)'], ['sinY', 'sin(X₂)'],
];

function box(title, detail) {
  const el = document.createElement('div');
  el.className = 'layer-box';
  const t = document.createElement('span');
  t.className = 'layer-title';
  t.textContent = title;
  const d = document.createElement('span');
  d.className = 'layer-detail';
  d.textContent = detail;
  el.append(t, d);
  return el;
}

/** root: the network column element. Returns {update(view)}. */
export function mountNetworkSummary(root) {
  const heading = document.createElement('h2');
  heading.textContent = 'Network';
  const layers = document.createElement('div');
  layers.className = 'layer-row';
  const caption = document.createElement('p');
  caption.className = 'network-caption';
  root.replaceChildren(heading, layers, caption);
  root.hidden = false;
  let last = '';
  return {
    update({ config }) {
      const key = JSON.stringify([config.networkShape, config.activation, config.problem, ...FEATURES.map(([k]) => config[k])]);
      if (key === last) return;
      last = key;
      const inputs = FEATURES.filter(([k]) => config[k]).map(([, label]) => label);
      const boxes = [box('Features', inputs.length ? inputs.join(', ') : 'none')];
      config.networkShape.forEach((n, i) => boxes.push(box(`Layer ${i + 1}`, `${n} neuron${n === 1 ? '' : 's'}`)));
      boxes.push(box('Output', config.problem === 'regression' ? 'linear' : 'tanh'));
      layers.replaceChildren(...boxes);
      const h = config.networkShape.length;
      caption.textContent = `${h} hidden layer${h === 1 ? '' : 's'}, ${config.activation} activation.`;
    },
  };
}
