// Static file server for nnplay (node built-ins only): serves the repository root so that
// index.html, web/ and build/wasm/ load as on any static host. Used by scripts/serve and, via
// startServer({port: 0}), by the browser tests.
//   node scripts/serve.mjs [port]     (default 8000, or $PORT; host 127.0.0.1)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const gzipAsync = promisify(zlib.gzip);
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
// Worth compressing; images are compressed already.
const GZIP_TYPES = new Set([
  '.html',
  '.js',
  '.mjs',
  '.json',
  '.css',
  '.wasm',
  '.svg',
  '.txt',
  '.md',
  '.map',
]);

// Compressed bodies, each file compressed once per version (mtime and size): a reload costs no
// gzip work, as with a static host's precompressed files. Bounded: cleared past 64 MB.
const gzipCache = new Map();
let gzipCacheBytes = 0;
async function gzipped(file) {
  const stat = await fs.promises.stat(file);
  const hit = gzipCache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.body;
  const body = await gzipAsync(await fs.promises.readFile(file));
  if (gzipCacheBytes + body.length > 64 * 1024 * 1024) {
    gzipCache.clear();
    gzipCacheBytes = 0;
  }
  gzipCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, body });
  gzipCacheBytes += body.length;
  return body;
}

function send(res, status, text) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-cache',
  });
  res.end(text);
}

// Maps a URL path to a file under root, or null when it is outside root or not a plain file.
function resolveFile(root, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.resolve(root, '.' + path.posix.normalize('/' + rel));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  let real;
  try {
    real = fs.realpathSync(file); // symlinks may not lead out of root either
  } catch {
    return null;
  }
  if (real !== root && !real.startsWith(root + path.sep)) return null;
  return fs.statSync(real).isFile() ? real : null; // directories: 404, never a listing
}

export function handler(root, { gzip = true } = {}) {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'method not allowed\n');
    const urlPath = (req.url || '/').split(/[?#]/)[0];
    const file = resolveFile(root, urlPath);
    if (!file) return send(res, 404, 'not found\n');
    const ext = path.extname(file).toLowerCase();
    const headers = {
      'Content-Type': MIME[ext] || 'application/octet-stream',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    };
    const useGzip =
      gzip && GZIP_TYPES.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '');
    if (!useGzip) {
      headers['Content-Length'] = fs.statSync(file).size;
      res.writeHead(200, headers);
      if (req.method === 'HEAD') return res.end();
      const stream = fs.createReadStream(file);
      stream.on('error', () => res.destroy());
      return stream.pipe(res);
    }
    gzipped(file).then(
      (body) => {
        res.writeHead(200, {
          ...headers,
          'Content-Encoding': 'gzip',
          Vary: 'Accept-Encoding',
          'Content-Length': body.length,
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      () => send(res, 500, 'could not read the file\n'),
    );
  };
}

// Starts a server; port 0 picks a free one. Resolves to {url, port, server, close()}.
export function startServer({
  root = REPO_ROOT,
  port = 8000,
  host = '127.0.0.1',
  gzip = true,
} = {}) {
  const realRoot = fs.realpathSync(path.resolve(root));
  const server = http.createServer(handler(realRoot, { gzip }));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({
        url: `http://${host}:${actual}/`,
        port: actual,
        server,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] || process.env.PORT || 8000);
  const { url } = await startServer({ port });
  console.log(`nnplay: ${url}`);
}
