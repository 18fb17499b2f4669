// The charts' data: what training measured at each epoch (the losses, the accuracy, RMSE and
// R^2: SERIES), in memory that never grows however long training runs. Two kinds of buffer:
//   - createLossHistory: the whole run. A sample is kept every `stride` epochs; when the
//     buffer is full every other sample is dropped and the stride doubles.
//   - createWindowHistory: the last `span` epochs, a ring of samples at least
//     span / (capacity - 1) epochs apart, the ones older than the span dropped.
// Both keep the latest sample apart (stored or not), so a chart always ends at the current
// epoch, and both are read through samples() ({count, epochAt(i), at(name, i)}, oldest first,
// the latest last). Pure: no DOM.

export const DEFAULT_CAPACITY = 256;
/** The measured series: losses, accuracy (classification), RMSE and R^2 (regression). */
export const SERIES = Object.freeze([
  'train',
  'test',
  'trainAccuracy',
  'testAccuracy',
  'trainRmse',
  'testRmse',
  'trainR2',
  'testR2',
]);

function checkCapacity(capacity) {
  if (!Number.isInteger(capacity) || capacity < 4 || capacity % 2)
    throw new Error('capacity: an even number >= 4');
}

function buffers(capacity) {
  const b = { epochs: new Float64Array(capacity) };
  for (const s of SERIES) b[s] = new Float64Array(capacity);
  return b;
}

// The latest sample as a plain object (missing series NaN).
function latest(epoch, values) {
  const out = { epoch };
  for (const s of SERIES) out[s] = values && typeof values[s] === 'number' ? values[s] : NaN;
  return out;
}

function store(h, at, last) {
  h.epochs[at] = last.epoch;
  for (const s of SERIES) h[s][at] = last[s];
}

// Both kinds' first step of add(): the new latest sample. True when `epoch` is already the
// latest (new values for it, as after an edited weight): its stored copy at slot `newest`, if
// any, is updated and nothing is appended.
function refreshLatest(h, epoch, values, newest) {
  const same = h.last !== null && epoch === h.last.epoch;
  h.last = latest(epoch, values);
  if (same && h.length > 0 && h.epochs[newest] === epoch) store(h, newest, h.last);
  return same;
}

// True when the newest stored sample (slot `newest`) is less than a stride before `epoch`.
function tooClose(h, epoch, newest) {
  return h.length > 0 && epoch - h.epochs[newest] < h.stride;
}

/** The whole run in `capacity` samples. add(epoch, values): values {train, test, ...}. */
export function createLossHistory(capacity = DEFAULT_CAPACITY) {
  checkCapacity(capacity);
  const h = {
    capacity,
    ...buffers(capacity),
    length: 0,
    stride: 1,
    last: null, // {epoch, ...SERIES}: the latest sample, stored or not
    clear() {
      h.length = 0;
      h.stride = 1;
      h.last = null;
    },
    /** Records the values at `epoch` (epochs only grow between clears). */
    add(epoch, values) {
      const newest = h.length - 1;
      if (refreshLatest(h, epoch, values, newest) || tooClose(h, epoch, newest)) return;
      if (h.length === capacity) compact();
      store(h, h.length, h.last);
      h.length += 1;
    },
    samples() {
      return readStored(h, h.length, (i) => i);
    },
  };
  function compact() {
    const half = capacity / 2;
    for (let i = 0; i < half; i++) {
      h.epochs[i] = h.epochs[2 * i];
      for (const s of SERIES) h[s][i] = h[s][2 * i];
    }
    h.length = half;
    h.stride *= 2;
  }
  return h;
}

/** The last `span` epochs in at most `capacity` samples (a ring). */
export function createWindowHistory(span, capacity = DEFAULT_CAPACITY) {
  checkCapacity(capacity);
  if (!Number.isInteger(span) || span < 1) throw new Error('span: a whole number >= 1');
  const h = {
    capacity,
    span,
    stride: Math.max(1, Math.ceil(span / (capacity - 1))),
    ...buffers(capacity),
    head: 0, // the oldest stored sample's slot
    length: 0,
    last: null,
    clear() {
      h.head = 0;
      h.length = 0;
      h.last = null;
    },
    add(epoch, values) {
      // the newest slot stays the newest while older samples are dropped below
      const newest = (h.head + h.length - 1) % capacity;
      if (refreshLatest(h, epoch, values, newest)) return;
      // older than the window: dropped (the ring's oldest first)
      while (h.length > 0 && h.epochs[h.head] < epoch - span) {
        h.head = (h.head + 1) % capacity;
        h.length -= 1;
      }
      if (tooClose(h, epoch, newest)) return;
      if (h.length === capacity) {
        h.head = (h.head + 1) % capacity;
        h.length -= 1;
      }
      store(h, (h.head + h.length) % capacity, h.last);
      h.length += 1;
    },
    samples() {
      const start = Math.max(0, h.last ? h.last.epoch - span : 0);
      // the stored samples still in the window (the latest may have moved it on)
      let skip = 0;
      while (skip < h.length && h.epochs[(h.head + skip) % capacity] < start) skip++;
      return readStored(h, h.length - skip, (i) => (h.head + skip + i) % capacity);
    },
  };
  return h;
}

/** Fills a window history from another history's samples (the ones in its span). */
export function seedWindow(win, from) {
  win.clear();
  const s = from.samples();
  if (s.count === 0) return win;
  const start = s.epochAt(s.count - 1) - win.span;
  for (let i = 0; i < s.count; i++) {
    if (s.epochAt(i) < start) continue;
    const values = {};
    for (const name of SERIES) values[name] = s.at(name, i);
    win.add(s.epochAt(i), values);
  }
  return win;
}

// {count, epochAt(i), at(name, i)} over `n` stored samples (slot(i): the i-th one's slot)
// and the latest when it is not the last one stored.
function readStored(h, n, slot) {
  const last = h.last;
  const extra = last && (n === 0 || h.epochs[slot(n - 1)] !== last.epoch) ? 1 : 0;
  return {
    count: n + extra,
    epochAt: (i) => (i < n ? h.epochs[slot(i)] : last.epoch),
    at: (name, i) => (i < n ? h[name][slot(i)] : last[name]),
  };
}

/** The index of the sample nearest to `epoch` in samples() (binary search; -1 when empty). */
export function nearestSample(samples, epoch) {
  const n = samples.count;
  if (n === 0) return -1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (samples.epochAt(mid) < epoch) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && epoch - samples.epochAt(lo - 1) < samples.epochAt(lo) - epoch) return lo - 1;
  return lo;
}
