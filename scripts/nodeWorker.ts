/** Node entry of the notebook worker (worker_threads), used by the headless runner. Same host as the browser. */
import { parentPort } from 'node:worker_threads';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { connectHost } from '../src/notebook/host';
import type { MainToWorker } from '../src/workers/protocol';

const publicDir = fileURLToPath(new URL('../public/', import.meta.url));

connectHost(
  {
    fetchText: (path) => readFile(publicDir + path, 'utf8'),
    now: () => performance.now(),
  },
  {
    postMessage: (m) => parentPort!.postMessage(m),
    onMessage: (cb) => parentPort!.on('message', (m: MainToWorker) => cb(m)),
  },
);
