// The type check (tsconfig.json, bindings/nnplay.d.ts) catches what it is there for: the real
// config passes; a file calling a misspelled Session method, or a method with a wrong argument,
// fails under the same options while its correct twin passes; and the .d.ts names exactly the
// methods and functions that bindings/session_binding.cpp binds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');

function tsc(project) {
  const r = spawnSync(process.execPath, [TSC, '-p', project], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

// A project beside a temporary .js file that uses a Session, with the repository's options.
function checkSnippet(body) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-types-'));
  try {
    fs.writeFileSync(
      path.join(dir, 'use.js'),
      `// @ts-check
/** @param {import(${JSON.stringify(path.join(ROOT, 'bindings/nnplay'))}).Session} s */
export function use(s) {
  ${body}
}
`,
    );
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: path.join(ROOT, 'tsconfig.json'),
        compilerOptions: { skipLibCheck: true }, // the DOM's own types: checked by the real config
        files: [path.join(ROOT, 'bindings/nnplay.d.ts'), path.join(dir, 'use.js')],
      }),
    );
    return tsc(path.join(dir, 'tsconfig.json'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('the repository passes its type check', () => {
  const r = tsc(path.join(ROOT, 'tsconfig.json'));
  assert.equal(r.status, 0, r.out);
});

test('a misspelled Session method and a wrong argument fail the type check; the right ones pass', () => {
  const bad = checkSnippet("s.trainLos();\n  s.step('10');");
  assert.notEqual(bad.status, 0, 'tsc accepted the file');
  assert.match(bad.out, /Property 'trainLos' does not exist on type 'Session'/);
  assert.match(bad.out, /'string' is not assignable to parameter of type 'number'/);
  const good = checkSnippet('s.trainLoss();\n  s.step(10);');
  assert.equal(good.status, 0, good.out);
});

test('bindings/nnplay.d.ts types exactly the functions the binding binds', () => {
  const cpp = fs.readFileSync(path.join(ROOT, 'bindings/session_binding.cpp'), 'utf8');
  const dts = fs.readFileSync(path.join(ROOT, 'bindings/nnplay.d.ts'), 'utf8');
  const bound = [...cpp.matchAll(/\.function\("(\w+)"/g)].map((m) => m[1]);
  const free = [...cpp.matchAll(/emscripten::function\("(\w+)"/g)].map((m) => m[1]);
  assert.ok(bound.length > 20 && free.length > 0, 'the binding lists its functions');
  const session = dts.match(/export interface Session \{([\s\S]*?)\n\}/)[1];
  const module = dts.match(/export interface NNPlayModule \{([\s\S]*?)\n\}/)[1];
  const methods = (body) => [...body.matchAll(/^\s+(\w+)\(/gm)].map((m) => m[1]).sort();
  // embind adds delete() to every class.
  assert.deepEqual(
    methods(session),
    [...bound, 'delete'].sort(),
    'Session in the .d.ts = the bound methods',
  );
  assert.deepEqual(
    methods(module),
    [...free].sort(),
    'NNPlayModule in the .d.ts = the bound functions',
  );
});

test('bindings/nnplay-images.d.ts types exactly the methods the image binding binds', () => {
  const cpp = fs.readFileSync(path.join(ROOT, 'bindings/images/image_binding.cpp'), 'utf8');
  const dts = fs.readFileSync(path.join(ROOT, 'bindings/nnplay-images.d.ts'), 'utf8');
  // Overloads by argument count bind one name twice.
  const bound = [...new Set([...cpp.matchAll(/\.function\("(\w+)"/g)].map((m) => m[1]))];
  assert.ok(bound.length > 15, 'the binding lists its methods');
  const session = dts.match(/export interface ImageSession \{([\s\S]*?)\n\}/)[1];
  const methods = [...session.matchAll(/^\s+(\w+)\(/gm)].map((m) => m[1]).sort();
  assert.deepEqual(
    methods,
    [...bound, 'delete'].sort(),
    'ImageSession in the .d.ts = the bound methods',
  );
});
