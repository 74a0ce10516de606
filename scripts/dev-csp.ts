/**
 * The Content-Security-Policy of index.html is for the built site. The dev server injects every
 * stylesheet as a <style> element (and its error overlay carries inline styles), so there, and only
 * there, style-src also allows inline styles. Scripts stay 'self' in both.
 */
import type { Plugin } from 'vite';

const CSP_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i;

/** index.html with its policy's style-src allowing inline styles; throws if the page has no policy. */
export function relaxForDev(html: string): string {
  const match = html.match(CSP_META);
  if (!match) throw new Error('index.html has no Content-Security-Policy meta tag.');
  const policy = match[2].replace(/style-src ([^;]*)/, (_, sources: string) =>
    sources.includes("'unsafe-inline'") ? `style-src ${sources}` : `style-src ${sources} 'unsafe-inline'`,
  );
  return html.replace(CSP_META, (_, open: string, _old: string, close: string) => open + policy + close);
}

export function devCsp(): Plugin {
  return {
    name: 'roster-check:dev-csp',
    apply: 'serve',
    transformIndexHtml: { order: 'pre', handler: relaxForDev },
  };
}
