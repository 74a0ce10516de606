import { describe, expect, it } from 'vitest';
import { cacheName, isStaleCache, precachedUrl, precacheUrls } from './precache.ts';

const SCOPE = 'https://tools.example.org/roster/';
const PRECACHED = new Set(
  ['index.html', 'assets/index-Ab12.js', 'docs/index.html', 'docs/rules/student-dob.html'].map(
    (f) => SCOPE + f,
  ),
);

describe('precachedUrl', () => {
  it.each([
    ['a precached file', `${SCOPE}assets/index-Ab12.js`, `${SCOPE}assets/index-Ab12.js`],
    ['the site folder as its index.html', SCOPE, `${SCOPE}index.html`],
    ['a folder of the docs as its index.html', `${SCOPE}docs/`, `${SCOPE}docs/index.html`],
    ['a page without its extension', `${SCOPE}docs/rules/student-dob`, `${SCOPE}docs/rules/student-dob.html`],
    ['a file with a query and a fragment', `${SCOPE}index.html?from=bookmark#top`, `${SCOPE}index.html`],
  ])('answers %s', (_, url, expected) => {
    expect(precachedUrl(url, PRECACHED, SCOPE)).toBe(expected);
  });

  it.each([
    ['another origin, same path', 'https://cdn.example.com/roster/index.html'],
    ['another scheme of the same host', 'http://tools.example.org/roster/index.html'],
    ['another port of the same host', 'https://tools.example.org:8443/roster/index.html'],
    ['the same origin outside the scope', 'https://tools.example.org/other/index.html'],
    ['a file the build does not have', `${SCOPE}assets/index-Old1.js`],
    ['a folder without an index', `${SCOPE}assets/`],
    ['the service worker itself', `${SCOPE}sw.js`],
    ['not a URL', 'not a url'],
  ])('leaves %s alone', (_, url) => {
    expect(precachedUrl(url, PRECACHED, SCOPE)).toBeNull();
  });
});

describe('cache names', () => {
  const other = 'https://tools.example.org/roster-beta/';
  it.each([
    ['an older version of this deployment', cacheName(SCOPE, 'old1'), true],
    ['the current version', cacheName(SCOPE, 'new2'), false],
    ['another deployment on the same origin', cacheName(other, 'old1'), false],
    ['a deployment whose folder starts the same', cacheName(`${SCOPE}beta/`, 'old1'), false],
    ['a cache of something else on the origin', `other-app ${SCOPE}`, false],
  ])('%s is stale: %s', (_, name, stale) => {
    expect(isStaleCache(name, SCOPE, 'new2')).toBe(stale);
  });
});

describe('precacheUrls', () => {
  it('resolves the files against the worker script beside index.html', () => {
    const urls = precacheUrls({ version: 'v', files: ['index.html', 'docs/docs.css'] }, `${SCOPE}sw.js`);
    expect(urls).toEqual([`${SCOPE}index.html`, `${SCOPE}docs/docs.css`]);
  });
});
