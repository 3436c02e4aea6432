import { describe, it, expect } from 'vitest';
import { buildReportHtml, sanitizeHtml, sanitizeCss, isInertUrl, tableHtml, type ReportInput } from '../../src/ui/export/report';

const SHARE = 'http://127.0.0.1:4319/#/nb/luck-or-skill/x1.eJyrVkrLz1eyUkpKLFKqBQA';

/** What the page cleaner produces, plus everything a hostile or careless notebook could slip in. */
const ARTICLE = `<article class="notebook" data-notebook="luck-or-skill"><header class="nb-header"><h1>Luck or skill?</h1><p class="lede">Coin flips.</p></header><div data-report-meta=""></div>
<div class="prose"><p>See <a href="https://en.wikipedia.org/wiki/Wilson_score_interval">Wilson</a> and <a href="#/nb/other">another notebook</a> and <a href="javascript:alert(1)">this</a>.</p>
<span class="katex"><math><mi>p</mi></math></span></div>
<script>fetch('https://evil.example/')</script><SCRIPT src="https://evil.example/x.js"></SCRIPT>
<section class="cell" data-cell="simulate" onclick="alert(1)"><dl class="inspector"><div class="kv" data-name="wins"><dt>wins</dt><dd data-value="262" onmouseover='x()'>262</dd></div></dl></section>
<img src="https://tracker.example/p.gif" alt="t"><img src="data:image/png;base64,iVBORw0KGgo=" alt="ok">
<iframe src="https://evil.example/"></iframe><link rel="stylesheet" href="https://cdn.example/k.css"><object data="https://x.example/o"></object>
<figure class="plot"><svg xmlns="http://www.w3.org/2000/svg" width="640" height="320"><style>.plot-1 { fill: url(https://x.example/f.svg#g); } @import url("https://x.example/i.css");</style><image href="https://x.example/i.png"/><use href="#m"/><a xlink:href="https://x.example/">t</a><g style="background:url('http://x.example/b.png')"><text>0.8 claim</text></g></svg></figure>
<div title="a>b" class="weird">x &lt;b&gt; y</div> <p>1 < 2 <img src=https://unquoted.example/x onerror=alert(1)></p>
<!-- <script>evil()</script> -->
</article>`;

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    title: 'Luck or skill? <How many>',
    summary: 'Coin flips.',
    notebookId: 'luck-or-skill',
    seed: 20261124,
    shareLink: SHARE,
    generatedAt: '2026-01-02T03:04:05.000Z',
    playgroundVersion: '0.1.0',
    inputs: [{ name: 'decisions', label: 'Number of decisions', value: 500 }],
    verdicts: [{ claim: 'This run shows skill', verdict: 'not measurable here', rule: 'supported iff lower > 0.5; here 0.47 – 0.56' }],
    articleHtml: ARTICLE,
    css: `.katex { font: normal 1.21em KaTeX_Main, serif; } @font-face { font-family: KaTeX_Main; src: url(/assets/KaTeX_Main-Regular.woff2) format("woff2"); } @import "https://fonts.example/x.css"; .x { background: url(data:image/png;base64,AAAA) } </style><script>alert(1)</script>`,
    warnings: ['1 cell was still running'],
    ...overrides,
  };
}

/** Every URL in a src/href-like attribute, in any quoting. */
function urlAttributes(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href|xlink:href|srcset|data|action|poster)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => m[1] ?? m[2] ?? m[3]);
}

describe('offline report', () => {
  const html = buildReportHtml(input());

  it('is one HTML document with inline CSS and a policy that blocks every request', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8" />');
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:/);
    expect(html.match(/<style>/g)).not.toBeNull();
    expect(html).toContain('.katex { font: normal 1.21em KaTeX_Main');
  });

  it('has no script and no event handler anywhere', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son\w+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/<(iframe|object|embed|link)\b/i);
  });

  it('requests nothing: the only external address in src/href is the share link; CSS urls are data: or gone', () => {
    const urls = urlAttributes(html);
    expect(urls.filter((u) => /^\s*(https?:)?\/\//i.test(u))).toEqual([SHARE]);
    expect(urls.every((u) => u === SHARE || isInertUrl(u))).toBe(true);
    expect(html).not.toMatch(/url\(\s*['"]?(https?:|\/)/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).toContain('url(data:image/png;base64,AAAA)');
    // External links keep their text and show where they pointed.
    expect(html).toMatch(/<a title="https:\/\/en.wikipedia.org\/wiki\/Wilson_score_interval">Wilson<\/a>/);
    expect(html).toContain('<a href="#/nb/other">another notebook</a>');
    expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="ok">');
  });

  it('states the seed, the share link, the date, the version, the inputs and the verdicts with their rules', () => {
    expect(html).toContain('<dd data-testid="report-seed">20261124</dd>');
    expect(html).toContain(`href="${SHARE}">${SHARE}</a>`);
    expect(html).toContain('2026-01-02T03:04:05.000Z');
    expect(html).toContain('<dd data-testid="report-version">0.1.0</dd>');
    expect(html).toContain('Number of decisions');
    expect(html).toContain('supported iff lower &gt; 0.5; here 0.47 – 0.56');
    expect(html).toContain('1 cell was still running');
    expect(html).toContain('<title>Luck or skill? &lt;How many&gt; — report</title>');
  });

  it('keeps the figures: values, prose, math, chart SVG with its own style', () => {
    expect(html).toContain('<dd data-value="262">262</dd>');
    expect(html).toContain('<span class="katex"><math><mi>p</mi></math></span>');
    expect(html).toContain('<text>0.8 claim</text>');
    expect(html).toMatch(/<use href="#m"\s*\/>/);
    expect(html).toContain('<style>.plot-1 { fill: none; } </style>');
    // The facts go where the page marked them, after the header.
    expect(html.indexOf('About this report')).toBeGreaterThan(html.indexOf('<h1>Luck or skill?</h1>'));
  });

  it('escapes text that is not a well-formed tag, so nothing skipped can become markup', () => {
    expect(html).toContain('<div title="a&gt;b" class="weird">x &lt;b&gt; y</div>');
    expect(html).toContain('1 &lt; 2 <img>');
    expect(sanitizeHtml('<p>a <img src=x onerror=alert(1)')).toBe('<p>a &lt;img src=x onerror=alert(1)');
  });

  it('puts the report facts first when the page has no marker', () => {
    const out = buildReportHtml(input({ articleHtml: '<article class="notebook"><p>x</p></article>', warnings: [] }));
    expect(out.indexOf('About this report')).toBeLessThan(out.indexOf('<p>x</p>'));
  });
});

describe('report building blocks', () => {
  it('inert URLs: fragments, data images and fonts only', () => {
    for (const ok of ['#x', '', 'data:image/png;base64,AA', 'data:font/woff2;base64,AA']) expect(isInertUrl(ok), ok).toBe(true);
    for (const bad of ['http://a', 'https://a', '//a', '/assets/x.woff2', 'x.png', 'java\tscript:alert(1)', 'data:text/html,<script>', '&#104;ttp://a', ' https://a']) expect(isInertUrl(bad), bad).toBe(false);
  });

  it('CSS cannot import, fetch or close its style element', () => {
    expect(sanitizeCss('@import url(x.css); a{b:url("https://x")} c{d:url(data:font/woff2;base64,AA)} </style>')).toBe(' a{b:none} c{d:url(data:font/woff2;base64,AA)} \\3c /style>');
  });

  it('tables: header, escaped cells, exact values kept for numbers', () => {
    expect(tableHtml({ caption: 'c', columns: ['x', '<y>'], rows: [[1 / 3, 'a&b']] })).toBe(
      '<div class="table-wrap"><table><caption>c</caption><thead><tr><th scope="col">x</th><th scope="col">&lt;y&gt;</th></tr></thead><tbody>\n<tr><td class="num" data-value="0.3333333333333333">0.33333</td><td>a&amp;b</td></tr>\n</tbody></table></div>',
    );
  });
});
