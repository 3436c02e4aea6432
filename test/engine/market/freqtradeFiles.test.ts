import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import { parseBacktestExport } from '../../../src/engine/market/freqtradeBacktest';
import { parseHyperoptResults } from '../../../src/engine/market/freqtradeHyperopt';
import { parseFeatherCandles } from '../../../src/engine/market/freqtradeFeather';
import { parseDataFile, detectDataFileKind } from '../../../src/engine/market/userFiles';
import { parseMembersCsv, alignMembers, lookAheadCheck } from '../../../src/engine/market/membersCsv';
import { FreqtradeFileError } from '../../../src/engine/market/freqtradeErrors';
import { OhlcvError } from '../../../src/engine/market/ohlcv';

const PUB = 'public/data/freqtrade/';
const FIX = 'test/fixtures/freqtrade/';
const bytes = (p: string) => new Uint8Array(readFileSync(p));
const text = (p: string) => readFileSync(p, 'utf8');

describe('backtest exports: every sample matches its own summary', () => {
  for (const f of ['backtest-result.json', 'backtest-result_multistrat.json']) {
    it(f, () => {
      const raw = JSON.parse(text(PUB + f));
      const ex = parseBacktestExport(text(PUB + f), f, text(PUB + f.replace('.json', '.meta.json')));
      expect(ex.strategies.map((s) => s.name)).toEqual(Object.keys(raw.strategy));
      for (const s of ex.strategies) {
        const summary = raw.strategy[s.name];
        expect(s.trades.length).toBe(summary.total_trades);
        expect(s.summary.totalTrades).toBe(summary.total_trades);
        // The trades add up to the file's own total profit (absolute and as a fraction of the starting balance).
        const sumAbs = s.trades.reduce((a, t) => a + t.profitAbs, 0);
        expect(sumAbs).toBeCloseTo(summary.profit_total_abs, 12);
        expect(sumAbs / summary.starting_balance).toBeCloseTo(summary.profit_total, 9);
        // Wins / draws / losses by profit ratio, and the mean profit ratio, agree with the strategy's summary
        // (the sample's strategy_comparison row counts wins differently and is not used).
        expect(s.trades.filter((t) => t.profitRatio > 0).length).toBe(summary.wins);
        expect(s.trades.filter((t) => t.profitRatio === 0).length).toBe(summary.draws);
        expect(s.trades.filter((t) => t.profitRatio < 0).length).toBe(summary.losses);
        expect(s.trades.reduce((a, t) => a + t.profitRatio, 0) / s.trades.length).toBeCloseTo(summary.profit_mean, 12);
        // freqtrade's fixture was edited by hand: its profit_abs does not follow stake × profit_ratio, and the reader says so.
        expect(s.warnings).toEqual([expect.stringMatching(/profit_abs adds up to .* disagree in this file/)]);
        expect(s.summary.timeframeMs).toBe(300_000);
        expect(s.trades[0].openTime).toBe(Date.parse('2018-01-10T07:15:00Z'));
        expect(ex.meta?.[s.name]?.runId).toMatch(/^[0-9a-f]{40}$/);
      }
    });
  }

  it('reads the .zip that --export trades writes, skipping pickled signals with what to export instead', () => {
    const base = 'backtest-result-2024-05-01_10-00-00';
    const zip = zipSync({
      [`${base}.json`]: bytes(PUB + 'backtest-result.json'),
      [`${base}_config.json`]: strToU8('{"max_open_trades": 3}'),
      [`${base}_StrategyTestV3.json`]: strToU8('{"strategy_name": "StrategyTestV3", "params": {}}'),
      [`${base}_signals.pkl`]: new Uint8Array([0x80, 4, 0x95]),
    });
    const parsed = parseDataFile(zip, `${base}.zip`, 'backtest', [{ name: `${base}.meta.json`, text: text(PUB + 'backtest-result.meta.json') }]);
    expect(parsed.kind).toBe('backtest');
    if (parsed.kind !== 'backtest') return;
    expect(parsed.strategies[0].trades.length).toBe(179);
    expect(parsed.meta?.StrategyTestV3.runId).toBe('430d0271075ef327edbb23088f4db4ebe51a3dbf');
    expect(parsed.skipped.join()).toMatch(/signals\.pkl.*--analysis-to-csv/);
  });

  it('names file, record and field of a bad trade', () => {
    const raw = JSON.parse(text(PUB + 'backtest-result.json'));
    raw.strategy.StrategyTestV3.trades[11].profit_ratio = 'lots';
    expect(() => parseBacktestExport(JSON.stringify(raw), 'x.json')).toThrow(/x\.json \(trade 12 of strategy StrategyTestV3, field "profit_ratio"\): expected a finite number, found "lots"/);
  });

  it('names line and column of a JSON syntax error', () => {
    expect(() => parseBacktestExport('{\n  "strategy": {\n    "A": [1,,2]\n  }\n}', 'bad.json')).toThrow(/bad\.json \(line 3, column 13\): not valid JSON/);
  });

  it('refuses pickles, parquet, the .meta.json alone and .last_result.json with what to drop instead', () => {
    expect(() => parseDataFile(new Uint8Array([0x80, 4, 0x95, 0, 0]), 'backtest-result_signals.pkl')).toThrow(/pickled.*--analysis-to-csv/);
    expect(() => parseDataFile(strToU8('PAR1xxxx'), 'BTC_USDT-1h.parquet')).toThrow(/convert-data --format-from parquet/);
    expect(() => parseDataFile(bytes(PUB + 'backtest-result.meta.json'), 'backtest-result.meta.json')).toThrow(/only the export's metadata/);
    expect(() => parseDataFile(strToU8('{"latest_backtest":"backtest-result-2024.zip"}'), '.last_result.json')).toThrow(/drop backtest-result-2024\.zip instead/);
  });

  it('refuses a file of another kind than the input expects', () => {
    expect(() => parseDataFile(bytes(PUB + 'strategy_SampleStrategy.fthypt'), 'strategy_SampleStrategy.fthypt', 'backtest')).toThrow(/looks like a freqtrade hyperopt result.*expects a freqtrade backtest export/);
  });
});

describe('hyperopt results', () => {
  it('reads every epoch of the sample with its own trade counts and profits', () => {
    const lines = text(PUB + 'strategy_SampleStrategy.fthypt').trim().split('\n').map((l) => JSON.parse(l));
    const run = parseHyperoptResults(text(PUB + 'strategy_SampleStrategy.fthypt'), 'strategy_SampleStrategy.fthypt');
    expect(run.epochs.length).toBe(lines.length);
    run.epochs.forEach((e, i) => {
      expect(e.epoch).toBe(lines[i].current_epoch);
      expect(e.loss).toBe(lines[i].loss);
      expect(e.totalTrades).toBe(lines[i].results_metrics.total_trades);
      expect(e.totalTrades).toBe(lines[i].results_metrics.trades.length);
      expect(e.profitTotal).toBe(lines[i].results_metrics.profit_total);
      expect(e.isBest).toBe(lines[i].is_best);
    });
    // Sharpe per trade exists exactly for epochs with ≥ 2 trades of non-zero spread.
    expect(run.epochs.map((e) => e.tradeSharpe === null)).toEqual([true, true, false, false, false]);
    expect(detectDataFileKind(bytes(PUB + 'strategy_SampleStrategy.fthypt'), 'renamed.json')).toBe('hyperopt');
  });

  it('names the line and field of a bad epoch', () => {
    const good = text(PUB + 'strategy_SampleStrategy.fthypt').trim().split('\n');
    const o = JSON.parse(good[3]);
    o.results_metrics.total_trades = -2;
    expect(() => parseHyperoptResults([good[0], good[1], good[2], JSON.stringify(o)].join('\n'), 'h.fthypt')).toThrow(/h\.fthypt \(line 4, epoch on line 4, field "results_metrics\.total_trades"\)/);
    expect(() => parseHyperoptResults(`${good[0]}\n{"loss": 1,`, 'h.fthypt')).toThrow(/line 2.*not a JSON object/);
  });
});

describe('feather candles (Arrow IPC, LZ4 frames)', () => {
  const samples: [string, number, string, string][] = [
    ['ADA_BTC-5m.feather', 5720, '2018-01-10T04:55:00.000Z', '2018-01-30T04:50:00.000Z'],
    ['XRP_ETH-5m.feather', 706, '2019-10-11T00:00:00.000Z', '2019-10-13T11:15:00.000Z'],
    ['UNITTEST_BTC-30m.feather', 1920, '2017-12-03T13:00:00.000Z', '2018-01-12T12:30:00.000Z'],
    ['XRP_USDT_USDT-1h-futures.feather', 100, '2021-11-17T01:00:00.000Z', '2021-11-21T04:00:00.000Z'],
  ];
  for (const [f, rows, first, last] of samples) {
    it(f, () => {
      const { data, format } = parseFeatherCandles(bytes(FIX + f), f);
      expect(format.kind).toBe('feather');
      expect(data.close.length).toBe(rows);
      expect(new Date(data.time[0]).toISOString()).toBe(first);
      expect(new Date(data.time[rows - 1]).toISOString()).toBe(last);
    });
  }

  it('agrees candle for candle with the JSON copy of the same market', () => {
    const feather = parseFeatherCandles(bytes(FIX + 'XRP_ETH-5m.feather'), 'XRP_ETH-5m.feather').data;
    const json = parseDataFile(bytes(PUB + 'XRP_ETH-5m.json'), 'XRP_ETH-5m.json');
    if (json.kind !== 'candles') throw new Error('expected candles');
    const byTime = new Map<number, number>();
    json.result.data.time.forEach((t, i) => byTime.set(t, i));
    let compared = 0;
    feather.time.forEach((t, i) => {
      const j = byTime.get(t);
      if (j === undefined) return;
      compared++;
      expect(feather.close[i]).toBe(json.result.data.close[j]);
      expect(feather.volume[i]).toBe(json.result.data.volume[j]);
    });
    expect(compared).toBeGreaterThan(700);
  });
});

describe('fuzz: damaged files fail only with the reader\'s own error naming where', () => {
  const ownError = (e: unknown) => e instanceof FreqtradeFileError || e instanceof OhlcvError;
  const backtest = bytes(PUB + 'backtest-result.json');
  const feather = bytes(FIX + 'XRP_ETH-5m.feather');
  const fthypt = bytes(PUB + 'strategy_SampleStrategy.fthypt');

  function mutate(src: Uint8Array, cuts: { at: number; len: number; byte: number }[]): Uint8Array {
    const out = src.slice();
    for (const c of cuts) for (let k = 0; k < c.len && c.at + k < out.length; k++) out[c.at + k] = c.byte;
    return out;
  }
  const damage = (len: number) => fc.array(fc.record({ at: fc.nat(len - 1), len: fc.integer({ min: 1, max: 8 }), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 4 });

  for (const [name, src, file, kind] of [
    ['backtest JSON', backtest, 'backtest-result.json', 'backtest'],
    ['hyperopt lines', fthypt, 'run.fthypt', 'hyperopt'],
    ['feather', feather, 'XRP_ETH-5m.feather', 'candles'],
  ] as const) {
    it(`${name}: byte damage and truncation`, () => {
      fc.assert(fc.property(damage(src.length), fc.nat(src.length), (cuts, keep) => {
        const input = mutate(src, cuts).subarray(0, Math.max(1, keep));
        try {
          parseDataFile(input, file, kind);
        } catch (e) {
          if (!ownError(e)) throw new Error(`foreign error: ${(e as Error).stack}`, { cause: e });
          expect((e as Error).message).toMatch(new RegExp(`^(${file.replace('.', '\\.')}|row|XRP)`));
        }
      }), { numRuns: 150, seed: 1010 });
    });
  }

  it('zip: damaged archives', () => {
    const zip = zipSync({ 'backtest-result-1.json': backtest.subarray(0, 20000) }, { level: 0 });
    fc.assert(fc.property(damage(zip.length), (cuts) => {
      try {
        parseDataFile(mutate(zip, cuts), 'run.zip', 'backtest');
      } catch (e) {
        if (!ownError(e)) throw new Error(`foreign error: ${(e as Error).stack}`, { cause: e });
        expect((e as Error).message).toMatch(/^run\.zip/);
      }
    }), { numRuns: 150, seed: 1011 });
  });

  it('structurally wrong JSON values in trades', () => {
    const raw = JSON.parse(text(PUB + 'backtest-result.json'));
    const fields = ['pair', 'open_timestamp', 'close_timestamp', 'profit_ratio', 'profit_abs', 'stake_amount', 'leverage'];
    fc.assert(fc.property(fc.nat(178), fc.constantFrom(...fields), fc.oneof(fc.string(), fc.constant(null), fc.double(), fc.array(fc.nat()), fc.boolean()), (k, field, v) => {
      const copy = structuredClone(raw);
      copy.strategy.StrategyTestV3.trades[k][field] = v;
      copy.strategy.StrategyTestV3.trades[k].open_date = null;
      copy.strategy.StrategyTestV3.trades[k].close_date = null;
      try {
        parseBacktestExport(JSON.stringify(copy), 'b.json');
      } catch (e) {
        if (!(e instanceof FreqtradeFileError)) throw e;
        expect(e.message).toContain(`trade ${k + 1} of strategy StrategyTestV3`);
        expect(e.where.field).toBeTruthy();
      }
    }), { numRuns: 200, seed: 1012 });
  });
});

describe('own members CSV', () => {
  const csv = 'date,qar_quantum,momentum\n2018-01-10T04:55:00Z,0.61,1.5\n2018-01-10T05:00:00Z,0.40,-0.3\n2018-01-10T05:05:00Z,,0.2\n';
  it('reads probabilities and scores, aligns them to candles, and names bad cells', () => {
    const m = parseMembersCsv(csv, 'members.csv');
    expect(m.members.map((c) => [c.name, c.scale])).toEqual([['qar_quantum', 'probability'], ['momentum', 'score']]);
    expect(Number.isNaN(m.members[0].values[2])).toBe(true);
    const eth = parseDataFile(bytes(PUB + 'ETH_BTC-5m.json'), 'ETH_BTC-5m.json');
    if (eth.kind !== 'candles') throw new Error('candles');
    const a = alignMembers(m, eth.result.data);
    expect(a.matched).toBe(3);
    expect(a.columns[0].values[0]).toBe(0.61);
    expect(() => parseMembersCsv(csv.replace('0.40', '0.4x'), 'm.csv')).toThrow(/m\.csv \(line 3, field "qar_quantum"\)/);
    expect(detectDataFileKind(new TextEncoder().encode(csv), 'members.csv')).toBe('members');
  });

  it('look-ahead check: identical on shared bars passes, a changed past value is caught', () => {
    const full = parseMembersCsv(csv, 'full.csv');
    const cut = parseMembersCsv(csv.split('\n').slice(0, 3).join('\n'), 'cut.csv');
    expect(lookAheadCheck(full, cut).members.every((m) => m.changedBars === 0)).toBe(true);
    const leaky = parseMembersCsv(csv.split('\n').slice(0, 3).join('\n').replace('0.40', '0.45'), 'cut.csv');
    const r = lookAheadCheck(full, leaky);
    expect(r.members[0]).toEqual({ name: 'qar_quantum', changedBars: 1, firstChangedTime: Date.parse('2018-01-10T05:00:00Z') });
  });
});

describe('own members in place of the stand-ins', () => {
  it('probability columns pass through, scores get the causal mapping, bars without a row are the 0.5 default', async () => {
    const { ownMemberProbabilities } = await import('../../../src/engine/market/ownMembers');
    const eth = parseDataFile(bytes(PUB + 'ETH_BTC-5m.json'), 'ETH_BTC-5m.json');
    if (eth.kind !== 'candles') throw new Error('candles');
    const d = eth.result.data;
    const rows = ['date,p,score'];
    for (let t = 0; t < 2000; t++) rows.push(`${d.time[t]},${t % 7 === 0 ? '' : (0.4 + 0.2 * ((t * 37) % 11) / 10).toFixed(3)},${Math.sin(t / 9).toFixed(5)}`);
    const m = ownMemberProbabilities(d, parseMembersCsv(rows.join('\n'), 'm.csv'));
    expect(m.ids).toEqual(['p', 'score']);
    expect(m.scales).toEqual(['probability', 'score']);
    expect(m.matchedBars).toBe(2000);
    expect(m.probs[0][1]).toBeCloseTo(0.4 + 0.2 * (37 % 11) / 10, 3);
    expect([m.probs[0][7], m.isDefault[0][7]]).toEqual([0.5, 1]);
    expect(m.probs[0][3000]).toBe(0.5); // no row for this bar
    // The score column is mapped by a fit on past bars only: before the first fit it is the default.
    expect(m.isDefault[1][100]).toBe(1);
    expect(m.isDefault[1][1500]).toBe(0);
  });
});
