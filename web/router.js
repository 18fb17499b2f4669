// The one owner of the URL: the only module that reads and writes `location` and `history`.
// Each mode (the playground, the perceptron lab; later images, search, the deck) registers how
// it parses its part of the hash, writes it, enters and leaves; the router keeps the keys every
// mode shares (`mode`, `embed`, `hostOrigins`), decides which mode is active, and applies the history rule
// (docs/LINKS.md, "History"):
//   - a mode's discrete change is a new entry (port.push), anything else replaces the current
//     entry (port.replace); a change of mode is a new entry (a link followed, port.open);
//   - a load whose hash holds none of the mode's keys writes the mode's hash once (replace);
//     a link that was given is left as it is until the user changes something;
//   - Back and Forward enter the entry's mode with the entry's hash; the trained state of the
//     last few entries left (a mode's snapshot(), keyed by an id in history.state) is handed
//     back, so that the mode can restore it rather than start again from the link.
//
// A mode is {name, parse(entries) -> parsed (with a `problems` list), enter(parsed, context),
// leave(), serialize() -> its hash body (null while it has no state), snapshot?() -> data}. context: {embed (the shared
// flag, honoured by every mode), keep (the mode's state already is this entry's: leave it as
// it is), snapshot (this entry's data from snapshot(), or null), play (start it: a link that
// asked for it)}. A mode writes through its port (router.port(name)): {replace(), push(data),
// open(hash, {play})}; push's data is the snapshot of the entry being left (taken by the mode
// before it changed). A port of a mode that is not active writes nothing.
// No DOM: location and history are passed in (tests give fakes).

import { splitShared, joinShared } from './link/hash-codec.js';

/** How many entries' snapshots are kept in memory. */
export const SNAPSHOTS_KEPT = 5;
const SHARED_KEYS = new Set(['mode', 'embed', 'hostOrigins']);

/** The entry parts of a hash body that are the mode's own (shared keys left out), as written. */
export function modeBody(hash) {
  return String(hash || '')
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part !== '' && !SHARED_KEYS.has(decodeKey(part)))
    .join('&');
}
function decodeKey(part) {
  const eq = part.indexOf('=');
  const key = eq < 0 ? part : part.slice(0, eq);
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

/**
 * location: {hash, pathname, search, origin}; history: {state, replaceState(state, '', url),
 * pushState(state, '', url)}; onChange({mode, embed}): after every entering of a mode.
 * Returns the router: register(mode), port(name), start(), route(), linkTo(name, body),
 * active(), embed(), hrefs().
 */
export function createRouter({ location, history, onChange = () => {}, kept = SNAPSHOTS_KEPT }) {
  const modes = new Map();
  const names = [];
  const snapshots = new Map(); // entry id -> {mode, body, data}, oldest first
  let active = null;
  let embed = false;
  // The origins a host's messages may come from: fixed by the URL the page was loaded with
  // (a later hash cannot widen it), and written into every hash so that a reload keeps it.
  let hostOrigins = null;
  let started = false;
  let currentId = null;
  let handledHash = null;
  let entering = false;
  let idCount = 0;
  const shownOn = new Map(); // mode name -> the entry its state belongs to

  const newId = () => `${Date.now().toString(36)}.${(idCount += 1)}`;
  const url = (body) => `${location.pathname}${location.search}#${body}`;
  const shared = (name, on = embed) => ({
    mode: name,
    isDefault: name === names[0],
    embed: on,
    hostOrigins,
  });
  const bodyOf = (mode) => joinShared(shared(mode.name), mode.serialize());

  function remember(id, mode, data) {
    if (!id || data === undefined || data === null) return;
    snapshots.delete(id);
    snapshots.set(id, { mode: mode.name, body: modeBody(handledHash), data }); // the entry's own hash
    while (snapshots.size > kept) snapshots.delete(snapshots.keys().next().value);
  }

  function leaveEntry() {
    if (active && active.snapshot) remember(currentId, active, active.snapshot());
  }

  function write(mode, how, data) {
    if (entering || mode !== active) return;
    const body = bodyOf(mode);
    if (how === 'push') {
      if (location.hash === `#${body}`) return;
      remember(currentId, mode, data);
      currentId = newId();
      shownOn.set(mode.name, currentId);
      history.pushState({ nnplay: currentId }, '', url(body));
    } else if (
      location.hash !== `#${body}` ||
      !history.state ||
      history.state.nnplay !== currentId
    ) {
      history.replaceState({ nnplay: currentId }, '', url(body));
    }
    handledHash = location.hash;
  }

  // Enters the mode the URL names, with the URL's hash; `play` from a port's open().
  function enterFromUrl({ play = false } = {}) {
    const keys = splitShared(location.hash, names);
    const mode = modes.get(keys.mode);
    embed = keys.embed;
    if (!started) hostOrigins = keys.hostOrigins;
    started = true;
    const own = modeBody(location.hash);
    const saved = snapshots.get(currentId);
    const snapshot = saved && saved.mode === mode.name && saved.body === own ? saved.data : null;
    const parsed = mode.parse(keys.entries);
    parsed.problems = [...keys.problems, ...(parsed.problems || [])];
    entering = true; // what leave() and enter() write would land on this entry: nothing is written
    try {
      if (active && active !== mode) active.leave();
      // Its state already is this entry's: it was last shown on it, or it shows this link.
      const keep = shownOn.get(mode.name) === currentId || mode.serialize() === own;
      active = mode;
      mode.enter(parsed, { embed, keep, snapshot, play });
      shownOn.set(mode.name, currentId);
    } finally {
      entering = false;
    }
    // A hash with none of the mode's keys (a fresh load, an empty link): written once.
    if (keys.entries.length === 0) write(mode, 'replace');
    handledHash = location.hash;
    onChange({ mode: mode.name, embed });
  }

  const router = {
    /** Adds a mode; the first registered is the default (no `mode` key in its links). */
    register(mode) {
      for (const k of ['name', 'parse', 'enter', 'leave', 'serialize']) {
        if (!mode || mode[k] === undefined) throw new Error(`a mode needs ${k}`);
      }
      if (modes.has(mode.name)) throw new Error(`mode ${mode.name} is registered twice`);
      modes.set(mode.name, mode);
      names.push(mode.name);
      return router;
    },

    /** The narrow port a mode's controller writes through. */
    port(name) {
      return {
        replace: () => write(modes.get(name), 'replace'),
        push: (data) => write(modes.get(name), 'push', data),
        /** Follows a link (hash body) as a new entry: enters its mode (play: start it). The
         *  shared embed flag carries over. */
        open(hash, { play = false } = {}) {
          if (modes.get(name) !== active) return;
          const keys = splitShared(hash, names);
          const body = joinShared(shared(keys.mode, embed || keys.embed), modeBody(hash));
          leaveEntry();
          currentId = newId();
          history.pushState({ nnplay: currentId }, '', url(body));
          enterFromUrl({ play });
        },
      };
    },

    /** The first entering, from the URL the page was loaded with. */
    start() {
      currentId = (history.state && history.state.nnplay) || newId();
      if (!history.state || history.state.nnplay !== currentId) {
        history.replaceState(
          { nnplay: currentId },
          '',
          url(String(location.hash).replace(/^#/, '')),
        );
      }
      enterFromUrl();
    },

    /** After the URL changed under the page (popstate, hashchange): Back, Forward, a link
     *  followed, a hash edited by hand. The second event of one change is ignored. */
    route() {
      const id = history.state && history.state.nnplay;
      if (id && id === currentId && location.hash === handledHash) return;
      leaveEntry();
      if (id) currentId = id;
      else {
        // the browser made this entry (a link, an edit): it gets an id of its own
        currentId = newId();
        history.replaceState(
          { nnplay: currentId },
          '',
          url(String(location.hash).replace(/^#/, '')),
        );
      }
      enterFromUrl();
    },

    /** The absolute URL of a mode's hash body, with the shared keys (a link to copy). */
    linkTo(name, body) {
      const hash = joinShared(shared(name), body);
      return `${location.origin ?? ''}${location.pathname}${location.search}#${hash}`;
    },

    active: () => (active ? active.name : null),
    embed: () => embed,
    /** null (a host of any origin) or the origins the page's first URL allows. */
    hostOrigins: () => hostOrigins,

    /** Each mode's link as it was last left ('#' + hash), for the page's mode tabs. */
    hrefs() {
      const out = {};
      for (const name of names) {
        const mode = modes.get(name);
        if (mode === active) out[name] = location.hash || '#';
        else if (typeof mode.serialize() === 'string') out[name] = `#${bodyOf(mode)}`;
        else out[name] = `#${joinShared(shared(name), '')}`;
      }
      return out;
    },

    /** Ids of the entries whose snapshots are kept (oldest first), for tests. */
    keptIds: () => [...snapshots.keys()],
  };
  return router;
}
