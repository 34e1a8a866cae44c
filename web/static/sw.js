// Brobygger's service worker: keeps the app shell so the app opens offline.
// Conversations live on the server and in the page's own storage; API
// responses are never cached here, since a stale reply would be wrong.
'use strict';

const CACHE = 'brobygger-shell-v2';
const SHELL = [
  './',
  'index.html',
  'app.js',
  'app.css',
  'manifest.webmanifest',
  'icons/icon.svg',
  'icons/icon-maskable.svg',
  'icons/icon-192.png',
  'icons/icon-512.png',
  'icons/icon-maskable-512.png',
  'icons/apple-touch-icon.png',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(SHELL.map((path) => new Request(path, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('brobygger-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

const shellPaths = new Set(SHELL.map((path) => new URL(path, self.registration.scope).pathname));

function isShell(request) {
  if (request.method !== 'GET') return false;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return false;
  if (url.pathname.startsWith('/v1/')) return false;
  if (url.pathname === '/org' || url.pathname.startsWith('/org/')) return false; // the staff page is never cached
  if (url.pathname === '/facilitator' || url.pathname.startsWith('/facilitator/')) return false; // nor the teachers' page
  return request.mode === 'navigate' || shellPaths.has(url.pathname);
}

// Network first, so a new version shows up on the next visit; the cache is
// the fallback when there is no connection.
async function shell(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') {
      const key = request.mode === 'navigate' ? 'index.html' : request;
      await cache.put(key, response.clone());
    }
    return response;
  } catch (err) {
    const cached = await cache.match(request.mode === 'navigate' ? 'index.html' : request, { ignoreSearch: true });
    if (cached) return cached;
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  if (!isShell(event.request)) return; // API calls and everything else go straight to the network
  event.respondWith(shell(event.request));
});
