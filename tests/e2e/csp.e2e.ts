/**
 * The Content-Security-Policy of the built site: the directives in dist/index.html (and a policy on
 * every docs page), and, in the browser, that the policy is the one in force: the app runs under it
 * without a single refusal, while a request to another origin, an inline script and an inline style
 * are refused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, runSample } from './app.ts';
import { hasBrowser, openSession, type Session } from './browser.ts';

const DIST = resolve(import.meta.dirname, '../../dist');

/** The site's policy, directive by directive (what each one is for is in index.html's comment). */
const EXPECTED: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'frame-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** The content of each CSP meta tag of a page, parsed into directive → sources. */
function policiesOf(html: string): Record<string, string[]>[] {
  const metas = [...html.matchAll(/<meta\s[^>]*http-equiv="Content-Security-Policy"[^>]*>/gi)];
  return metas.map(([tag]) => {
    const content = /content="([^"]*)"/i.exec(tag)![1];
    const policy: Record<string, string[]> = {};
    for (const directive of content
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)) {
      const [name, ...sources] = directive.split(/\s+/);
      policy[name.toLowerCase()] = sources;
    }
    return policy;
  });
}

describe('the built site’s policy', () => {
  const index = () => readFileSync(join(DIST, 'index.html'), 'utf8');

  it('dist/index.html carries exactly the expected directives, in one meta tag', () => {
    expect(policiesOf(index())).toEqual([EXPECTED]);
  });

  it('the policy comes before every script and stylesheet of the page', () => {
    const html = index();
    const meta = html.search(/http-equiv="Content-Security-Policy"/i);
    const first = html.search(/<script|<link rel="stylesheet"/i);
    expect(meta).toBeGreaterThan(0);
    expect(first).toBeGreaterThan(meta);
  });

  it('no page has an inline script, an event handler attribute or an inline style', () => {
    const pages = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      const html = readFileSync(join(DIST, page), 'utf8');
      expect(html, page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expect(html, page).not.toMatch(/\son[a-z]+=/i);
      expect(html, page).not.toMatch(/<style|\sstyle=/i);
      const [policy] = policiesOf(html);
      expect(policy?.['default-src'], page).toEqual(["'self'"]);
    }
  });
});

describe.skipIf(!hasBrowser())('the policy in the browser', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
    // Every refusal the page's policy makes, from the first byte on.
    await session.context.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { cspViolations: seen });
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
      );
    });
  });
  afterAll(() => session?.close());

  const violations = () =>
    session.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

  it('the app runs a whole check under the policy without one refusal', async () => {
    await openApp(session.page);
    await runSample(session.page);
    expect(await violations()).toEqual([]);
    expect(session.problems()).toEqual([]);
  });

  it('refuses a request to another origin, an inline script and an inline style', async () => {
    // 127.0.0.2 is another origin on this machine's loopback: nothing leaves it even if allowed.
    const outcome = await session.page.evaluate(async () => {
      const fetched = await fetch('http://127.0.0.2:9/collect').then(
        () => 'sent',
        () => 'refused',
      );
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
      const style = document.createElement('style');
      style.textContent = 'body { margin-left: 123px }';
      document.head.append(style);
      await new Promise((r) => setTimeout(r, 100));
      return {
        fetched,
        inlineRan: 'inlineRan' in window,
        styled: getComputedStyle(document.body).marginLeft === '123px',
      };
    });
    expect(outcome).toEqual({ fetched: 'refused', inlineRan: false, styled: false });
    expect(await violations()).toEqual([
      'connect-src http://127.0.0.2:9/collect',
      'script-src-elem inline',
      'style-src-elem inline',
    ]);
  });

  it('sent nothing to any other origin', () => {
    expect(session.foreign()).toEqual([]);
  });
});
