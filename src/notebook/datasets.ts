/**
 * Dataset loading for `loadDataset(id)`: shipped datasets and freqtrade runs listed in public/data/index.json,
 * and files the user dropped on the page (`upload:…` ids, kept in this worker only). Each id is parsed once;
 * a failed load is forgotten so the next call retries.
 */
import type { MainToWorker } from './protocol';

/** A file the user dropped, as the page sent it (see the `addDataset` message). */
export type Upload = Omit<Extract<MainToWorker, { type: 'addDataset' }>, 'type' | 'id'>;

type MarketModule = typeof import('../engine/market/index');

export class DatasetStore {
  private loaded = new Map<string, Promise<unknown>>();
  private files = new Map<string, Upload>();

  /**
   * @param fetchText reads a file shipped under public/
   * @param market the market engine (resolved through the library, so it is loaded on first use)
   */
  constructor(
    private readonly fetchText: (path: string) => Promise<string>,
    private readonly market: () => Promise<MarketModule>,
  ) {}

  /** Add or replace a dropped file; its parsed form is recomputed on next load. */
  addUpload(id: string, upload: Upload): void {
    this.files.set(id, upload);
    this.loaded.delete(id);
  }

  /** The dropped files, by id (handed on to nested notebooks). */
  uploads(): IterableIterator<[string, Upload]> {
    return this.files.entries();
  }

  load(id: string): Promise<unknown> {
    let p = this.loaded.get(id);
    if (!p) {
      p = (async () => {
        const market = await this.market();
        // Candles resolve to the series itself (what every notebook reads); other kinds to their parsed file.
        const unwrap = (f: ReturnType<typeof market.parseDataFile>) => (f.kind === 'candles' ? f.result.data : f);
        if (id.startsWith('upload:')) {
          const up = this.files.get(id);
          if (!up) throw new Error(`dataset '${id}' was a file on another machine or in an earlier visit: files you drop stay in your browser and are not part of links or saved edits. Drop the file again to use it.`);
          const bytes = up.blob ? new Uint8Array(await up.blob.arrayBuffer()) : up.bytes;
          return unwrap(market.parseDataFile(bytes ?? up.text, up.fileName, undefined, up.companions));
        }
        const manifest = JSON.parse(await this.fetchText('data/index.json')) as { datasets: { id: string; file: string }[]; runs?: { id: string; file: string }[] };
        const run = manifest.runs?.find((d) => d.id === id);
        if (run) return unwrap(market.parseDataFile(await this.fetchText(`data/${run.file}`), run.file));
        const entry = manifest.datasets.find((d) => d.id === id);
        if (!entry) throw new Error(`unknown dataset '${id}' (available: ${[...manifest.datasets, ...(manifest.runs ?? [])].map((d) => d.id).join(', ')})`);
        const text = await this.fetchText(`data/${entry.file}`);
        return market.parseOhlcv(text, entry.file).data;
      })();
      this.loaded.set(id, p);
      p.catch(() => this.loaded.delete(id));
    }
    return p;
  }
}
