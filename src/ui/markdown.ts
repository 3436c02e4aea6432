import MarkdownIt from 'markdown-it';
import katexPlugin from '@vscode/markdown-it-katex';
import 'katex/dist/katex.min.css';
import { unitSpaces } from './format';

// Raw HTML stays off: notebooks can be dropped in by users, and prose must not become a script channel.
const md = new MarkdownIt({ html: false, linkify: true, typographer: true });
md.use((katexPlugin as unknown as { default?: typeof katexPlugin }).default ?? katexPlugin, { throwOnError: false });

// A short inline formula is one word: it never breaks across lines ("R_Y(2 arcsin" | "√p_i)" at 390 px). Longer
// ones keep KaTeX's breaks after relations and operators, so they cannot push a phone page sideways.
const SHORT_INLINE_MATH = 40;
const defaultMathInline = md.renderer.rules.math_inline!;
md.renderer.rules.math_inline = (tokens, idx, options, env, self) => {
  const html = defaultMathInline(tokens, idx, options, env, self);
  return tokens[idx].content.length <= SHORT_INLINE_MATH ? `<span class="math-short">${html}</span>` : html;
};

// Units stand apart from numbers by a narrow no-break space ("50 ms" never breaks, "12µs" is not glued): only in
// plain text tokens, never inside code spans or math.
md.core.ruler.push('unit_spaces', (state) => {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    for (const t of block.children) if (t.type === 'text') t.content = unitSpaces(t.content);
  }
});

// Code blocks scroll sideways when long: make them reachable by keyboard (axe: scrollable-region-focusable).
const defaultFence = md.renderer.rules.fence!;
md.renderer.rules.fence = (tokens, idx, options, env, self) => defaultFence(tokens, idx, options, env, self).replace(/^<pre/, '<pre tabindex="0"');
const defaultCodeBlock = md.renderer.rules.code_block!;
md.renderer.rules.code_block = (tokens, idx, options, env, self) => defaultCodeBlock(tokens, idx, options, env, self).replace(/^<pre/, '<pre tabindex="0"');
// Wide tables in prose scroll inside their own focusable region instead of the page.
md.renderer.rules.table_open = () => '<div class="table-wrap" tabindex="0" role="region" aria-label="table"><table>\n';
md.renderer.rules.table_close = () => '</table></div>\n';

export function renderMarkdown(text: string): string {
  return md.render(text);
}

/** One line of inline Markdown (code spans, $math$, emphasis) without a paragraph: for table cells. */
export function renderInlineMarkdown(text: string): string {
  return md.renderInline(text);
}
