import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeExperiment, encodeExperiment } from '../../src/share/index';

/**
 * Golden links from released versions. They must decode to the same state forever (through
 * migrations once v2 exists); never regenerate these files, add new ones instead.
 */
const dir = join(__dirname, '../fixtures/share/v1');
const links = readdirSync(dir).filter((f) => f.endsWith('.txt'));

describe('golden v1 links', () => {
  it('exist', () => expect(links.length).toBeGreaterThanOrEqual(3));
  for (const f of links) {
    it(`${f} decodes to its expected state and re-encodes to the same link`, () => {
      const link = readFileSync(join(dir, f), 'utf8').trim();
      const expected = JSON.parse(readFileSync(join(dir, f.replace(/\.txt$/, '.expected.json')), 'utf8'));
      expect(decodeExperiment(link)).toEqual(expected);
      // The same payload; links now end with a checksum (`.<6 chars>`), which these older links lack.
      expect(encodeExperiment(expected)).toMatch(new RegExp(`^${link.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.[A-Za-z0-9_-]{6}$`));
    });
  }
});
