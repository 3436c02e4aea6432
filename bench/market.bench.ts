/**
 * Market engine benchmark: parse BTC_USDT-1h.csv (64,524 bars), compute the 14 board members' raw scores and
 * their walk-forward probabilities. Peers measured in the same run: papaparse tokenising the same text,
 * JSON.parse of a freqtrade file versus our scanner. Run: `npx tsx bench/market.bench.ts`
 * Times are medians of several runs; on a shared machine absolute numbers are noisy, ratios less so.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { parseOhlcvCsv } from '../src/engine/market/csv';
import { parseFreqtradeJson } from '../src/engine/market/freqtrade';
import { MEMBERS } from '../src/engine/market/members/index';
import { computeMemberProbabilities, toProbabilities, DEFAULT_MAPPING } from '../src/engine/market/probabilities';
import { upLabels } from '../src/engine/market/returns';
import { warmMedianOfRuns as median } from './timing';


const csv = readFileSync('public/data/BTC_USDT-1h.csv', 'utf8');
const json = readFileSync('public/data/freqtrade/ADA_BTC-1m.json', 'utf8');
const { data } = parseOhlcvCsv(csv, { fileName: 'BTC_USDT-1h.csv' });
const T = data.time.length;
const up = upLabels(data.close);
const raws = MEMBERS.map((m) => m.signal(data, m.params));

const rows: [string, number, string][] = [];
const add = (name: string, ms: number, note = '') => rows.push([name, ms, note]);

const tParse = median(() => parseOhlcvCsv(csv), 7);
const tPapa = median(() => Papa.parse(csv, { dynamicTyping: true, skipEmptyLines: true }), 7);
add('parseOhlcvCsv BTC_USDT-1h (3.8 MB)', tParse, `${(tParse / tPapa).toFixed(2)}× papaparse`);
add('  peer: papaparse dynamicTyping, no checks', tPapa);
const tFt = median(() => parseFreqtradeJson(json), 7);
const tJson = median(() => JSON.parse(json), 7);
add('parseFreqtradeJson ADA_BTC-1m (1.1 MB)', tFt, `${(tFt / tJson).toFixed(2)}× JSON.parse`);
add('  peer: JSON.parse, no checks', tJson);

let tRawTotal = 0;
for (const m of MEMBERS) { const t = median(() => m.signal(data, m.params), 5); tRawTotal += t; add(`  raw ${m.id}`, t); }
add('14 raw signals (sum)', tRawTotal, `${((tRawTotal * 1e6) / (T * 14)).toFixed(1)} ns/bar/member`);
const tMap = median(() => { for (const r of raws) toProbabilities(r, up, DEFAULT_MAPPING); }, 3);
add(`14 Platt mappings (refit ${DEFAULT_MAPPING.refitEvery}, window ${DEFAULT_MAPPING.window})`, tMap, `${Math.round((T - DEFAULT_MAPPING.minHistory) / DEFAULT_MAPPING.refitEvery) * 14} fits`);
const tExp = median(() => { for (const r of raws) toProbabilities(r, up, { ...DEFAULT_MAPPING, window: Infinity, refitEvery: 2000 }); }, 3);
add('  variant: expanding window, refit 2000', tExp);
const tAll = median(() => computeMemberProbabilities(data), 3);
add('computeMemberProbabilities (all 14, end to end)', tAll, `goal < 1000 ms: ${tAll < 1000 ? 'met' : 'NOT met'}`);
add('parse + all members + probabilities', tParse + tAll);

const w = Math.max(...rows.map((r) => r[0].length));
console.log(`market bench: ${T} bars × ${MEMBERS.length} members (Node ${process.version}; shared machine, noisy)\n`);
console.log(`${'step'.padEnd(w)}  ${'median ms'.padStart(10)}  note`);
for (const [name, ms, note] of rows) console.log(`${name.padEnd(w)}  ${ms.toFixed(1).padStart(10)}  ${note}`);
