/**
 * Vite plugin: the offline service worker (src/sw/service-worker.ts) as sw.js beside index.html, with
 * the list of every file of the build written into it, so hashed file names are always covered.
 *
 * The worker is bundled as an extra chunk of the app's own build. Once every other plugin has emitted
 * its files (the HTML, the docs pages), the bundle plus the public folder is the list to precache; a
 * hash of their contents is the version, so sw.js changes, and browsers update it, whenever any file
 * does.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { PrecacheManifest } from '../src/sw/precache.ts';

export const SW_FILE = 'sw.js';
const SW_ENTRY = resolve(import.meta.dirname, '../src/sw/service-worker.ts');
const PLACEHOLDER = /(["'`])__PRECACHE_MANIFEST__\1/g;

/** Files never precached: the worker itself and source maps. */
const skipped = (file: string) => file === SW_FILE || file.endsWith('.map');

/** The manifest for a site made of these files (path relative to the site root → content). */
export function precacheManifest(files: ReadonlyMap<string, string | Uint8Array>): PrecacheManifest {
  const names = [...files.keys()].filter((f) => !skipped(f)).sort();
  const hash = createHash('sha256');
  for (const name of names) {
    hash.update(`${name}\0`);
    hash.update(files.get(name)!);
    hash.update('\0');
  }
  return { version: hash.digest('hex').slice(0, 16), files: names };
}

/** sw.js's code with the manifest written in; throws when the placeholder is missing. */
export function injectManifest(code: string, manifest: PrecacheManifest): string {
  if (!code.match(PLACEHOLDER)) throw new Error(`${SW_FILE}: the precache manifest placeholder is missing.`);
  const literal = JSON.stringify(JSON.stringify(manifest));
  return code.replace(PLACEHOLDER, () => literal);
}

/** Every file under `dir`, by path relative to it with `/` separators. */
export function filesUnder(dir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  if (!dir || !existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, entry);
    if (statSync(path).isFile()) files.set(entry.split('\\').join('/'), new Uint8Array(readFileSync(path)));
  }
  return files;
}

export function serviceWorker(): Plugin {
  let publicDir = '';
  return {
    name: 'roster-check:service-worker',
    apply: 'build',
    configResolved(config) {
      publicDir = config.build.copyPublicDir ? config.publicDir : '';
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: SW_ENTRY, fileName: SW_FILE });
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const files = filesUnder(publicDir) as Map<string, string | Uint8Array>;
        for (const [name, item] of Object.entries(bundle))
          files.set(name, item.type === 'chunk' ? item.code : item.source);
        const sw = bundle[SW_FILE];
        if (!sw || sw.type !== 'chunk') throw new Error(`${SW_FILE} is missing from the bundle.`);
        if (sw.imports.length > 0 || sw.dynamicImports.length > 0)
          throw new Error(`${SW_FILE} must be one classic script: it imports ${sw.imports.join(', ')}.`);
        sw.code = injectManifest(sw.code, precacheManifest(files));
      },
    },
  };
}
