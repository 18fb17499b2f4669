// Per-hidden-layer options of the playground's config, in the engine's JSON form: each
// hidden layer's activation (`activations`, one name per layer, only when they differ; else
// `activation` alone, as the engine folds a uniform list) and dropout rate (`dropout`, one
// rate per layer, left out when all are 0) and, from the diagram's menus and its +/- layer
// buttons, the config patches that change them. Pure: no DOM, no engine. A key a patch
// removes is set to undefined (a configure's JSON leaves it out).

/** The rates a layer's dropout menu offers (a link may give any other in [0, 0.9]). */
export const DROPOUT_RATES = [0, 0.1, 0.2, 0.3, 0.5];

/** Every hidden layer's activation for a config (engine form). */
export function layerActivations(config) {
  const n = (config.networkShape || []).length;
  const list = config.activations;
  return Array.isArray(list) && list.length === n ? list.slice() : Array(n).fill(config.activation);
}

/** True when the hidden layers' activations differ (the top menu then says "mixed"). */
export function isMixed(config) {
  return new Set(layerActivations(config)).size > 1;
}

/** The patch that gives every hidden layer `names` (uniform: `activation` alone). */
export function activationsPatch(names, fallback) {
  if (names.length > 0 && names.every((a) => a === names[0]))
    return { activation: names[0], activations: undefined };
  if (names.length === 0) return { activation: fallback, activations: undefined };
  return { activations: names };
}

/** The patch that sets hidden layer `layer`'s activation to `name`. */
export function layerActivationPatch(config, layer, name) {
  const names = layerActivations(config);
  names[layer] = name;
  return activationsPatch(names, config.activation);
}

/** The patch that sets every hidden layer's activation (the top menu). */
export function uniformActivationPatch(name) {
  return { activation: name, activations: undefined };
}

/** Every hidden layer's dropout rate (0 without `dropout`; one number is every layer's). */
export function layerDropouts(config) {
  const n = (config.networkShape || []).length;
  const d = config.dropout;
  if (typeof d === 'number') return Array(n).fill(d);
  return Array.isArray(d) && d.length === n ? d.slice() : Array(n).fill(0);
}

/** The patch that gives the hidden layers these rates (all 0: no `dropout`). */
export function dropoutsPatch(rates) {
  return { dropout: rates.some((r) => r !== 0) ? rates : undefined };
}

/** The live change (updateTraining: the weights and the epoch stay) that sets hidden layer
 *  `layer`'s dropout rate: every layer's rate, zeros too (an absent key would change nothing;
 *  the engine leaves an all-zero list out of its config). */
export function layerDropoutChange(config, layer, rate) {
  const rates = layerDropouts(config);
  rates[layer] = rate;
  return { dropout: rates };
}

/** The patch that sets hidden layer `layer`'s dropout rate. */
export function layerDropoutPatch(config, layer, rate) {
  const rates = layerDropouts(config);
  rates[layer] = rate;
  return dropoutsPatch(rates);
}

/**
 * What keeps the per-layer options of `config` (engine form) right for a new networkShape:
 * layers that stay keep their activation and dropout; a layer added at the end takes its
 * neighbour's activation (the last hidden layer's; with no hidden layer, `activation`) and no
 * dropout. Returns the patch (with networkShape); just {networkShape} when nothing is per
 * layer.
 */
export function shapePatch(config, shape) {
  let patch = { networkShape: shape };
  const before = layerActivations(config);
  if (isMixed(config)) {
    const names = shape.map((_, l) =>
      l < before.length ? before[l] : (before.at(-1) ?? config.activation),
    );
    patch = { ...patch, ...activationsPatch(names, config.activation) };
  }
  if (config.dropout !== undefined) {
    const rates = layerDropouts(config);
    patch = { ...patch, ...dropoutsPatch(shape.map((_, l) => rates[l] ?? 0)) };
  }
  return patch;
}
