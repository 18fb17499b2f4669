// Loads the built wasm module in node through the page's own loader (web/engine-loader.js)
// and the real glue (build/wasm/nnplay.js): node requires the glue and reads the .wasm, and
// passes both to the loader (Emscripten 3.1.6's glue cannot fetch a file path in node).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import '../../web/engine-loader.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const loader = globalThis.nnplayEngineLoader;

// variant: 'nnplay' or 'nnplay-simd'. NNPLAY_WASM_DIR: another build folder (a benchmark of an
// experimental build).
export async function loadModule(variant = 'nnplay') {
  const dir = process.env.NNPLAY_WASM_DIR || path.join(root, 'build/wasm');
  return loader.loadModule({
    factory: require(path.join(dir, `${variant}.js`)),
    wasmBinary: fs.readFileSync(path.join(dir, `${variant}.wasm`)),
  });
}

// A Session configured from a config object; throws with the engine's errors if refused.
export function configured(Module, config) {
  const s = new Module.Session();
  const r = s.configure(JSON.stringify(config));
  if (!r.ok) throw new Error(`configure refused: ${JSON.stringify(r.errors)}`);
  return s;
}
