/**
 * freqtrade candles benchmark (issue 10), run alone so no other data sits on the heap:
 * a 50 MB candle file (freqtrade JSON, 744,000 one-minute bars) is dropped into an open notebook; the worker reads
 * the File and parses it while the main thread keeps a 10 ms timer. The longest gap between ticks is how long the
 * page would have been blocked. Goal: < 100 ms. Peers: the same timer over the same time with nothing running
 * (this machine's scheduling noise), and decode + JSON.parse of the same bytes on one thread.
 * Run: `npm run bench -- freqtrade-candles`
 */
import { createRng } from '../src/engine/random';
import { parseNotebook } from '../src/notebook/format';
import { warmMedianOfRuns as median } from './timing';
import { warmSession, recomputed, failures } from './freqtradeSession';

const T0 = Date.UTC(2022, 0, 1);
const enc = new TextEncoder();
const rows: [string, number, string][] = [];

// Built in 1 MB chunks straight into bytes, so the bench's own garbage does not pause the main thread it measures.
const chunks: Uint8Array[] = [enc.encode('[')];
let q = 100;
let bytes = 1;
let bigBars = 0;
const rng2 = createRng(5050);
while (bytes < 50e6) {
  const part: string[] = [];
  for (let k = 0; k < 12_000; k++, bigBars++) {
    const o = q;
    q *= Math.exp(0.001 * rng2.normal());
    part.push(`${bigBars ? ',' : ''}[${T0 + bigBars * 60_000},${o.toFixed(6)},${(Math.max(o, q) * 1.0002).toFixed(6)},${(Math.min(o, q) * 0.9998).toFixed(6)},${q.toFixed(6)},${(1 + rng2.next() * 1000).toFixed(4)}]`);
  }
  const c = enc.encode(part.join(''));
  chunks.push(c);
  bytes += c.length;
}
chunks.push(enc.encode(']'));
const bigBytes = new Uint8Array(bytes + 1);
let off = 0;
for (const c of chunks) { bigBytes.set(c, off); off += c.length; }
chunks.length = 0;
const loadNb = parseNotebook(['---', 'id: bench-load', 'title: load', 'seed: 1', '---', '', '```input', 'name: candles', 'type: dataset', 'value: ETH_BTC-5m', '```', '', '```js id=load timeout=120000', 'const series = await loadDataset(candles);', 'const bars = series.close.length;', '```', ''].join('\n'), 'bench-load');
const loader = await warmSession(loadNb);
const bigBlob = new Blob([bigBytes]); // the page has the dropped File already
const elu0 = performance.eventLoopUtilization();
const t50 = performance.now();
let maxGap = 0, last = performance.now();
const timer = setInterval(() => { const now = performance.now(); maxGap = Math.max(maxGap, now - last); last = now; }, 10);
const bigDone = recomputed((sess) => { const c = sess.states.get('load'); return c?.state !== 'done' || c.display.figures.bars === bigBars; });
// As the page does: the dropped File (a Blob) goes to the worker by reference and is read there.
loader.addDataset('upload:BIG_USDT-1m.json', 'BIG_USDT-1m.json', '', undefined, [], bigBlob);
loader.setInput('candles', 'upload:BIG_USDT-1m.json');
await bigDone;
const tBig = performance.now() - t50;
// How much the main thread itself worked meanwhile (event-loop utilisation): timer gaps above it are the machine's scheduling.
const busy = performance.eventLoopUtilization(performance.eventLoopUtilization(), elu0).active;
clearInterval(timer);
const bigFail = failures(loader);
const barsRead = loader.states.get('load');
if (barsRead?.state === 'done' && barsRead.display.figures.bars !== bigBars) bigFail.push(`read ${barsRead.display.figures.bars} bars, expected ${bigBars}`);
loader.dispose();
if (bigFail.length) throw new Error(`50 MB parse failed: ${bigFail.join('; ')}`);
const tBigJson = median(() => JSON.parse(new TextDecoder().decode(bigBytes)), 1);
rows.push([`candle file (${(bigBytes.length / 1e6).toFixed(1)} MB, ${bigBars.toLocaleString('en')} bars, freqtrade JSON) parsed in the worker`, tBig, `${(tBig / tBigJson).toFixed(2)}× decode + bare JSON.parse on one thread (the worker reads the File itself)`]);
// Peer: the same timer over the same time with nothing to do, so the machine's own scheduling noise is visible.
let idleGap = 0, idleLast = performance.now();
const idleTimer = setInterval(() => { const now = performance.now(); idleGap = Math.max(idleGap, now - idleLast); idleLast = now; }, 10);
await new Promise((r) => setTimeout(r, tBig));
clearInterval(idleTimer);
rows.push(['  longest main-thread stall meanwhile (10 ms timer)', maxGap, `goal < 100 ms: ${maxGap < 100 ? 'met' : 'NOT met'}; ${(maxGap - idleGap).toFixed(0)} ms above the idle peer`]);
rows.push(['  peer: same timer, same duration, nothing running', idleGap, 'this machine\'s scheduling noise']);
rows.push(['  main thread busy in total meanwhile (event-loop utilisation)', busy, `${((100 * busy) / tBig).toFixed(1)} % of the parse time`]);

for (const [name, ms, note] of rows) console.log(`${name.padEnd(100)} ${ms.toFixed(1).padStart(9)} ms  ${note}`);
