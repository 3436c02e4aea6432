/** Own files end to end, headless: `--data` mapping and checks, fingerprints in share links, the notebook on each sample. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { resolveDataArgs, datasetInputs } from '../scripts/dataArgs';
import { loadCatalog } from '../scripts/nodeCatalog';
import { runNotebookHeadless } from '../scripts/nodeSession';
import { encodeExperiment, tryDecodeExperiment } from '../src/share/codec';

const nb = loadCatalog().find((n) => n.meta.id === 'your-strategy')!;
const inputs = datasetInputs(nb);

describe('--data', () => {
  it('maps each file to the input that takes its kind, picks up a .meta.json, and fingerprints it', () => {
    const r = resolveDataArgs(['public/data/freqtrade/backtest-result.json', 'test/fixtures/freqtrade/ADA_BTC-5m.feather', 'public/data/freqtrade/strategy_SampleStrategy.fthypt'], inputs, 'your-strategy');
    expect(r.inputs).toEqual({ backtest: 'upload:backtest-result.json', candles: 'upload:ADA_BTC-5m.feather', hyperopt: 'upload:strategy_SampleStrategy.fthypt' });
    expect(r.uploads[0].companions?.[0].name).toBe('backtest-result.meta.json');
    expect(r.uploads[1].bytes?.length).toBe(173754);
    expect(r.files.backtest).toEqual({ name: 'backtest-result.json', size: 132375, sha256: '2d067ed77338c9c44fe46a70c7976e20aa09cd033be0504dab7ee67e936ef34d' });
  });

  it('validates like the page: wrong kind for a named input, no free input, too few trades', () => {
    expect(() => resolveDataArgs(['candles=public/data/freqtrade/strategy_SampleStrategy.fthypt'], inputs, 'x')).toThrow(/hyperopt result.*expects candles/);
    expect(() => resolveDataArgs(['public/data/freqtrade/strategy_SampleStrategy.fthypt', 'public/data/freqtrade/strategy_SampleStrategy.fthypt'], inputs, 'x')).toThrow(/no free input/);
    const dir = mkdtempSync(join(tmpdir(), 'ft-'));
    const raw = JSON.parse(readFileSync('public/data/freqtrade/backtest-result.json', 'utf8'));
    raw.strategy.StrategyTestV3.trades = raw.strategy.StrategyTestV3.trades.slice(0, 4);
    writeFileSync(join(dir, 'short.json'), JSON.stringify(raw));
    expect(() => resolveDataArgs([join(dir, 'short.json')], inputs, 'x')).toThrow(/short\.json: 4 trades \(strategy StrategyTestV3\); "Backtest export" needs at least 10/);
  });


  it('a candle file too short for a notebook\'s windows is refused at load with the minimum', () => {
    const calibration = loadCatalog().find((n) => n.meta.id === 'confidence-calibration')!;
    expect(() => resolveDataArgs(['public/data/freqtrade/XRP_ETH-5m.json'], datasetInputs(calibration), 'confidence-calibration')).toThrow(/XRP_ETH-5m\.json: 712 bars; "Dataset" needs at least 3000/);
    expect(resolveDataArgs(['public/data/freqtrade/ETH_BTC-5m.json'], datasetInputs(calibration), 'confidence-calibration').inputs).toEqual({ dataset: 'upload:ETH_BTC-5m.json' });
  });
});

describe('fingerprints in share links', () => {
  it('round-trip name, size and sha256, and refuse a malformed hash', () => {
    const files = { backtest: { name: 'backtest-result.json', size: 132375, sha256: '2d067ed77338c9c44fe46a70c7976e20aa09cd033be0504dab7ee67e936ef34d' } };
    const link = encodeExperiment({ v: 1, notebook: 'your-strategy', seed: 1, inputs: {}, edits: {}, files });
    const back = tryDecodeExperiment(link.replace(/^#/, ''));
    expect(back.ok && back.state.files).toEqual(files);
    expect(() => encodeExperiment({ v: 1, notebook: 'your-strategy', seed: 1, inputs: {}, edits: {}, files: { backtest: { ...files.backtest, sha256: 'XYZ' } } })).toThrow(/files\.backtest\.sha256: expected 64 lowercase hex digits/);
  });
});

describe('the notebook on the user\'s own files (headless, same worker host as the page)', () => {
  it('multi-strategy export as a zip with feather candles: every cell done, the chosen strategy analysed', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ft-'));
    const zip = zipSync({ 'backtest-result-2024-01-01_00-00-00.json': new Uint8Array(readFileSync('public/data/freqtrade/backtest-result_multistrat.json')) });
    writeFileSync(join(dir, 'backtest-result-2024-01-01_00-00-00.zip'), zip);
    copyFileSync('test/fixtures/freqtrade/ADA_BTC-5m.feather', join(dir, 'ADA_BTC-5m.feather'));
    const data = resolveDataArgs([join(dir, 'backtest-result-2024-01-01_00-00-00.zip'), join(dir, 'ADA_BTC-5m.feather')], inputs, 'your-strategy');
    const { states } = await runNotebookHeadless(nb, { seed: nb.meta.seed, inputs: { ...data.inputs, strategyName: 'TestStrategy', permutations: 300 }, edits: {} }, { uploads: data.uploads, defaultTimeoutMs: 60_000 });
    const notDone = [...states].filter(([, s]) => s.state !== 'done').map(([id, s]) => `${id}: ${s.state === 'error' ? s.error.message : s.state}`);
    expect(notDone).toEqual([]);
    const load = states.get('load');
    expect(load?.state === 'done' && load.display.values.strategy).toBeTruthy();
    const perm = states.get('permutation');
    expect(perm?.state === 'done' && JSON.stringify(perm.display.values.permNote)).toMatch(/29 trades on ADA\/BTC/);
  });
});

describe('own members', () => {
  it('look-ahead check in the notebook: causal stand-ins pass, a centred average is caught', { timeout: 120_000 }, async () => {
    const { parseOhlcv } = await import('../src/engine/market/parse');
    const { MEMBERS } = await import('../src/engine/market/members/index');
    const { data } = parseOhlcv(readFileSync('public/data/freqtrade/ETH_BTC-5m.json', 'utf8'), 'ETH_BTC-5m.json');
    const cut = (n: number) => ({ ...data, time: data.time.slice(0, n), open: data.open.slice(0, n), high: data.high.slice(0, n), low: data.low.slice(0, n), close: data.close.slice(0, n), volume: data.volume.slice(0, n) });
    const csv = (d: typeof data, leak: boolean) => {
      const cols = MEMBERS.slice(0, 3).map((m) => m.signal(d, m.params));
      // A "member" that averages the next 3 closes around t: it looks ahead, and the truncated export shows it.
      const centred = Float64Array.from(d.close, (_, t) => (t + 3 < d.close.length ? (d.close[t + 1] + d.close[t + 2] + d.close[t + 3]) / 3 - d.close[t] : NaN));
      const rows = ['date,a,b,c' + (leak ? ',centred' : '')];
      for (let t = 0; t < d.time.length; t++) rows.push([new Date(d.time[t]).toISOString(), ...cols.map((c) => (c[t] === c[t] ? String(c[t]) : '')), ...(leak ? [String(centred[t])] : [])].join(','));
      return rows.join('\n');
    };
    const dir = mkdtempSync(join(tmpdir(), 'mem-'));
    for (const leak of [false, true]) {
      writeFileSync(join(dir, 'full.csv'), csv(data, leak));
      writeFileSync(join(dir, 'short.csv'), csv(cut(data.time.length - 300), leak));
      const d = resolveDataArgs([`membersFull=${join(dir, 'full.csv')}`, `membersShort=${join(dir, 'short.csv')}`], inputs, 'your-strategy');
      const { states } = await runNotebookHeadless(nb, { seed: nb.meta.seed, inputs: { ...d.inputs, permutations: 200 }, edits: {} }, { uploads: d.uploads, defaultTimeoutMs: 60_000 });
      const view = states.get('lookahead');
      const verdicts = [...states.values()].flatMap((s) => (s.state === 'done' && s.display.view?.kind === 'group' ? s.display.view.items : [])).filter((v) => v.kind === 'verdict' && v.claim === 'Your members use no future candles');
      expect(view?.state).toBe('done');
      expect(verdicts.map((v) => v.kind === 'verdict' && v.verdict)).toEqual([leak ? 'refuted' : 'supported']);
    }
  });
});

describe('headless runner and share links with own files', () => {
  it('a link made with own files names them, and the runner asks for each with --data', async () => {
    const { spawnSync } = await import('node:child_process');
    const files = { backtest: { name: 'backtest-result_multistrat.json', size: 235499, sha256: 'ae17bf91805d93763860291c27da72596779fdf1b5348440ee04d62481fad937' } };
    const link = encodeExperiment({ v: 1, notebook: 'your-strategy', seed: 1, inputs: {}, edits: {}, files });
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/notebook.ts', `http://x/#/nb/your-strategy/${link.replace(/^#/, '')}`], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("the link was made with your own file for 'backtest': pass it with --data backtest=path/to/backtest-result_multistrat.json (sha256 ae17bf91805d");
  });
});
