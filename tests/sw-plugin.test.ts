/**
 * The service-worker plugin: the manifest (every file but sw.js and source maps, a version that
 * follows the contents), writing it into sw.js, and a real build of a small site: sw.js is one classic
 * script listing every file of the output, the public folder's included.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { injectManifest, precacheManifest, serviceWorker, SW_FILE } from '../scripts/sw-plugin.ts';
import type { PrecacheManifest } from '../src/sw/precache.ts';

const site = (files: Record<string, string>) => new Map(Object.entries(files));

describe('precacheManifest', () => {
  it('lists every file but the worker itself and source maps, sorted', () => {
    const manifest = precacheManifest(
      site({
        'sw.js': 'x',
        'index.html': 'a',
        'assets/a-1.js': 'b',
        'assets/a-1.js.map': 'c',
        'docs/x.html': 'd',
      }),
    );
    expect(manifest.files).toEqual(['assets/a-1.js', 'docs/x.html', 'index.html']);
  });

  it.each([
    ['the same files', { 'index.html': 'a', 'b.js': 'b' }, false],
    ['one file changed', { 'index.html': 'a', 'b.js': 'B' }, true],
    ['one file renamed', { 'index.html': 'a', 'c.js': 'b' }, true],
    ['content moved between files', { 'index.html': 'ab', 'b.js': '' }, true],
    ['one file more', { 'index.html': 'a', 'b.js': 'b', 'c.js': '' }, true],
    ['only sw.js changed', { 'index.html': 'a', 'b.js': 'b', 'sw.js': 'new' }, false],
  ])('%s: new version %s', (_, files, changes) => {
    const before = precacheManifest(site({ 'index.html': 'a', 'b.js': 'b' })).version;
    expect(precacheManifest(site(files)).version !== before).toBe(changes);
  });
});

describe('injectManifest', () => {
  const manifest: PrecacheManifest = { version: 'abc', files: ['index.html', 'it\'s "odd".js'] };

  it.each([`"__PRECACHE_MANIFEST__"`, `'__PRECACHE_MANIFEST__'`, '`__PRECACHE_MANIFEST__`'])(
    'replaces the placeholder written as %s with a string JSON.parse reads back',
    (literal) => {
      const code = injectManifest(`globalThis.m = JSON.parse(${literal});`, manifest);
      const context: { m?: unknown } = {};
      new Script(code).runInNewContext({ globalThis: context, JSON });
      expect(context.m).toEqual(manifest);
    },
  );

  it('fails the build when the placeholder is missing', () => {
    expect(() => injectManifest('const m = {};', manifest)).toThrow(/placeholder is missing/);
  });
});

describe('serviceWorker() in a real build', () => {
  const root = mkdtempSync(join(tmpdir(), 'sw-plugin-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'public/icons'), { recursive: true });
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html><body><script type="module" src="./main.js"></script></body></html>',
  );
  writeFileSync(
    join(root, 'main.js'),
    "new Worker(new URL('./work.js', import.meta.url), { type: 'module' });\n",
  );
  writeFileSync(join(root, 'work.js'), 'self.onmessage = () => {};\n');
  writeFileSync(join(root, 'public/icons/icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

  const buildSite = async (outDir: string) => {
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      base: './',
      plugins: [serviceWorker()],
      worker: { format: 'es' },
      build: { outDir, emptyOutDir: true },
    });
    const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('.'));
    return {
      files: files.map((f) => f.split('\\').join('/')),
      sw: readFileSync(join(outDir, SW_FILE), 'utf8'),
    };
  };
  const manifestOf = (sw: string): PrecacheManifest => {
    const [, literal] = /JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(sw)!;
    return JSON.parse(JSON.parse(literal));
  };

  it('sw.js lists every other file of the output, hashed names and public files included', async () => {
    const { files, sw } = await buildSite(join(root, 'out'));
    const manifest = manifestOf(sw);
    expect(manifest.files).toEqual(files.filter((f) => f !== SW_FILE).sort());
    expect(manifest.files).toEqual(
      expect.arrayContaining([
        'index.html',
        'icons/icon.svg',
        expect.stringMatching(/^assets\/work-[\w-]+\.js$/),
      ]),
    );
  });

  it('sw.js is one classic script: no import or export', async () => {
    const { sw } = await buildSite(join(root, 'out'));
    expect(() => new Script(sw)).not.toThrow();
  });

  it('a changed file gives a new version', async () => {
    const before = manifestOf((await buildSite(join(root, 'out'))).sw).version;
    writeFileSync(join(root, 'work.js'), 'self.onmessage = () => { self.postMessage(1); };\n');
    const after = manifestOf((await buildSite(join(root, 'out'))).sw).version;
    expect(after).not.toBe(before);
  });
});
