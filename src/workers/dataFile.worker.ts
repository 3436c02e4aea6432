/**
 * Reads a file the user dropped, off the page's thread: the same reader and minimum-size check as the notebook
 * worker and `--data`, plus the SHA-256 a share link records. A 50 MB candle file never blocks the page.
 */
import { parseDataFile, checkMinimumRows, describeDataFile, sha256Hex, type DataFileKind } from '../engine/market/index';

export interface DataFileRequest {
  /** The dropped File: passed by reference, read here. */
  file: Blob;
  fileName: string;
  accept: DataFileKind;
  minRows?: number;
  label: string;
  companions: { name: string; text: string }[];
}
export type DataFileReply = { ok: true; kind: DataFileKind; summary: string; sha256: string } | { ok: false; message: string };

self.onmessage = async (e: MessageEvent<DataFileRequest>) => {
  const r = e.data;
  let reply: DataFileReply;
  try {
    const bytes = new Uint8Array(await r.file.arrayBuffer());
    const parsed = parseDataFile(bytes, r.fileName, r.accept, r.companions);
    checkMinimumRows(parsed, r.minRows, r.fileName, r.label);
    reply = { ok: true, kind: parsed.kind, summary: describeDataFile(parsed), sha256: await sha256Hex(bytes) };
  } catch (err) {
    const msg = (err as Error).message;
    reply = { ok: false, message: msg.startsWith(r.fileName) ? msg : `${r.fileName}: ${msg}` };
  }
  (self as unknown as Worker).postMessage(reply);
};
