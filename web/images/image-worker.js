// A classic Worker that trains the images mode's network off the page's thread: it starts the
// image module (web/image-engine-loader.js), fetches a data set's NNPI files (reporting the
// download's progress), and, while playing, trains in slices of about 40 ms, posting the
// figures after each slice and the test accuracy on a fixed sample of test images about once
// a second. A drawing is prepared and scored here too. Messages in: {op, ...}:
//   init {moduleDir, dataDir, wasmBinary?: the .wasm's bytes given, else fetched}
//   data {name, train?, test?: NNPI bytes given, else fetched}
//   configure {spec}   settings {spec} (new training settings, the weights kept when the
//   network stays the same)   check {spec, id} (what configure would build; nothing changes)
//   model {url} or {text, source: a file's name}   play   pause
//   step   reset
//   score {pixels: Uint8Array (w x h grey, ink bright), w, h}
//   scorePicture {pixels: Uint8ClampedArray (w x h RGBA, any picture), w, h}
//   confusion (every test image's answer, confidence and pixels)
//   scoreTest {index} (a test image, scored and seen inside)
//   export {command} (the network as a model file's text: {type: 'model-file', text, epoch})
// out: {type: 'progress'|'ready'|'tuned'|'checked'|'refused'|'stats'|'scores'|'error', ...};
// ready and tuned carry the engine's effective spec.
// Why classic: a module Worker cannot importScripts the classic-script glue.
{
  const scope = /** @type {any} */ (globalThis);
  if (!scope.nnplayEngineLoader) scope.importScripts('../engine-loader.js');
  if (!scope.nnplayImageEngineLoader) scope.importScripts('../image-engine-loader.js');

  const SLICE_MS = 40;
  const TEST_SAMPLE = 500; // test images scored once a second while training
  const EVAL_EVERY_MS = 1000;

  let Module = null;
  let session = null;
  let moduleDir = '';
  let dataDir = '';
  let classNames = [];
  let playing = false;
  let timer = 0;
  let lastEval = 0;
  let testAccuracy = NaN;
  let testLoss = NaN;
  // Running figures of the current play: examples, their summed loss and right answers.
  let recent = { examples: 0, loss: 0, correct: 0, ms: 0 };

  const post = (message, transfer) => scope.postMessage(message, transfer || []);
  const fail = (message) => post({ type: 'error', message });

  async function fetchWithProgress(url, part, parts) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
    const total = Number(response.headers.get('content-length')) || 0;
    if (!response.body || !total) return new Uint8Array(await response.arrayBuffer());
    const bytes = new Uint8Array(total);
    const reader = response.body.getReader();
    let loaded = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes.set(value, loaded);
      loaded += value.length;
      post({ type: 'progress', fraction: (part + loaded / total) / parts });
    }
    return bytes.subarray(0, loaded);
  }

  function evaluateSample() {
    const e = session.evaluate(TEST_SAMPLE);
    if (e) {
      testAccuracy = e.accuracy;
      testLoss = e.loss;
    }
    lastEval = performance.now();
  }

  function stats() {
    const info = session.info();
    return {
      type: 'stats',
      playing,
      epoch: info.epoch,
      cursor: info.cursor,
      train: info.train,
      examplesSeen: info.examplesSeen,
      trainLoss: recent.examples ? recent.loss / recent.examples : NaN,
      trainAccuracy: recent.examples ? recent.correct / recent.examples : NaN,
      examplesPerSecond: recent.ms > 0 ? (recent.examples * 1000) / recent.ms : NaN,
      testAccuracy,
      testLoss,
    };
  }

  // Trains batches for about SLICE_MS, then yields to messages.
  function slice() {
    timer = 0;
    if (!playing || !session) return;
    const t0 = performance.now();
    let done = { examples: 0, loss: 0, correct: 0 };
    while (performance.now() - t0 < SLICE_MS) {
      const b = session.trainBatch();
      if (!b) return fail(session.lastError ? session.lastError().message : 'training failed');
      done.examples += b.examples;
      done.loss += b.loss * b.examples;
      done.correct += b.correct;
    }
    const ms = performance.now() - t0;
    // The last ~2,000 examples' figures: a running window that forgets the start of a play.
    const keep = recent.examples > 2000 ? 2000 / recent.examples : 1;
    recent = {
      examples: recent.examples * keep + done.examples,
      loss: recent.loss * keep + done.loss,
      correct: recent.correct * keep + done.correct,
      ms: recent.ms * keep + ms,
    };
    if (performance.now() - lastEval > EVAL_EVERY_MS) evaluateSample();
    post(stats());
    timer = setTimeout(slice, 0);
  }

  // A network just built from its seed: its figures restart; posts ready and the stats.
  function built(extra) {
    recent = { examples: 0, loss: 0, correct: 0, ms: 0 };
    evaluateSample();
    const input = session.inputShape();
    const layers = session.layers();
    const spec = JSON.parse(session.spec());
    post({ type: 'ready', info: session.info(), input, layers, classNames, spec, ...extra });
    post(stats());
  }

  // What the page's "inside the network" shows for the image just predicted: the network's
  // input, every layer's output and each conv layer's filters (copies).
  function inside() {
    const layers = session.layers();
    const maps = layers.map((_, l) => session.layerOutput(l));
    const filters = layers.map((layer, l) => (layer.kind === 'conv' ? session.filters(l) : null));
    return {
      input: session.networkInput(),
      inputShape: session.inputShape(),
      layers,
      maps,
      filters,
    };
  }

  const ops = {
    async init(m) {
      moduleDir = m.moduleDir;
      dataDir = m.dataDir;
      Module = await scope.nnplayImageEngineLoader.loadModule({
        dir: moduleDir,
        wasmBinary: m.wasmBinary,
      });
      session = new Module.ImageSession();
      post({ type: 'started' });
    },
    async data(m) {
      playing = false;
      const file = m.name === 'fashion' ? 'fashion-page' : m.name;
      const train = m.train || (await fetchWithProgress(`${dataDir}${file}-train.nnpi`, 0, 2));
      const test = m.test || (await fetchWithProgress(`${dataDir}${file}-test.nnpi`, 1, 2));
      const r = session.loadData(train, test);
      if (!r.ok) return fail(`${r.error.field}: ${r.error.message}`);
      classNames = session.info().classNames;
      post({ type: 'loaded', name: m.name });
    },
    configure(m) {
      const r = session.configure(JSON.stringify(m.spec));
      if (!r.ok) return post({ type: 'refused', errors: r.errors });
      built();
    },
    settings(m) {
      const r = session.updateSettings(JSON.stringify(m.spec));
      if (!r.ok) return post({ type: 'refused', source: 'settings', errors: r.errors });
      if (!r.kept) return built({ rebuilt: 'settings' });
      post({ type: 'tuned', spec: JSON.parse(session.spec()) });
      post(stats());
    },
    check(m) {
      post({ type: 'checked', id: m.id, ...session.checkSpec(JSON.stringify(m.spec)) });
    },
    async model(m) {
      playing = false;
      let text = m.text;
      if (typeof text !== 'string') {
        const response = await fetch(m.url);
        if (!response.ok) throw new Error(`${m.url}: ${response.status} ${response.statusText}`);
        text = await response.text();
      }
      const r = session.loadModel(text);
      if (!r.ok) return post({ type: 'refused', source: m.source || m.url, errors: r.errors });
      const file = JSON.parse(text);
      recent = { examples: 0, loss: 0, correct: 0, ms: 0 };
      evaluateSample();
      const input = session.inputShape();
      const card = {
        metrics: file.metrics || {},
        provenance: file.provenance || {},
        source: m.source || '',
      };
      post({
        type: 'ready',
        info: session.info(),
        input,
        layers: session.layers(),
        classNames,
        card,
        spec: JSON.parse(session.spec()),
      });
      post(stats());
    },
    export(m) {
      const text = session.exportModel(String(m.command || ''));
      if (!text) return fail(session.lastError().message);
      post({ type: 'model-file', text, epoch: session.info().epoch });
    },
    confusion() {
      const n = session.info().test;
      const labels = new Uint8Array(n),
        predicted = new Uint8Array(n),
        confidence = new Float32Array(n),
        pixels = new Uint8Array(n * 784);
      for (let i = 0; i < n; i++) {
        const probs = session.predictTest(i);
        let best = 0;
        for (let k = 1; k < probs.length; k++) if (probs[k] > probs[best]) best = k;
        labels[i] = session.testLabel(i);
        predicted[i] = best;
        confidence[i] = probs[best];
        pixels.set(session.testImage(i), i * 784);
      }
      post({ type: 'confusion', classNames, labels, predicted, confidence, pixels }, [
        labels.buffer,
        predicted.buffer,
        confidence.buffer,
        pixels.buffer,
      ]);
    },
    play() {
      playing = true;
      if (!timer) timer = setTimeout(slice, 0);
    },
    pause() {
      playing = false;
      post(stats());
    },
    step() {
      playing = false;
      const b = session.trainBatch();
      if (b) {
        recent.examples += b.examples;
        recent.loss += b.loss * b.examples;
        recent.correct += b.correct;
      }
      evaluateSample();
      post(stats());
    },
    reset() {
      session.reset();
      recent = { examples: 0, loss: 0, correct: 0, ms: 0 };
      evaluateSample();
      post(stats());
    },
    scoreTest(m) {
      const pixels = session.testImage(m.index);
      if (!pixels.length) return fail(session.lastError().message);
      const probs = session.predictTest(m.index);
      const input = Float32Array.from(pixels, (v) => v / 255);
      const label = session.testLabel(m.index);
      post({
        type: 'scores',
        input,
        probs,
        classNames,
        inside: inside(),
        test: { index: m.index, label },
      });
    },
    scorePicture(m) {
      const p = session.preparePicture(m.pixels, m.w, m.h);
      if (!p.ok) return fail(`${p.error.field}: ${p.error.message}`);
      const probs = p.empty ? new Float32Array(0) : session.predict(p.input);
      const seen = p.empty ? null : inside();
      post({ type: 'scores', empty: p.empty, input: p.input, probs, classNames, inside: seen });
    },
    score(m) {
      const p = session.prepareDrawing(m.pixels, m.w, m.h);
      if (!p.ok) return fail(`${p.error.field}: ${p.error.message}`);
      const probs = p.empty ? new Float32Array(0) : session.predict(p.input);
      const seen = p.empty ? null : inside();
      post({ type: 'scores', empty: p.empty, input: p.input, probs, classNames, inside: seen });
    },
  };

  // One request at a time, in order: init's and data's awaits finish before the next starts.
  let queue = Promise.resolve();
  async function handle(m) {
    const op = ops[m && m.op];
    if (!op) return fail(`unknown request ${JSON.stringify(m && m.op)}`);
    if (m.op !== 'init' && !session) return fail('the image engine has not started');
    try {
      await op(m);
    } catch (e) {
      fail(e && e.message ? e.message : String(e));
    }
  }
  scope.onmessage = (event) => {
    queue = queue.then(() => handle(event.data));
  };
}
