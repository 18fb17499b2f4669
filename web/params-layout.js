// Where each weight and bias sits in the engine's flat parameter array (docs/BINDING.md:
// per layer after the inputs, its weights row-major [node][source], then its biases [node]),
// and the conversion to the engine's nested "params" config form. Pure: no DOM, no engine.

/** Number of parameters of a network whose layer sizes are `sizes` (inputs first). */
export function paramCount(sizes) {
  let n = 0;
  for (let l = 1; l < sizes.length; l++) n += sizes[l] * sizes[l - 1] + sizes[l];
  return n;
}

/** Offset of each layer's block (layer 0 = first layer after the inputs). */
export function layerOffsets(sizes) {
  const out = [];
  let n = 0;
  for (let l = 1; l < sizes.length; l++) {
    out.push(n);
    n += sizes[l] * sizes[l - 1] + sizes[l];
  }
  return out;
}

/** Index of the weight from `source` (in layer `layer`'s inputs) to `node` of layer `layer`. */
export function weightIndex(sizes, offsets, layer, node, source) {
  return offsets[layer] + node * sizes[layer] + source;
}

/** Index of the bias of `node` of layer `layer`. */
export function biasIndex(sizes, offsets, layer, node) {
  return offsets[layer] + sizes[layer + 1] * sizes[layer] + node;
}

/**
 * The engine's nested params form: one list per layer after the inputs of
 * {bias, w: [one per source], dead: [source indices]} ("dead" only where some link is dead).
 * params: flat values; dead: flat 0/1 flags in the same layout (or null).
 */
export function toNestedParams(sizes, params, dead = null) {
  const offsets = layerOffsets(sizes);
  const layers = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const nodes = [];
    for (let i = 0; i < sizes[l + 1]; i++) {
      const w = [];
      const deadList = [];
      for (let s = 0; s < sizes[l]; s++) {
        const k = weightIndex(sizes, offsets, l, i, s);
        w.push(params[k]);
        if (dead && dead[k]) deadList.push(s);
      }
      const neuron = { bias: params[biasIndex(sizes, offsets, l, i)], w };
      if (deadList.length) neuron.dead = deadList;
      nodes.push(neuron);
    }
    layers.push(nodes);
  }
  return layers;
}
