// @ts-check
// A classic Worker that holds one engine session: the hyper-parameter search's pool starts
// several, each training a config of its own off the page's thread. It starts the Module with
// the page's loader (web/engine-loader.js, by importScripts; in a Worker made from the one-file
// page the loader and the glue come first in the same Blob) and answers the page-side client
// (web/engine-worker-client.js). Messages: {id, op, ...args} in, {id, result} or {id, error}
// out, in order; Float64Arrays go back with their buffers transferred.
//   init {dir, simd, wasmBinary?} -> {simd}      configure {config} -> {ok, errors, warnings}
//   step {n} -> losses                          losses -> {epochs, epoch, trainLoss, ...}
//   exportConfig -> object                      params -> Float64Array (a copy)
// Why classic: a module Worker cannot importScripts the classic-script glue.
{
  /** @typedef {import('../../bindings/nnplay').Session} Session */
  /** @typedef {{id: number, op: string, [arg: string]: any}} Request */
  /**
   * The few Worker globals used here (tsconfig.json checks this file with the DOM's types).
   * @typedef {object} WorkerScope
   * @property {(urls: string) => void} importScripts
   * @property {(message: unknown, transfer?: Transferable[]) => void} postMessage
   * @property {((event: MessageEvent<Request>) => void) | null} onmessage
   */
  const scope = /** @type {WorkerScope} */ (/** @type {unknown} */ (globalThis));
  if (!globalThis.nnplayEngineLoader) scope.importScripts('../engine-loader.js');
  const loader = globalThis.nnplayEngineLoader;

  /** @type {Promise<Session> | null} */
  let started = null;
  let simd = false;
  let epochsLastStep = 0;

  /** The losses and accuracies as of the last step (NaN where a set is empty). */
  const losses = (/** @type {Session} */ s) => ({
    epochs: epochsLastStep,
    epoch: s.epoch(),
    trainLoss: s.trainLoss(),
    testLoss: s.testLoss(),
    trainAccuracy: s.trainAccuracy(),
    testAccuracy: s.testAccuracy(),
  });

  /** @param {Request} msg @returns {Promise<{result: unknown, transfer?: Transferable[]}>} */
  const run = async (msg) => {
    if (msg.op === 'init') {
      if (started) throw new Error('init twice');
      simd = Boolean(msg.simd);
      started = loader
        .loadModule({ dir: msg.dir, simd, wasmBinary: msg.wasmBinary })
        .then((Module) => new Module.Session());
      await started;
      return { result: { simd } };
    }
    if (!started) throw new Error(`${msg.op} before init`);
    const s = await started;
    switch (msg.op) {
      case 'configure': {
        epochsLastStep = 0;
        const r = s.configure(JSON.stringify(msg.config));
        return {
          result: {
            ok: Boolean(r.ok),
            errors: Array.from(r.errors),
            warnings: Array.from(r.warnings),
          },
        };
      }
      case 'step':
        epochsLastStep = s.step(Number(msg.n));
        return { result: losses(s) };
      case 'losses':
        return { result: losses(s) };
      case 'exportConfig':
        return { result: JSON.parse(s.exportConfig()) };
      case 'params': {
        const params = s.paramsView().slice();
        return { result: params, transfer: [params.buffer] };
      }
      default:
        throw new Error(`unknown op ${msg.op}`);
    }
  };

  // One message at a time, in the order sent: init's module start is asynchronous.
  let queue = Promise.resolve();
  scope.onmessage = (event) => {
    const msg = event.data;
    queue = queue
      .then(() => run(msg))
      .then(
        ({ result, transfer }) => scope.postMessage({ id: msg.id, result }, transfer || []),
        (e) => scope.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) }),
      );
  };
}
