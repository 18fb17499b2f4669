// The images mode's Worker in the one-file page (dist/nnplay.html), which has no file to start
// a Worker from or to fetch (file:// refuses both): the Worker starts from a Blob URL holding
// the image module's glue, the loaders and web/images/image-worker.js as one script, all
// inlined by scripts/dist.mjs (window.nnplayInlineImages), and the requests that would make it
// fetch get the inlined bytes instead: init the chosen .wasm, data a data set's NNPI files,
// model a shipped network's text. What the page does not hold is answered with an error
// message, as the worker answers a failed fetch.

/**
 * What the one-file page defines (scripts/dist.mjs).
 * @typedef {object} InlineImages
 * @property {boolean} simd whether the inlined image module chosen here is the SIMD build
 * @property {() => string} workerScript the chosen glue, the loaders and the worker, one script
 * @property {() => Uint8Array} wasmBinary a copy of the chosen .wasm's bytes
 * @property {Record<string, {count: {train: number, test: number},
 *   train: () => Uint8Array, test: () => Uint8Array}>} data the NNPI files by data set name
 * @property {(name: string) => string | null} model a shipped network's file (models/NAME.json)
 */

/** inline: window.nnplayInlineImages. Returns a started Worker that needs no request. */
export function startInlineImageWorker(inline) {
  const url = URL.createObjectURL(new Blob([inline.workerScript()], { type: 'text/javascript' }));
  const worker = new Worker(url);
  // Revoked once the worker has run its script (its first message), not before it has read it.
  worker.addEventListener('message', () => URL.revokeObjectURL(url), { once: true });
  const send = worker.postMessage.bind(worker);
  const refuse = (message) =>
    worker.dispatchEvent(new MessageEvent('message', { data: { type: 'error', message } }));
  worker.postMessage = (m, transfer = []) => {
    if (m && m.op === 'init') {
      const wasmBinary = inline.wasmBinary();
      return send({ ...m, wasmBinary }, [...transfer, wasmBinary.buffer]);
    }
    if (m && m.op === 'data' && !m.train) {
      const set = inline.data[m.name];
      if (!set) return refuse(`The ${m.name} data are not in the one-file page.`);
      const train = set.train(),
        test = set.test();
      return send({ ...m, train, test }, [...transfer, train.buffer, test.buffer]);
    }
    if (m && m.op === 'model' && typeof m.text !== 'string') {
      const file = String(m.url).split('/').pop();
      const text = inline.model(file.replace(/\.json$/, ''));
      if (text === null) return refuse(`The network ${file} is not in the one-file page.`);
      return send({ op: 'model', text }); // a shipped network: no file name to show
    }
    return send(m, transfer);
  };
  return worker;
}
