// lz4js 0.2.0 ships no types; only the frame decoder is used (Arrow IPC LZ4_FRAME buffers in feather files).
declare module 'lz4js' {
  export function decompress(src: Uint8Array, maxSize?: number): Uint8Array;
  const lz4: { decompress: typeof decompress };
  export default lz4;
}
