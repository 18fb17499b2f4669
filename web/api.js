// window.nnplay: the small API for tests and embedding hosts.
// ready resolves with the first state once the module and the hash's config are loaded, and
// rejects with the load error when the engine cannot start.

/** Returns {api, attach(playground), fail(error)}; the api exists before the engine does. */
export function createApi() {
  let playground = null;
  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  ready.catch(() => {}); // a failed load is shown on the page; no unhandled-rejection noise
  const need = () => {
    if (!playground) throw new Error('nnplay is not ready: await window.nnplay.ready first');
    return playground;
  };
  const api = Object.freeze({
    ready,
    /** {epoch, trainLoss, testLoss, config} with config in the engine's JSON form. */
    state: () => need().state(),
    /** Trains n epochs synchronously (default 1); returns the new state. */
    step: (n = 1) => need().step(n),
    /** Trains n epochs in slices within the work budget (web/limits.js); resolves with
     *  {ok: true, state}, or {ok: false, reason} when refused (a host's step message). */
    stepInSlices: (n = 1) => need().stepInSlices(n),
    /** Replaces the config as a user's change would; {ok, errors, warnings}. */
    configure: (config) => need().replaceConfig(config),
    play: () => {
      need().play();
      return need().state();
    },
    pause: () => {
      need().pause();
      return need().state();
    },
    reset: () => {
      need().reset();
      return need().state();
    },
    /** A hash body ("a=b&...") reproducing what is on screen; network: carry the weights. */
    link: ({ network = false } = {}) => need().shareHash({ network }),
  });
  return {
    api,
    attach(p) {
      playground = p;
      resolveReady(p.state());
    },
    fail(error) {
      rejectReady(error);
    },
  };
}
