/** The dev server's Content-Security-Policy: index.html's own, with inline styles allowed and nothing else. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createServer } from 'vite';
import { describe, expect, it } from 'vitest';
import { relaxForDev } from '../scripts/dev-csp.ts';

const meta = (policy: string) =>
  `<head><meta http-equiv="Content-Security-Policy" content="${policy}" /></head>`;
const policyOf = (html: string) => /content="([^"]*)"/.exec(html)![1];

describe('relaxForDev', () => {
  it.each([
    [
      'adds inline styles',
      "default-src 'self'; style-src 'self'",
      "default-src 'self'; style-src 'self' 'unsafe-inline'",
    ],
    [
      'keeps a policy that allows them',
      "style-src 'self' 'unsafe-inline'",
      "style-src 'self' 'unsafe-inline'",
    ],
    [
      'leaves every other directive as it is',
      "script-src 'self'; style-src 'self'; connect-src 'self'",
      "script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'",
    ],
  ])('%s', (_, policy, expected) => {
    expect(policyOf(relaxForDev(meta(policy)))).toBe(expected);
  });

  it('refuses a page without a policy', () => {
    expect(() => relaxForDev('<head></head>')).toThrow(/no Content-Security-Policy/);
  });
});

describe('the dev server', () => {
  it("serves index.html with the built site's policy, inline styles allowed, scripts still 'self' only", async () => {
    const root = resolve(import.meta.dirname, '..');
    const server = await createServer({
      root,
      logLevel: 'silent',
      server: { middlewareMode: true, hmr: false },
    });
    try {
      const source = readFileSync(resolve(root, 'index.html'), 'utf8');
      const served = policyOf(await server.transformIndexHtml('/', source));
      expect(served).toBe(policyOf(source).replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"));
      expect(served).toContain("script-src 'self';");
    } finally {
      await server.close();
    }
  });
});
