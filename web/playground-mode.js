// The playground as a mode of the page: its registration with the router (web/router.js).
// Its link is the reference's (no `mode` key). Entering loads the entry's link, or leaves the
// playground as it is when it already shows that entry, or restores the entry's trained state
// from the snapshot the router kept (a link opened over trained work leaves that work one Back
// away); a bad value in a link opened over the page keeps the value on screen; leaving pauses it.

import { Playground, LINK_NOTICE } from './playground.js';
import { parsePlaygroundEntries } from './link/playground-link.js';

/** playground: a Playground. Returns the mode to register. */
export function playgroundMode(playground, { name = 'playground' } = {}) {
  return {
    name,
    parse: (entries) => parsePlaygroundEntries(entries, playground.limits),
    enter(parsed, { embed, keep, snapshot, play }) {
      playground.page = { ...playground.page, embed };
      if (keep) {
        if (parsed.problems.length) playground.notice.show(LINK_NOTICE, parsed.problems);
        playground.redraw();
      } else if (Playground.needsRestore(snapshot) && playground.restore(snapshot)) {
        playground.refresh();
      } else {
        // A link opened over the page: a bad value keeps what is on screen.
        const over = playground.config
          ? { config: playground.config, page: playground.page }
          : null;
        playground.load(parsed, { over });
      }
      if (play) playground.play();
    },
    leave: () => playground.pause(),
    serialize: () => playground.serialize(),
    snapshot: () => playground.snapshot(),
  };
}
