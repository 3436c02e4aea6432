import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const IMPORT_RE = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

describe('layering', () => {
  it('src/engine imports only src/engine and non-UI packages (no DOM, no Svelte, no notebook/share/workers/ui)', () => {
    const root = resolve('src/engine');
    const offenders: string[] = [];
    for (const f of files(root)) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(IMPORT_RE)) {
        const spec = m[1] ?? m[2];
        if (spec.startsWith('.')) {
          const target = resolve(dirname(f), spec);
          if (!target.startsWith(root)) offenders.push(`${relative('.', f)} imports ${spec}`);
        } else if (/^(svelte|@sveltejs|monaco-editor|@observablehq\/plot)/.test(spec) || spec.endsWith('.svelte')) {
          offenders.push(`${relative('.', f)} imports ${spec}`);
        }
      }
      if (/\bMath\.random\s*\(|\bDate\.now\s*\(/.test(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''))) offenders.push(`${relative('.', f)} uses Math.random or Date.now`);
    }
    expect(offenders).toEqual([]);
  });

  it('src/notebook imports only src/notebook and src/engine (the host and its protocol never depend on workers/, ui/ or share/)', () => {
    const root = resolve('src/notebook');
    const engine = resolve('src/engine');
    const offenders: string[] = [];
    for (const f of files(root)) {
      for (const m of readFileSync(f, 'utf8').matchAll(IMPORT_RE)) {
        const spec = m[1] ?? m[2];
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(f), spec);
        if (!target.startsWith(root) && !target.startsWith(engine)) offenders.push(`${relative('.', f)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
