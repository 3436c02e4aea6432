import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseRoute, viewQuery, parseViewOptions } from '../../src/ui/routes';

describe('parseRoute', () => {
  it('reads home, notebooks, share links and presentation options', () => {
    expect(parseRoute('')).toEqual({ page: 'home' });
    expect(parseRoute('#/')).toEqual({ page: 'home' });
    expect(parseRoute('#/nb/luck-or-skill')).toEqual({ page: 'notebook', id: 'luck-or-skill', view: { present: false, hide: [] } });
    expect(parseRoute('#/nb/a/x1.AbC-_')).toMatchObject({ page: 'notebook', id: 'a', share: 'x1.AbC-_' });
    expect(parseRoute('#/nb/a?present&step=3&hide=code,controls,bogus')).toMatchObject({ view: { present: true, step: 3, hide: ['code', 'controls'] } });
    expect((parseRoute('#/nb/a?present=0') as { view: { present: boolean } }).view.present).toBe(false);
    expect((parseRoute('#/nb/a?present=false&step=2') as { view: { present: boolean } }).view.present).toBe(false);
    expect((parseRoute('#/nb/a?present=1') as { view: { present: boolean } }).view.present).toBe(true);
    expect(parseRoute('#x1.abc')).toEqual({ page: 'share', hash: 'x1.abc' });
    expect(parseRoute('#/nope')).toEqual({ page: 'unknown', hash: '/nope' });
  });
  it('ignores a nonsensical step', () => {
    expect(parseViewOptions('step=0').step).toBeUndefined();
    expect(parseViewOptions('step=2.5').step).toBeUndefined();
  });
  it('viewQuery and parseViewOptions round-trip (property)', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }), fc.subarray(['code', 'controls'] as const), (present, step, hide) => {
        const v = { present: present || step !== undefined, step, hide: [...hide] };
        expect(parseViewOptions(viewQuery(v).slice(1))).toEqual(v);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
  it('never throws on arbitrary hashes (property)', () => {
    fc.assert(fc.property(fc.string(), (h) => void parseRoute(h)), { seed: 42, numRuns: 500 });
  });
});
