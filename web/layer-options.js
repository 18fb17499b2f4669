// Per-hidden-layer options of the playground's config, in the engine's JSON form: each
// hidden layer's activation (`activations`, one name per layer, only when they differ; else
// `activation` alone, as the engine folds a uniform list) and, from the diagram's menus and
// its +/- layer buttons, the config patches that change them. Pure: no DOM, no engine. A key
// a patch removes is set to undefined (a configure's JSON leaves it out).

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

/**
 * What keeps the per-layer options of `config` (engine form) right for a new networkShape:
 * layers that stay keep their activation; a layer added at the end takes its neighbour's
 * (the last hidden layer's; with no hidden layer, `activation`). Returns the patch (with
 * networkShape), or just {networkShape} when there is nothing per layer.
 */
export function shapePatch(config, shape) {
  const patch = { networkShape: shape };
  const before = layerActivations(config);
  if (!isMixed(config)) return patch;
  const names = shape.map((_, l) =>
    l < before.length ? before[l] : (before.at(-1) ?? config.activation),
  );
  return { ...patch, ...activationsPatch(names, config.activation) };
}
