// The model file in the page (docs/MODELS.md): the checks made before the engine reads a file
// (so that a file that is not a model, a newer version or another kind gets a plain message,
// not a list of engine fields), and the network's one-line summary. Pure: no DOM, no engine.

export const MODEL_FORMAT = 'nnplay-model';
export const MODEL_VERSION = 1; // the newest version this page reads
export const MODEL_KINDS = ['mlp']; // the kinds the playground runs
/** The engine reads at most 16 MiB of JSON (docs/LIMITS.md). */
export const MAX_MODEL_BYTES = 16 * 1024 * 1024;

const refuse = (field, message) => ({ ok: false, errors: [{ field, message }], warnings: [] });

/** A file too large to read, by its size in bytes: a refusal, or null. */
export function checkModelSize(bytes) {
  return bytes > MAX_MODEL_BYTES
    ? refuse(
        '(file)',
        `the file is ${bytes} bytes; a model file is at most ${MAX_MODEL_BYTES} bytes (16 MiB)`,
      )
    : null;
}

/** {ok: true, model} when the text is a model file the playground can run, else a refusal
 *  {ok: false, errors: [{field, message}]} naming what is wrong. kinds and where: the kinds
 *  a mode runs and its name (the images mode runs cnn models). */
export function checkModelText(text, { kinds = MODEL_KINDS, where = 'the playground' } = {}) {
  const size = checkModelSize(new TextEncoder().encode(text).length);
  if (size) return size;
  let model;
  try {
    model = JSON.parse(text);
  } catch (e) {
    return refuse('(file)', `not JSON (${e.message}): a model file is a JSON object`);
  }
  if (model === null || typeof model !== 'object' || Array.isArray(model))
    return refuse('(file)', 'not a model file: a model file is a JSON object');
  if (model.format !== MODEL_FORMAT)
    return refuse('format', `not a model file: it has no "format": "${MODEL_FORMAT}"`);
  if (typeof model.version === 'number' && model.version > MODEL_VERSION)
    return refuse(
      'version',
      `version ${model.version} is newer than this page reads (${MODEL_VERSION}): open it in a newer nnplay`,
    );
  if (typeof model.kind === 'string' && !kinds.includes(model.kind))
    return refuse(
      'kind',
      `a "${model.kind.slice(0, 40)}" model: ${where} runs ${kinds.join(', ')} models only`,
    );
  return { ok: true, model, errors: [], warnings: [] };
}

/** "2 → 4 → 2 → 1, 25 parameters" for layer sizes [inputs, ...hidden, outputs]. */
export function modelSummary(sizes) {
  let params = 0;
  for (let l = 1; l < sizes.length; l++) params += sizes[l] * (sizes[l - 1] + 1);
  const n = params.toLocaleString('en-US');
  return `${sizes.join(' → ')}, ${n} parameter${params === 1 ? '' : 's'}`;
}

/** The file name the page downloads a model as: nnplay-<dataset>-epoch<N>.json. */
export function modelFileName(dataset, epoch) {
  const safe = String(dataset || 'points').replace(/[^A-Za-z0-9_-]/g, '');
  return `nnplay-${safe || 'points'}-epoch${epoch}.json`;
}
