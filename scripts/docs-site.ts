/**
 * The admin documentation as a static site: every docs/**\/*.md becomes a standalone HTML page at
 * the same relative path (docs/rules/teacher-email.md → docs/rules/teacher-email.html), with
 * docs/docs.css beside them; the developers' documents in docs/dev/ are never published.
 * `docsSite()` is the Vite plugin: at build time it emits the pages into the bundle; in dev it
 * serves them from memory under /docs/. Pages carry no inline script or style, so the site's
 * Content-Security-Policy (default-src 'self') holds for them too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { escapeHtml, renderMarkdown } from './docs-markdown.ts';

/** The folder under the site root the pages are published to, and the stylesheet's name in it. */
export const DOCS_URL_DIR = 'docs';
export const DOCS_STYLESHEET = 'docs.css';
/** The developers' documents (architecture, decisions, performance): kept out of the site. */
export const DEV_DOCS_DIR = 'dev';
const APP_NAME = 'Roster Check';

/** `x.md` and `x.md#part` become `x.html…`; links with a scheme (https:, mailto:) stay as they are. */
export function rewriteLink(href: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return href;
  return href.replace(/\.md(?=#|$)/, '.html');
}

/**
 * One Markdown page as a complete HTML document. `path` is the page's path inside docs/, with `/`
 * separators (e.g. `rules/teacher-email.md`): it decides the relative links to the app and the
 * stylesheet.
 */
export function renderDocPage(markdown: string, path: string): string {
  const up = '../'.repeat(path.split('/').length - 1);
  const { html, title } = renderMarkdown(markdown, { link: rewriteLink });
  const pageTitle = title && title !== APP_NAME ? `${title} · ${APP_NAME}` : APP_NAME;
  const isIndex = path === 'index.md';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(pageTitle)}</title>
<link rel="stylesheet" href="${up}${DOCS_STYLESHEET}">
<link rel="icon" href="${up}../favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip-link" href="#content">Skip to content</a>
<header>
<nav aria-label="Documentation">
<a href="${up}../index.html">Back to ${APP_NAME}</a>${isIndex ? '' : `\n<a href="${up}index.html">All documentation</a>`}
</nav>
</header>
<main id="content">
${html}
</main>
</body>
</html>
`;
}

/** Paths of the site's pages under `dir` (docs/dev/ left out), relative, `/` separators, sorted. */
export function listDocs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((p) => p.split('\\').join('/'))
    .filter((p) => p.endsWith('.md') && !p.startsWith(`${DEV_DOCS_DIR}/`))
    .sort();
}

const htmlPath = (md: string) => md.replace(/\.md$/, '.html');

/** Every file of the site: output path inside docs/ (e.g. `rules/teacher-email.html`) → content. */
export function buildDocsSite(dir: string): Map<string, string> {
  const site = new Map<string, string>();
  for (const md of listDocs(dir))
    site.set(htmlPath(md), renderDocPage(readFileSync(join(dir, md), 'utf8'), md));
  const css = join(dir, DOCS_STYLESHEET);
  if (existsSync(css)) site.set(DOCS_STYLESHEET, readFileSync(css, 'utf8'));
  return site;
}

export interface DocsResponse {
  contentType: string;
  body: string;
}

/**
 * What the dev server answers for a request URL, or null when it is not a documentation file.
 * Pages are rendered on each request, so an edited page shows on reload.
 */
export function docsResponse(dir: string, base: string, url: string): DocsResponse | null {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return null;
  }
  const prefix = `${base.startsWith('/') ? base.replace(/\/?$/, '/') : '/'}${DOCS_URL_DIR}`;
  if (path !== prefix && !path.startsWith(`${prefix}/`)) return null;
  let rest = path.slice(prefix.length + 1);
  if (rest === '' || rest.endsWith('/')) rest += 'index.html';
  if (rest === DOCS_STYLESHEET && existsSync(join(dir, rest)))
    return { contentType: 'text/css; charset=utf-8', body: readFileSync(join(dir, rest), 'utf8') };
  const md = rest.replace(/\.html$/, '.md');
  // Only pages that listDocs finds are served: nothing outside docs/ can be reached.
  if (!rest.endsWith('.html') || !listDocs(dir).includes(md)) return null;
  return {
    contentType: 'text/html; charset=utf-8',
    body: renderDocPage(readFileSync(join(dir, md), 'utf8'), md),
  };
}

export interface DocsSiteOptions {
  /** The Markdown folder, relative to the Vite root (default `docs`). */
  dir?: string;
}

/** Vite plugin: the documentation pages in the build output and on the dev server, under /docs/. */
export function docsSite(options: DocsSiteOptions = {}): Plugin {
  let dir = resolve(options.dir ?? 'docs');
  let base = '/';
  return {
    name: 'roster-check:docs-site',
    configResolved(config) {
      dir = resolve(config.root, options.dir ?? 'docs');
      base = config.base;
    },
    generateBundle() {
      for (const [fileName, source] of buildDocsSite(dir)) {
        this.emitFile({ type: 'asset', fileName: `${DOCS_URL_DIR}/${fileName}`, source });
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const answer = req.url ? docsResponse(dir, base, req.url) : null;
        if (!answer) return next();
        res.statusCode = 200;
        res.setHeader('Content-Type', answer.contentType);
        res.end(answer.body);
      });
    },
  };
}
