// The benchmark's job: 2 inputs -> 8,8,8,8 tanh -> 1 tanh, 500 points uniform in
// [-6,6]^2 labelled +1 where x*y >= 0 else -1, all training, batch 10, learning rate 0.03.
import { createRequire } from 'node:module';

const seedrandom = createRequire(import.meta.url)('seedrandom');

export function benchConfig() {
  const rng = seedrandom('nnplay-bench');
  const train = [];
  for (let i = 0; i < 500; i++) {
    const x = rng() * 12 - 6,
      y = rng() * 12 - 6;
    train.push([x, y, x * y >= 0 ? 1 : -1]);
  }
  return {
    seed: 'nnplay-bench',
    networkShape: [8, 8, 8, 8],
    activation: 'tanh',
    batchSize: 10,
    learningRate: 0.03,
    points: { train, test: [] },
  };
}

// The page's default config (for the per-frame figure).
export const defaultConfig = { seed: '0.12345' };

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
