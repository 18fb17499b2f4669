// Limits in one table: the engine's hard limits, read from the binding (Module.limits(), never
// copied here), beside the page's own comfort limits (what its buttons offer) and the link
// keys' limits, and the work budget of what a link or a host's message may ask for. Every mode's link parser clips a value to these (web/link/hash-codec.js);
// docs/LINKS.md lists them all.

/** The engine's limits the binding reports (docs/BINDING.md). */
export const ENGINE_LIMIT_KEYS = Object.freeze([
  'maxHiddenLayers',
  'maxNeurons',
  'maxSeedLength',
  'maxPoints',
  'maxGridResolution',
  'maxBatchSize',
]);

/** The page's comfort limits: the network's +/- buttons stop there (a link may ask for more,
 *  up to the engine's limits; the diagram shows it). */
export const PAGE_LIMITS = Object.freeze({ uiMaxLayers: 6, uiMaxNeurons: 8 });
export const UI_MAX_LAYERS = PAGE_LIMITS.uiMaxLayers;
export const UI_MAX_NEURONS = PAGE_LIMITS.uiMaxNeurons;

/** The link keys' own limits: replayed resets, a params code's length, the reference's
 *  tutorial name. */
export const LINK_LIMITS = Object.freeze({
  maxResets: 10000,
  maxParamsLength: 1500000,
  maxTutorialLength: 100,
});

/** The work an untrusted source (a link, a host's message) may ask for, in multiply-adds
 *  (docs/LINKS.md, "Work"): a replayed reset costs (parameters + 64) x points (the losses
 *  after new weights; the 64 stands for the call's own cost, which dominates a tiny network),
 *  an epoch 3 x (parameters + 64) x training points (forward, backward, update). One slice of
 *  work (one main-thread task between frames) does at most sliceWork (about 30 to 70 ms in the
 *  baseline build); a link's replayed resets and one step message do at most linkWork in all
 *  (a few seconds; more is refused, with a reason). */
export const WORK_LIMITS = Object.freeze({
  sliceWork: 32e6,
  linkWork: 2e9,
});
const CALL_COST = 64;

/** The multiply-adds of one replayed reset of a network of `parameters` weights and biases
 *  over `points` points, and of one epoch over `trainPoints` training points. */
export function resetWork(parameters, points) {
  return (Math.max(0, parameters) + CALL_COST) * Math.max(1, points);
}
export function epochWork(parameters, trainPoints) {
  return 3 * (Math.max(0, parameters) + CALL_COST) * Math.max(1, trainPoints);
}

/**
 * The one table: engineLimits (engine.limits()) with the page's and the links' limits beside
 * them. Throws when the binding's table lacks a limit (a mismatched build).
 */
export function limitsTable(engineLimits) {
  const table = {};
  for (const key of ENGINE_LIMIT_KEYS) {
    const v = engineLimits && engineLimits[key];
    if (!(Number.isInteger(v) && v > 0)) throw new Error(`the engine reports no limit ${key}`);
    table[key] = v;
  }
  return Object.freeze({ ...table, ...PAGE_LIMITS, ...LINK_LIMITS, ...WORK_LIMITS });
}

/** The network limits as a person reads them, for the list beside the layers control: what
 *  the buttons offer, what a link may ask for (the engine's limits), what happens beyond. */
export function limitsLines(table) {
  return [
    `The buttons: up to ${table.uiMaxLayers} hidden layers of up to ${table.uiMaxNeurons} neurons.`,
    `A link: up to ${table.maxHiddenLayers} hidden layers of up to ${table.maxNeurons} neurons (the engine's limits).`,
    'A link asking for more is clipped to these, with a notice.',
  ];
}

/** The warning for a network beyond what the buttons offer (a link's), or null within. */
export function largeNetworkWarning(shape, table) {
  const widest = shape.length ? Math.max(...shape) : 0;
  if (shape.length <= table.uiMaxLayers && widest <= table.uiMaxNeurons) return null;
  return (
    `A large network: ${shape.length} hidden layer${shape.length === 1 ? '' : 's'} of up to ${widest} neurons, ` +
    `beyond what the buttons offer (${table.uiMaxLayers} of ${table.uiMaxNeurons}). ` +
    'It trains and draws more slowly: its maps are drawn at a lower resolution and its neurons and links are redrawn less often.'
  );
}
