// Heavy work cut into slices: a count of units (replayed resets, epochs) done a few at a time,
// one slice per main-thread task, so that the page keeps answering clicks and messages between
// them. A slice does at most `sliceWork` of work (web/limits.js: multiply-adds), and at least one
// unit (a unit is what the engine does in one call). No DOM: the scheduler is passed in.

/** The units one slice may do: as many as fit in sliceWork, at least one. */
export function unitsPerSlice(unitWork, sliceWork) {
  return Math.max(1, Math.floor(sliceWork / Math.max(1, unitWork)));
}

/**
 * Runs `total` units in slices. doUnits(k) does k units and returns how many it did (fewer
 * stops the run: a diverged network); onSlice(done, total) after each slice; schedule(f) runs f
 * in a later task (default: a timer, which also runs in a hidden frame). Returns {done: a
 * promise of {done, total, stopped}, cancel()}; a cancelled run does no more slices.
 */
export function runInSlices({
  total,
  unitWork,
  sliceWork,
  doUnits,
  onSlice = () => {},
  schedule = (f) => setTimeout(f, 0),
}) {
  const per = unitsPerSlice(unitWork, sliceWork);
  let done = 0;
  let cancelled = false;
  let finish;
  const promise = new Promise((resolve) => {
    finish = resolve;
  });
  function slice() {
    if (cancelled) return;
    const want = Math.min(per, total - done);
    const did = want > 0 ? doUnits(want) : 0;
    done += did;
    onSlice(done, total);
    if (done >= total || did < want) finish({ done, total, stopped: did < want });
    else schedule(slice);
  }
  schedule(slice);
  return {
    done: promise,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      finish({ done, total, stopped: true, cancelled: true });
    },
    progress: () => ({ done, total }),
  };
}
