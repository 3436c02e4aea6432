// Moved to the engine so the file readers (src/engine/market) can name where a JSON text goes wrong too.
export { jsonErrorPosition } from '../engine/jsonErrorPosition';
