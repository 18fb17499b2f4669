// The images mode's link keys (docs/LINKS.md, "The images mode"):
//   data=digits|fashion     the data set
//   model=digits|fashion    a shipped, trained network (its weights do not fit in a link); the
//                           data set follows it
//   layers=...              a network from new weights (web/images/spec-link.js's tokens)
//   learningRate=, batchSize=, optimizer=, augment=, seed=, ...  the training spec's settings,
//                           under their field names; over the shipped network's or the
//                           layers' preset
// With neither model nor layers the link opens the data set's shipped network. Bad values are
// listed and ignored, as the other modes do; the engine checks the ranges when it builds the
// network and its refusal is shown the same way.

import { SPEC_KEYS, decodeSpecValue, specEntries } from './spec-link.js';

export const IMAGE_DATA = ['digits', 'fashion'];
export const IMAGE_DEFAULTS = { data: 'digits', model: null, spec: null };

const preview = (s) => (String(s).length > 40 ? `${String(s).slice(0, 40)}…` : String(s));

/** entries: the router's [{key, raw, problem}] -> {settings: {data, model, spec}, problems};
 *  spec: the link's spec fields (null: none), model: a shipped network's name or null. */
export function parseImagesEntries(entries) {
  const settings = { ...IMAGE_DEFAULTS };
  const spec = {};
  const problems = [];
  const bad = (key, raw, reason) =>
    problems.push({ key: preview(key), value: preview(raw), reason });
  let dataGiven = null;
  for (const { key, raw, problem } of entries) {
    if (problem) problems.push({ key, value: raw, reason: problem });
    else if (key === 'data' || key === 'model') {
      if (!IMAGE_DATA.includes(raw)) bad(key, raw, `must be ${IMAGE_DATA.join(' or ')}`);
      else if (key === 'data') dataGiven = raw;
      else settings.model = raw;
    } else if (SPEC_KEYS.includes(key)) {
      const r = decodeSpecValue(key, raw);
      if (r.reason) bad(key, raw, r.reason);
      else spec[key] = r.value;
    } else bad(key, raw, 'unknown key');
  }
  if (settings.model && spec.layers) {
    bad('model', settings.model, "ignored: the link's layers make a new network");
    settings.model = null;
  }
  if (settings.model && dataGiven && dataGiven !== settings.model)
    bad(
      'data',
      dataGiven,
      `ignored: the ${settings.model} network is trained on ${settings.model}`,
    );
  settings.data = settings.model || dataGiven || IMAGE_DEFAULTS.data;
  settings.spec = Object.keys(spec).length ? spec : null;
  return { settings, problems };
}

/** The mode's hash body for {data, model, spec}: spec is the whole spec of a new network or,
 *  under a shipped model, the settings that differ from the model's. */
export function serializeImages({ data, model, spec }) {
  const parts = [`data=${data}`];
  if (model) parts.push(`model=${model}`);
  for (const [key, text] of specEntries(spec || {}))
    if (key !== 'data') parts.push(`${key}=${encodeURIComponent(text).replace(/%2C/g, ',')}`);
  return parts.join('&');
}
