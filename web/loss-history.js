// The loss chart's data: a fixed-size buffer of (epoch, train, test) samples. A sample is kept
// every `stride` epochs; when the buffer is full every other sample is dropped and the stride
// doubles, so memory and drawing cost stay constant however long training runs. The latest
// losses are kept apart so the chart always ends at the current epoch. Pure: no DOM.

export const DEFAULT_CAPACITY = 256;

export function createLossHistory(capacity = DEFAULT_CAPACITY) {
  if (!Number.isInteger(capacity) || capacity < 4 || capacity % 2)
    throw new Error('capacity: an even number >= 4');
  const h = {
    capacity,
    epochs: new Float64Array(capacity),
    train: new Float64Array(capacity),
    test: new Float64Array(capacity),
    length: 0,
    stride: 1,
    last: null, // {epoch, train, test}: the latest sample, stored or not
    clear() {
      h.length = 0;
      h.stride = 1;
      h.last = null;
    },
    /** Records the losses at `epoch` (epochs only grow between clears). */
    add(epoch, train, test) {
      if (h.last && epoch === h.last.epoch) {
        // same epoch, new losses (an edited weight)
        h.last = { epoch, train, test };
        if (h.length > 0 && h.epochs[h.length - 1] === epoch) {
          h.train[h.length - 1] = train;
          h.test[h.length - 1] = test;
        }
        return;
      }
      h.last = { epoch, train, test };
      if (h.length > 0 && epoch - h.epochs[h.length - 1] < h.stride) return;
      if (h.length === capacity) compact();
      h.epochs[h.length] = epoch;
      h.train[h.length] = train;
      h.test[h.length] = test;
      h.length += 1;
    },
  };
  function compact() {
    const half = capacity / 2;
    for (let i = 0; i < half; i++) {
      h.epochs[i] = h.epochs[2 * i];
      h.train[i] = h.train[2 * i];
      h.test[i] = h.test[2 * i];
    }
    h.length = half;
    h.stride *= 2;
  }
  return h;
}
