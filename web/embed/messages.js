// The postMessage API for a host page (a slide deck) around an embedded nnplay
// (docs/EMBEDDING.md). A message is {"nnplay": command, ...}; anything else is not ours and is
// ignored (hosts such as reveal.js post their own messages to every frame). Only the page that
// embeds nnplay may drive it: a message is taken only when the page is framed and the message
// comes from its parent window (not from a window that opened it, nor from another frame), and,
// when the link names host origins (`hostOrigins=`), from one of them; anything else is ignored
// and not answered. Every field is checked; the answer is {"nnplay": "state", "state": {...}}
// (with "warnings" after a configure) or {"nnplay": "error", "errors": [...]}. A number that is
// not finite (a diverged loss) is sent as the string "NaN", "Infinity" or "-Infinity".

export const MAX_STEP_MESSAGE = 100000;

const COMMANDS = ['play', 'pause', 'reset', 'state', 'step', 'configure'];

/** Keys only the page's own link sets: a host's configure that holds one is refused. */
export const HOST_REFUSED_KEYS = Object.freeze([
  'mode',
  'embed',
  'hostOrigins',
  'resets',
  'params',
  'hideText',
]);
const isRefusedKey = (key) => HOST_REFUSED_KEYS.includes(key) || /_hide$/.test(key);

const error = (...messages) => ({ nnplay: 'error', errors: messages });
const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const issueText = (e) => (e.field ? `${e.field}: ${e.message}` : e.message);

/** A copy of a reply value with every non-finite number written as its name ("NaN",
 *  "Infinity", "-Infinity"): JSON would turn them into null, which reads as "no value". */
export function finiteSafe(value) {
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (Array.isArray(value)) return value.map(finiteSafe);
  if (isPlainObject(value)) {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = finiteSafe(v);
    return out;
  }
  return value;
}

const stateReply = (state, extra = {}) => ({ nnplay: 'state', state: finiteSafe(state), ...extra });

/**
 * Answers one message. api: window.nnplay (state, step, stepInSlices, configure, play, pause,
 * reset). Resolves with the reply, or null when the message is not addressed to nnplay.
 */
export async function answerMessage(api, data) {
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
        return stateReply(api.play());
      case 'pause':
        return stateReply(api.pause());
      case 'reset':
        return stateReply(api.reset());
      case 'state':
        return stateReply(api.state());
      case 'step': {
        const n = data.n === undefined ? 1 : data.n;
        if (!Number.isInteger(n) || n < 0 || n > MAX_STEP_MESSAGE) {
          return error(`"n" must be a whole number from 0 to ${MAX_STEP_MESSAGE}`);
        }
        // In slices within the work budget (the page answers meanwhile), refused beyond it.
        const done = await api.stepInSlices(n);
        return done.ok ? stateReply(done.state) : error(`"n": ${done.reason}`);
      }
      case 'configure': {
        if (!isPlainObject(data.config)) return error('"config" must be an object');
        const refused = Object.keys(data.config).filter(isRefusedKey);
        if (refused.length) {
          return error(
            ...refused.map(
              (k) => `${k.slice(0, 60)}: set by the page's link only, not by a host's configure`,
            ),
          );
        }
        const result = api.configure(data.config);
        if (!result.ok) return error(...result.errors.map(issueText));
        return stateReply(api.state(), { warnings: (result.warnings || []).map(issueText) });
      }
      default:
        return null;
    }
  } catch (e) {
    return error(String(e && e.message ? e.message : e));
  }
}

/**
 * Listens for the embedding parent's messages and answers it there. Installed at once, before
 * the engine has loaded: a message that arrives earlier waits for api.ready (a deck may post
 * "play" as soon as the frame exists) and is answered then; every message is answered in
 * arrival order (a step in slices holds the next ones back); when the engine cannot start it is
 * answered with an error that says why. hostOrigins(): null (any origin of the parent) or the
 * origins the link allows, asked when a message is answered (the link is read by then).
 */
export function listenForMessages(api, win = window, { hostOrigins = () => null } = {}) {
  let failure = null;
  let queue = Promise.resolve(api.ready).then(
    () => {},
    (e) => {
      failure = e;
    },
  );
  win.addEventListener('message', (event) => {
    const { data, source, origin } = event; // read now: the answer may come later
    if (!isPlainObject(data) || !('nnplay' in data)) return;
    // Only the page that embeds this one: framed, and the message is its parent's.
    if (!win.parent || win.parent === win || source !== win.parent) return;
    if (!source || typeof source.postMessage !== 'function') return;
    queue = queue
      .then(async () => {
        const allowed = hostOrigins();
        if (Array.isArray(allowed) && !allowed.includes(origin)) return;
        const reply = failure
          ? error(
              `nnplay could not start: ${failure && failure.message ? failure.message : failure}`,
            )
          : await answerMessage(api, data);
        // A host opened from file:// has the origin "null", which postMessage cannot target.
        if (reply) source.postMessage(reply, origin && origin !== 'null' ? origin : '*');
      })
      .catch(() => {}); // a host gone meanwhile: the next message is still answered
  });
}
