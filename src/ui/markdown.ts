import MarkdownIt from 'markdown-it';
import katexPlugin from '@vscode/markdown-it-katex';
import 'katex/dist/katex.min.css';

// Raw HTML stays off: notebooks can be dropped in by users, and prose must not become a script channel.
const md = new MarkdownIt({ html: false, linkify: true, typographer: true });
md.use((katexPlugin as unknown as { default?: typeof katexPlugin }).default ?? katexPlugin, { throwOnError: false });

export function renderMarkdown(text: string): string {
  return md.render(text);
}
