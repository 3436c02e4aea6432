import { describe, it, expect } from 'vitest';
import { renderInlineMarkdown, renderMarkdown } from '../../src/ui/markdown';

describe('prose: units apart from numbers by a narrow no-break space', () => {
  it('joins number and unit in text, not inside code spans', () => {
    const html = renderMarkdown('A hold of 50 ms, a step of 5µs; `sleep(50 ms)` stays code.');
    expect(html).toContain('50\u202fms');
    expect(html).toContain('5\u202fµs');
    expect(html).toContain('<code>sleep(50 ms)</code>');
  });
  it('inline Markdown for table cells renders code and math', () => {
    const html = renderInlineMarkdown('multiplies |1⟩ by $e^{i\\pi/4}$; alias `cnot`');
    expect(html).toContain('class="katex"');
    expect(html).toContain('<code>cnot</code>');
    expect(html).not.toContain('$');
    expect(html).not.toContain('<p>');
  });
});
