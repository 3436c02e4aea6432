import MarkdownIt from 'markdown-it';
import katexPlugin from '@vscode/markdown-it-katex';
import 'katex/dist/katex.min.css';

// Raw HTML stays off: notebooks can be dropped in by users, and prose must not become a script channel.
const md = new MarkdownIt({ html: false, linkify: true, typographer: true });
md.use((katexPlugin as unknown as { default?: typeof katexPlugin }).default ?? katexPlugin, { throwOnError: false });

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
