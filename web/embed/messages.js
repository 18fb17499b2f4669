// The postMessage API for a host page (a slide deck) around an embedded nnplay
// (docs/EMBEDDING.md). A message is {"nnplay": command, ...}; anything else is not ours and is ignored
// (hosts such as reveal.js post their own messages to every frame). Every field is checked;
// the answer is {"nnplay": "state", "state": {...}} or {"nnplay": "error", "errors": [...]}.

export const MAX_STEP_MESSAGE = 100000;

const COMMANDS = ['play', 'pause', 'reset', 'state', 'step', 'configure'];

const error = (...messages) => ({ nnplay: 'error', errors: messages });
const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Answers one message. api: window.nnplay (state, step, configure, play, pause, reset).
 * Returns the reply, or null when the message is not addressed to nnplay.
 */
export function answerMessage(api, data) {
  if (!isPlainObject(data) || !('nnplay' in data)) return null;
  const command = data.nnplay;
  if (typeof command !== 'string' || !COMMANDS.includes(command)) {
    const shown =
      typeof command === 'string' ? JSON.stringify(command.slice(0, 40)) : typeof command;
    return error(`unknown command ${shown}; expected one of ${COMMANDS.join(', ')}`);
  }
  try {
    switch (command) {
      case 'play':
        return { nnplay: 'state', state: api.play() };
      case 'pause':
        return { nnplay: 'state', state: api.pause() };
      case 'reset':
        return { nnplay: 'state', state: api.reset() };
      case 'state':
        return { nnplay: 'state', state: api.state() };
      case 'step': {
        const n = data.n === undefined ? 1 : data.n;
        if (!Number.isInteger(n) || n < 0 || n > MAX_STEP_MESSAGE) {
          return error(`"n" must be a whole number from 0 to ${MAX_STEP_MESSAGE}`);
        }
        return { nnplay: 'state', state: api.step(n) };
      }
      case 'configure': {
        if (!isPlainObject(data.config)) return error('"config" must be an object');
        const result = api.configure(data.config);
        if (!result.ok) {
          return error(
            ...result.errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)),
          );
        }
        return { nnplay: 'state', state: api.state() };
      }
      default:
        return null;
    }
  } catch (e) {
    return error(String(e && e.message ? e.message : e));
  }
}

/**
 * Listens for host messages and answers each sender. Installed at once, before the engine has
 * loaded: a message that arrives earlier waits for api.ready (a deck may post "play" as soon
 * as the frame exists) and is answered then, in arrival order; when the engine cannot start it
 * is answered with an error that says why.
 */
export function listenForMessages(api, win = window) {
  let settled = api.ready === undefined;
  let failure = null;
  const ready = Promise.resolve(api.ready).then(
    () => {
      settled = true;
    },
    (e) => {
      settled = true;
      failure = e;
    },
  );
  win.addEventListener('message', (event) => {
    const { data, source, origin } = event; // read now: the answer may come later
    if (!isPlainObject(data) || !('nnplay' in data)) return;
    if (!source || typeof source.postMessage !== 'function') return;
    const answer = () => {
      const reply = failure
        ? error(`nnplay could not start: ${failure && failure.message ? failure.message : failure}`)
        : answerMessage(api, data);
      // A host opened from file:// has the origin "null", which postMessage cannot target.
      if (reply) source.postMessage(reply, origin && origin !== 'null' ? origin : '*');
    };
    if (settled) answer();
    else ready.then(answer);
  });
}
