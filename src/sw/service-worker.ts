/**
 * The service worker that makes the page work offline once loaded (built to sw.js beside index.html
 * by scripts/sw-plugin.ts, registered by src/app/main.ts in production builds only).
 *
 * - install: fetches every file of the build (the list is written in at build time, hashed names
 *   included) into a cache named after this version; any failure leaves the previous version in charge.
 * - activate: deletes this deployment's caches of other versions, and takes control of open pages.
 * - fetch: answers the app's own files from the cache first; everything else (another origin, another
 *   path, a method other than GET) is not intercepted at all.
 *
 * No skipWaiting: a new version waits until every tab of the old one is closed, so an open page never
 * loses the files it was built with (its worker script, for instance) in the middle of a session.
 */
import { cacheName, isStaleCache, precacheUrls, precachedUrl, type PrecacheManifest } from './precache.ts';

// Replaced with the real manifest by scripts/sw-plugin.ts; the build fails if it is not.
const MANIFEST = JSON.parse('__PRECACHE_MANIFEST__') as PrecacheManifest;

const sw = globalThis as unknown as ServiceWorkerGlobalScope;
const scope = sw.registration.scope;
const CACHE = cacheName(scope, MANIFEST.version);
const URLS = precacheUrls(MANIFEST, sw.location.href);
const PRECACHED = new Set(URLS);

/** A fresh copy from the server (never the HTTP cache), without the redirect flag. */
async function download(url: string): Promise<Response> {
  const response = await fetch(new Request(url, { cache: 'reload', credentials: 'same-origin' }));
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  // A redirected response may not answer a navigation: keep only its body and headers.
  if (!response.redirected) return response;
  return new Response(await response.blob(), { status: response.status, headers: response.headers });
}

async function install(): Promise<void> {
  const responses = await Promise.all(URLS.map(async (url) => [url, await download(url)] as const));
  const cache = await caches.open(CACHE);
  await Promise.all(responses.map(([url, response]) => cache.put(url, response)));
}

async function activate(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(
    names.filter((n) => isStaleCache(n, scope, MANIFEST.version)).map((n) => caches.delete(n)),
  );
  await sw.clients.claim();
}

async function answer(url: string, request: Request): Promise<Response> {
  const cached = await caches.match(url, { cacheName: CACHE });
  return cached ?? fetch(request);
}

sw.addEventListener('install', (event) => event.waitUntil(install()));
sw.addEventListener('activate', (event) => event.waitUntil(activate()));
sw.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  const url = precachedUrl(event.request.url, PRECACHED, scope);
  if (url) event.respondWith(answer(url, event.request));
});
