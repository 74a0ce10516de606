/**
 * The documentation site: the Markdown renderer (markdown-it), the page template (back link, CSP, no
 * inline script or style), every real page rendered whole, the dev-server answers, the developers'
 * documents kept out, and the Vite plugin in a real build and a real dev server.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, createServer } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../scripts/docs-markdown.ts';
import {
  buildDocsSite,
  docsResponse,
  docsSite,
  listDocs,
  renderDocPage,
  rewriteLink,
} from '../scripts/docs-site.ts';

const DOCS = resolve(import.meta.dirname, '../docs');
const html = (md: string) => renderMarkdown(md, { link: rewriteLink }).html;

describe('renderMarkdown', () => {
  it.each([
    ['a heading with an id', '## How to fix it', '<h2 id="how-to-fix-it">How to fix it</h2>'],
    ['repeated headings with distinct ids', '## A\n## A', '<h2 id="a">A</h2>\n<h2 id="a-2">A</h2>'],
    ['a paragraph over two lines', 'one\ntwo', '<p>one\ntwo</p>'],
    ['bold, italic and code', '**b** *i* `c*d*`', '<p><strong>b</strong> <em>i</em> <code>c*d*</code></p>'],
    ['no emphasis inside words or around spaces', 'snake_case a * b * c', '<p>snake_case a * b * c</p>'],
    ['a relative .md link as .html', '[x](../rules/a.md#b)', '<p><a href="../rules/a.html#b">x</a></p>'],
    ['an external link as written', '[x](https://e.org/a.md)', '<p><a href="https://e.org/a.md">x</a></p>'],
    ['a tight list', '- a\n- b', '<ul>\n<li>a</li>\n<li>b</li>\n</ul>'],
    ['a nested list', '- a\n  - b', '<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>'],
    ['an ordered list with a lazy line', '1. a\nmore\n2. b', '<ol>\n<li>a\nmore</li>\n<li>b</li>\n</ol>'],
    ['an ordered list starting at 3', '3. a', '<ol start="3">\n<li>a</li>\n</ol>'],
    ['a loose list', '- a\n\n- b', '<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>'],
    ['a block quote', '> note', '<blockquote>\n<p>note</p>\n</blockquote>'],
    ['a rule', '---', '<hr>'],
    ['fenced code, escaped', '```\n<b> & x\n```', '<pre><code>&lt;b&gt; &amp; x\n</code></pre>'],
    [
      'a heading with markup, by its text',
      '## The `x` *rule*',
      '<h2 id="the-x-rule">The <code>x</code> <em>rule</em></h2>',
    ],
    ['a heading of symbols', '## ???', '<h2 id="section">???</h2>'],
    ['escaped characters', '\\*not em\\*', '<p>*not em*</p>'],
  ])('renders %s', (_, md, expected) => {
    expect(html(md)).toBe(expected);
  });

  it('renders a table with column headers and escaped pipes, without inline styles', () => {
    const out = html('| a | b |\n|---|:-:|\n| `x\\|y` | 1 \\| 2 |\n| short |');
    expect(out.replace(/\n/g, '')).toBe(
      '<table><thead><tr><th scope="col">a</th><th scope="col">b</th></tr></thead><tbody>' +
        '<tr><td><code>x|y</code></td><td>1 | 2</td></tr><tr><td>short</td><td></td></tr></tbody></table>',
    );
  });

  it('escapes every HTML character of the source, in text, links and headings', () => {
    const out = html('# <i>T</i>\n\n<script>alert("x")</script> & \'q\'\n\n[<b>](a.md?x="1")');
    expect(out).not.toMatch(/<(script|i|b)>/);
    expect(out).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 'q'");
    expect(out).toContain('<a href="a.md?x=%221%22">&lt;b&gt;</a>');
    expect(html('[x](javascript:alert(1))')).not.toContain('href');
  });

  it('takes the title from the first level-1 heading, without markup', () => {
    expect(renderMarkdown('intro\n\n# The `x` rule\n\n# Other').title).toBe('The x rule');
    expect(renderMarkdown('## no title').title).toBeNull();
  });
});

describe('renderDocPage', () => {
  it.each([
    ['index.md', '../index.html', 'docs.css'],
    ['rules/teacher-email.md', '../../index.html', '../docs.css'],
    ['a/b/c.md', '../../../index.html', '../../docs.css'],
  ])('links %s back to the app and to the stylesheet', (path, app, css) => {
    const page = renderDocPage('# T\n\n[next](other.md)', path);
    expect(page).toContain(`<a href="${app}">Back to Roster Check</a>`);
    expect(page).toContain(`<link rel="stylesheet" href="${css}">`);
    expect(page).toContain('<a href="other.html">next</a>');
  });

  it('is a complete document with a language, a title, landmarks and the CSP', () => {
    const page = renderDocPage('# Empty ID & more', 'rules/id-missing.md');
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'">`);
    expect(page).toContain('<title>Empty ID &amp; more · Roster Check</title>');
    expect(page).toMatch(/<nav aria-label="Documentation">[\s\S]*<main id="content">[\s\S]*<\/main>/);
    expect(page).toContain('<a href="../index.html">All documentation</a>');
  });
});

describe('the real documentation pages', () => {
  const site = buildDocsSite(DOCS);
  const pages = [...site].filter(([path]) => path.endsWith('.html'));
  const ids = (page: string) => new Set([...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));

  it('are all rendered, with the stylesheet', () => {
    expect(site.has('index.html')).toBe(true);
    expect(site.has('rules/teacher-email.html')).toBe(true);
    expect(site.has('formats/clever.html')).toBe(true);
    expect(pages.length).toBe(listDocs(DOCS).length);
    expect(site.get('docs.css')).toBe(readFileSync(join(DOCS, 'docs.css'), 'utf8'));
  });

  it("leave the developers' documents out", () => {
    for (const doc of ['architecture.md', 'decisions.md', 'performance.md'])
      expect(existsSync(join(DOCS, 'dev', doc)), doc).toBe(true);
    const published = [...site.keys(), ...listDocs(DOCS)];
    expect(published.filter((p) => /^dev\/|architecture|decisions|performance/.test(p))).toEqual([]);
    expect(docsResponse(DOCS, '/', '/docs/dev/architecture.html')).toBeNull();
    expect(docsResponse(DOCS, '/', '/docs/architecture.html')).toBeNull();
  });

  it.each(pages)('%s has a title, one h1 and no Markdown left unrendered', (path, page) => {
    const title = /<title>(.*)<\/title>/.exec(page)![1];
    const h1 = [...page.matchAll(/<h1 id="[^"]+">(.*?)<\/h1>/g)];
    expect(h1).toHaveLength(1);
    if (path !== 'index.html') expect(title).toMatch(/^.+ · Roster Check$/);
    const main = /<main id="content">([\s\S]*)<\/main>/.exec(page)![1];
    const text = main
      .replace(/<pre>[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&');
    expect(text).not.toMatch(/\*\*|__|\]\(|\]\[|`|^\s*#{1,6}\s|^\s*\|.*\|\s*$|^\s*[-*+]\s|^\s*>\s|&lt;/m);
  });

  it.each(pages)('%s has no inline script or style and no link to a missing page or anchor', (path, page) => {
    expect(page).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=|javascript:/i);
    for (const [, href] of page.matchAll(/href="([^"]+)"/g)) {
      if (/^[a-z]+:/i.test(href)) continue;
      const url = new URL(href, `http://site/docs/${path}`);
      const target = url.pathname;
      // The links that leave docs/: back to the app, and the app's icon.
      if (target === '/index.html' || target === '/favicon.svg') continue;
      const file = target.slice('/docs/'.length);
      expect(target.startsWith('/docs/') && site.has(file), `${path} → ${href}`).toBe(true);
      if (url.hash) expect(ids(site.get(file)!).has(url.hash.slice(1)), `${path} → ${href}`).toBe(true);
    }
  });
});

describe("the developers' documents", () => {
  const ROOT = resolve(DOCS, '..');
  const docs = ['README.md', 'docs/dev/architecture.md', 'docs/dev/decisions.md', 'docs/dev/performance.md'];

  it.each(docs)('%s links only to files of the repository, and to headings they have', (doc) => {
    const rendered = renderMarkdown(readFileSync(join(ROOT, doc), 'utf8')).html;
    for (const [, href] of rendered.matchAll(/href="([^"]+)"/g)) {
      if (/^[a-z]+:/i.test(href)) continue;
      const [path, hash] = href.split('#');
      const target = path === '' ? join(ROOT, doc) : resolve(ROOT, doc, '..', decodeURIComponent(path));
      expect(existsSync(target), `${doc} → ${href}`).toBe(true);
      if (hash && target.endsWith('.md')) {
        const ids = renderMarkdown(readFileSync(target, 'utf8')).html.matchAll(/\sid="([^"]+)"/g);
        expect(
          [...ids].map((m) => m[1]),
          `${doc} → ${href}`,
        ).toContain(hash);
      }
    }
  });
});

describe('docsResponse (dev server)', () => {
  it.each([
    ['/docs/rules/teacher-email.html', '/', 'text/html', 'Teacher without a usable email address'],
    ['/docs/', '/', 'text/html', 'Roster Check'],
    ['/docs', '/', 'text/html', 'Roster Check'],
    ['/docs/index.html?x=1', '/', 'text/html', 'Three stages'],
    ['/docs/docs.css', '/', 'text/css', 'color-scheme'],
    ['/app/docs/formats/clever.html', '/app/', 'text/html', 'Clever'],
    ['/docs/formats/remind-csv-2.0.html', './', 'text/html', 'layout reconstructed'],
  ])('answers %s (base %s)', (url, base, type, text) => {
    const answer = docsResponse(DOCS, base, url);
    expect(answer?.contentType).toContain(type);
    expect(answer?.body).toContain(text);
  });

  it.each([
    ['/index.html', '/'],
    ['/docs/rules/nope.html', '/'],
    ['/docs/rules/teacher-email.md', '/'],
    ['/docs/../package.json', '/'],
    ['/docs/%2e%2e/package.json', '/'],
    ['/docs/rules/teacher-email.html', '/app/'],
    ['/docsx/index.html', '/'],
    ['/docs/%E0%A4%A.html', '/'],
  ])('passes %s (base %s) on', (url, base) => {
    expect(docsResponse(DOCS, base, url)).toBeNull();
  });
});

describe('docsSite plugin', () => {
  const root = mkdtempSync(join(tmpdir(), 'docs-site-'));
  mkdirSync(join(root, 'docs/rules'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><html><body><p>app</p></body></html>');
  writeFileSync(join(root, 'docs/index.md'), '# Home\n\n[A rule](rules/a.md)');
  writeFileSync(join(root, 'docs/rules/a.md'), '# Rule <a>\n\nBody.');
  writeFileSync(join(root, 'docs/docs.css'), 'body { margin: 0; }\n');
  mkdirSync(join(root, 'docs/dev'));
  writeFileSync(join(root, 'docs/dev/notes.md'), '# Developer notes');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('emits every page and the stylesheet into the build output', async () => {
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [docsSite()],
      build: { outDir: 'dist', emptyOutDir: true },
    });
    const out = (p: string) => readFileSync(join(root, 'dist', p), 'utf8');
    expect(out('docs/index.html')).toContain('<a href="rules/a.html">A rule</a>');
    expect(out('docs/rules/a.html')).toContain('<h1 id="rule-a">Rule &lt;a&gt;</h1>');
    expect(out('docs/rules/a.html')).toContain('<a href="../../index.html">Back to Roster Check</a>');
    expect(out('docs/docs.css')).toBe('body { margin: 0; }\n');
    expect(out('index.html')).toContain('app');
    expect(existsSync(join(root, 'dist/docs/dev'))).toBe(false);
  });

  it('serves the pages from memory on the dev server', async () => {
    const server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [docsSite()],
      server: { port: 0, host: '127.0.0.1', strictPort: false, ws: false },
    });
    await server.listen();
    try {
      const address = server.httpServer!.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const page = await fetch(`http://127.0.0.1:${port}/docs/rules/a.html`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('Rule &lt;a&gt;');
      const css = await fetch(`http://127.0.0.1:${port}/docs/docs.css`);
      expect(await css.text()).toBe('body { margin: 0; }\n');
    } finally {
      await server.close();
    }
  });
});
