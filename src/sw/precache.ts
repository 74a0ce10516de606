/**
 * The service worker's decisions, free of any ServiceWorker plumbing so unit tests call them: which
 * cache belongs to which deployment, and which cached file answers a request.
 *
 * Several copies of the app may live on one origin (/a/ and /b/ on the same static host) and share
 * its CacheStorage, so a cache's name carries the worker's scope as well as the build's version:
 * cleaning up on activate only ever drops older versions of the same deployment.
 */

/** What the build tells the worker (written into sw.js by scripts/sw-plugin.ts). */
export interface PrecacheManifest {
  /** Changes whenever any precached file changes (a hash of their contents). */
  version: string;
  /** Every file of the site, relative to sw.js (which sits beside index.html): "assets/index-Ab12.js". */
  files: string[];
}

const PREFIX = 'roster-check';

export function cacheName(scope: string, version: string): string {
  return `${PREFIX} ${version} ${scope}`;
}

/** A cache this deployment made for another version of itself (to delete on activate). */
export function isStaleCache(name: string, scope: string, version: string): boolean {
  return name.startsWith(`${PREFIX} `) && name.endsWith(` ${scope}`) && name !== cacheName(scope, version);
}

/** The absolute URLs to precache, resolved against sw.js's own URL. */
export function precacheUrls(manifest: PrecacheManifest, workerUrl: string): string[] {
  return manifest.files.map((file) => new URL(file, workerUrl).href);
}

/**
 * The precached URL that answers a request, or null when the request is not the app's to answer (other
 * origins, other paths, files not in the build). Query and fragment are ignored; a folder is its
 * index.html; "docs/rules/x" is "docs/rules/x.html" (hosts that drop the extension link that way).
 */
export function precachedUrl(
  requestUrl: string,
  precached: ReadonlySet<string>,
  scope: string,
): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  url.search = '';
  url.hash = '';
  const base = url.href;
  if (new URL(scope).origin !== url.origin || !base.startsWith(scope)) return null;
  const candidates = base.endsWith('/') ? [`${base}index.html`] : [base, `${base}.html`];
  return candidates.find((c) => precached.has(c)) ?? null;
}
