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
  if (url.pathname === '/admin' || url.pathname.startsWith('/admin/')) return false; // nor the operators' page
  if (url.pathname === '/referrer' || url.pathname.startsWith('/referrer/')) return false; // nor the referrers' page
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

// Push messages say only that there is something new in the chat: the
// server never sends what a message says, and nothing else from the push
// is shown. One tag keeps a burst to one notification on the phone. While
// the chat is open and in view, the message is on the screen already.
const PUSH_TAG = 'brobygger-new-message';
const PUSH_FALLBACK = { title: 'Brobygger', body: 'Du har en ny besked' };

function pushText(data) {
  const fallback = PUSH_FALLBACK;
  const plain = (v, d) => (typeof v === 'string' && v.trim() && v.length <= 120 ? v : d);
  return { title: plain(data.title, fallback.title), body: plain(data.body, fallback.body) };
}

// Only a page of this app may be opened from a notification.
function pushTarget(url) {
  try {
    const target = new URL(typeof url === 'string' ? url : '/', self.registration.scope);
    if (target.origin === self.location.origin) return target.href;
  } catch {
    // Fall through to the chat.
  }
  return new URL('./', self.registration.scope).href;
}

function isChat(client) {
  const url = new URL(client.url);
  return url.origin === self.location.origin && !url.pathname.startsWith('/org') && !url.pathname.startsWith('/facilitator') &&
    !url.pathname.startsWith('/admin') && !url.pathname.startsWith('/referrer');
}

self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = (event.data && event.data.json()) || {};
  } catch {
    // Not JSON: the generic words below.
  }
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    if (windows.some((c) => isChat(c) && c.focused && c.visibilityState === 'visible')) return;
    const { title, body } = pushText(data);
    await self.registration.showNotification(title, {
      body,
      tag: PUSH_TAG,
      renotify: true,
      icon: 'icons/icon-192.png',
      badge: 'icons/icon-192.png',
      data: { url: pushTarget(data.url) },
    });
  })());
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = pushTarget(event.notification.data && event.notification.data.url);
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const chat = windows.find(isChat);
    if (chat) return chat.focus();
    return self.clients.openWindow(target);
  })());
});
