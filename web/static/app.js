// Brobygger's reference chat client. Plain browser JavaScript, no build step:
// the server embeds this folder as it is.
'use strict';

(() => {
  const KEY = {
    auth: 'brobygger.auth',
    conversation: 'brobygger.conversation',
    lang: 'brobygger.lang',
    draft: 'brobygger.draft',
    pending: 'brobygger.pending',
    messages: 'brobygger.messages',
    // Push messages: 'subscribed', 'declined' (never asked again) or
    // 'ios-explained' (the home-screen note was shown).
    push: 'brobygger.push',
  };
  const POLL_MS = 5000;
  // Enough history to show the conversation offline without filling storage.
  const CACHE_LIMIT = 300;
  const ZONE = 'Europe/Copenhagen';

  const STR = {
    da: {
      tagline: 'Find et sted at være frivillig',
      skip: 'Gå til beskedfeltet',
      offline: 'Du er offline. Dine beskeder bliver sendt, når du er online igen.',
      log: 'Samtale med Brobygger',
      typing: 'Brobygger skriver …',
      replies: 'Svarmuligheder',
      loading: 'Starter samtalen …',
      startFailed: 'Kunne ikke få forbindelse. Prøver igen …',
      inputLabel: 'Skriv en besked',
      placeholder: 'Skriv en besked …',
      inputHint: 'Tryk Enter for at sende og Shift + Enter for en ny linje.',
      send: 'Send',
      langButton: 'English',
      langButtonLabel: 'Switch to English',
      langButtonLang: 'en',
      bot: 'Brobygger:',
      you: 'Dig:',
      sending: 'Sender …',
      sent: 'Sendt',
      failed: 'Ikke sendt – tryk for at prøve igen',
      failedAnnounce: 'Din besked blev ikke sendt. Den bliver sendt igen, når der er forbindelse.',
      rejected: 'Beskeden blev afvist – tryk for at prøve igen',
      suggestions: 'Forslag',
      why: 'Derfor passer det',
      firstStep: 'Første skridt',
      when: 'Hvornår:',
      place: 'Hvor:',
      contact: 'Kontakt:',
      goodToKnow: 'Godt at vide',
      km: (km) => `${km} km væk`,
      near: 'tæt på dig',
      moreAbout: 'Mere om forslaget',
      online: 'Online',
      calendar: 'Tilføj til kalender',
      calendarFailed: 'Kalenderfilen kunne ikke hentes lige nu. Prøv igen om lidt.',
      calendarSaved: 'Kalenderfilen er hentet.',
      locating: 'Finder din placering …',
      myLocation: '📍 Min placering',
      noLocation: 'Jeg kunne ikke se din placering. Skriv dit postnummer eller din by i stedet.',
      outsideDenmark: 'Den placering ligger ikke i Danmark. Skriv et dansk postnummer eller en by i stedet.',
      classCodeRefused: 'Den kode kan jeg ikke finde, eller også er den udløbet. Spørg din lærer om koden – du kan også skrive den her i chatten. Du kan sagtens gå i gang imens.',
      classCodeTooMany: 'Der er prøvet for mange forkerte koder. Spørg din lærer om koden, og prøv igen om lidt. Du kan sagtens gå i gang imens.',
      referralCodeRefused: 'Den kode kan jeg ikke finde, eller også er den udløbet. Spørg den, der gav dig linket – du kan også skrive koden her i chatten. Du kan sagtens gå i gang imens.',
      referralCodeTaken: 'Den kode er allerede brugt af en anden. Spørg den, der gav dig linket, om en ny. Du kan sagtens gå i gang imens.',
      referralCodeTooMany: 'Der er prøvet for mange forkerte koder. Prøv igen om lidt. Du kan sagtens gå i gang imens.',
      pushOffer: 'Vil du have besked på telefonen, når de svarer?',
      pushOfferNote: 'Beskeden siger kun, at du har en ny besked – ikke hvad der står i den.',
      pushYes: 'Slå beskeder til',
      pushNo: 'Nej tak',
      pushOn: 'Beskeder er slået til. Du får besked, når der er nyt i chatten.',
      pushBlocked: 'Beskeder er slået fra for Brobygger i din browser. Du kan slå dem til i browserens indstillinger – svarene kommer også her i chatten.',
      pushFailed: 'Beskeder kunne ikke slås til lige nu. Svarene kommer stadig her i chatten.',
      pushIos: 'Vil du have besked på telefonen, når de svarer? På iPhone og iPad skal Brobygger først ligge på hjemmeskærmen: tryk på Del og vælg »Føj til hjemmeskærm«. Åbn Brobygger derfra, så kan du slå beskeder til.',
      pushOk: 'Okay',
      pushLabel: 'Beskeder på telefonen',
    },
    en: {
      tagline: 'Find a place to volunteer',
      skip: 'Skip to the message box',
      offline: "You're offline. Your messages will be sent when you're back online.",
      log: 'Conversation with Brobygger',
      typing: 'Brobygger is typing …',
      replies: 'Reply options',
      loading: 'Starting the conversation …',
      startFailed: "Couldn't connect. Trying again …",
      inputLabel: 'Write a message',
      placeholder: 'Write a message …',
      inputHint: 'Press Enter to send and Shift + Enter for a new line.',
      send: 'Send',
      langButton: 'Dansk',
      langButtonLabel: 'Skift til dansk',
      langButtonLang: 'da',
      bot: 'Brobygger:',
      you: 'You:',
      sending: 'Sending …',
      sent: 'Sent',
      failed: 'Not sent – tap to try again',
      failedAnnounce: "Your message wasn't sent. It will be sent again when there's a connection.",
      rejected: 'The message was refused – tap to try again',
      suggestions: 'Suggestions',
      why: 'Why it fits',
      firstStep: 'First step',
      when: 'When:',
      place: 'Where:',
      contact: 'Contact:',
      goodToKnow: 'Good to know',
      km: (km) => `${km} km away`,
      near: 'close to you',
      moreAbout: 'More about it',
      online: 'Online',
      calendar: 'Add to calendar',
      calendarFailed: "The calendar file couldn't be downloaded right now. Try again in a moment.",
      calendarSaved: 'The calendar file has been downloaded.',
      locating: 'Finding your location …',
      myLocation: '📍 My location',
      noLocation: "I couldn't see your location. Type your postcode or town instead.",
      outsideDenmark: "That location isn't in Denmark. Type a Danish postcode or town instead.",
      classCodeRefused: "I can't find that code, or it has expired. Ask your teacher for the code – you can also type it here in the chat. You're welcome to get started meanwhile.",
      classCodeTooMany: 'Too many wrong codes have been tried. Ask your teacher for the code and try again in a little while. You can get started meanwhile.',
      referralCodeRefused: "I can't find that code, or it has expired. Ask whoever gave you the link – you can also type the code here in the chat. You're welcome to get started meanwhile.",
      referralCodeTaken: 'Someone else has already used that code. Ask whoever gave you the link for a new one. You can get started meanwhile.',
      referralCodeTooMany: 'Too many wrong codes have been tried. Try again in a little while. You can get started meanwhile.',
      pushOffer: 'Do you want a notification on your phone when they answer?',
      pushOfferNote: "It only says you have a new message – not what it says.",
      pushYes: 'Turn on notifications',
      pushNo: 'No thanks',
      pushOn: "Notifications are on. You'll get one when there's something new in the chat.",
      pushBlocked: 'Notifications are blocked for Brobygger in your browser. You can allow them in its settings – the answers also come here in the chat.',
      pushFailed: "Notifications couldn't be turned on right now. The answers still come here in the chat.",
      pushIos: 'Do you want a notification on your phone when they answer? On iPhone and iPad, Brobygger has to be on your home screen first: tap Share and choose “Add to Home Screen”. Open Brobygger from there, and you can turn notifications on.',
      pushOk: 'Okay',
      pushLabel: 'Notifications on your phone',
    },
  };

  // ---------------------------------------------------------------- storage

  function load(key, fallback) {
    try {
      const raw = localStorage.getItem(key);
      return raw === null ? fallback : JSON.parse(raw);
    } catch {
      return fallback;
    }
  }

  function save(key, value) {
    try {
      if (value === null || value === undefined) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Private mode or a full quota: the app still works, it just forgets on reload.
    }
  }

  let lang = load(KEY.lang, 'da') === 'en' ? 'en' : 'da';
  let auth = load(KEY.auth, null);
  let conversationId = load(KEY.conversation, null);
  let pending = load(KEY.pending, []);
  if (!Array.isArray(pending)) pending = [];

  const t = (key, ...args) => {
    const v = STR[lang][key] ?? STR.da[key];
    return typeof v === 'function' ? v(...args) : v;
  };

  // ------------------------------------------------------------------- DOM

  const $ = (id) => document.getElementById(id);
  const chat = $('chat');
  const log = $('log');
  const typing = $('typing');
  const chips = $('quick-replies');
  const boot = $('boot');
  const form = $('composer');
  const input = $('composer-input');
  const langToggle = $('lang-toggle');
  const offlineBanner = $('offline-banner');
  const toast = $('toast');
  // A page shell cached before the hint existed still gets one.
  const hint = $('chat-hint') || (() => {
    const p = el('p', 'chat-hint');
    p.id = 'chat-hint';
    p.setAttribute('role', 'status');
    chips.before(p);
    return p;
  })();

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // Helplines and organisations are written as "ring 70 201 201" and
  // "livslinien.dk"; on a phone they should be one tap away.
  const LINKS = /\bhttps?:\/\/[^\s<>"]*[^\s<>".,;:!?)]|\b(?:[a-z0-9-]+\.)+(?:dk|com|org|net|eu|nu|io)\b(?:\/[^\s<>"]*[^\s<>".,;:!?)])?|\b(?:ring|ringe|call|sms)\s+(?:på\s+|on\s+)?(\+?\d[\d ]*\d|\d)/gi;

  // linkedText builds text with links as DOM nodes; server text never
  // becomes markup.
  function linkedText(text) {
    const frag = document.createDocumentFragment();
    let at = 0;
    for (const m of text.matchAll(LINKS)) {
      let start = m.index;
      let shown = m[0];
      let href;
      if (m[1]) {
        start = m.index + m[0].lastIndexOf(m[1]);
        shown = m[1];
        href = `tel:${m[1].replace(/\s+/g, '')}`;
      } else {
        href = /^https?:/i.test(shown) ? shown : `https://${shown}`;
      }
      frag.append(document.createTextNode(text.slice(at, start)));
      const a = el('a', 'link', shown);
      a.href = href;
      if (!href.startsWith('tel:')) {
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
      }
      frag.append(a);
      at = start + shown.length;
    }
    frag.append(document.createTextNode(text.slice(at)));
    return frag;
  }

  const ICONS = {
    check: '<path d="M5 12.5l4.5 4.5L19 7.5"/>',
    calendar: '<rect x="3.5" y="5" width="17" height="15" rx="2"/><path d="M3.5 10h17M8 3v4M16 3v4"/>',
    calendarAdd: '<path d="M20.5 12V7a2 2 0 0 0-2-2h-13a2 2 0 0 0-2 2v11a2 2 0 0 0 2 2H12"/><path d="M3.5 10h17M8 3v4M16 3v4M18 15v6M15 18h6"/>',
    pin: '<path d="M12 21s-6.5-6-6.5-11a6.5 6.5 0 0 1 13 0c0 5-6.5 11-6.5 11z"/><circle cx="12" cy="10" r="2.3"/>',
    person: '<circle cx="12" cy="8" r="3.6"/><path d="M4.5 20c1-4 4-6 7.5-6s6.5 2 7.5 6"/>',
    info: '<circle cx="12" cy="12" r="9"/><path d="M12 11v5.5M12 7.6v.1"/>',
  };

  function icon(name) {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('class', 'icon');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.innerHTML = ICONS[name]; // static markup from this file, never server text
    return svg;
  }

  // The toast is a status region that stays in the page (hidden regions are
  // not announced); it is only invisible while empty.
  let toastTimer = 0;
  function announce(text) {
    toast.textContent = text;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => {
      toast.textContent = '';
    }, 6000);
  }

  // ---------------------------------------------------------------- language

  const dateParts = (iso, locale) => {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return null;
    const parts = {};
    const fmt = new Intl.DateTimeFormat(locale, {
      timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit',
      hourCycle: 'h23',
    });
    for (const p of fmt.formatToParts(d)) parts[p.type] = p.value;
    return parts;
  };

  const clock = (iso, sep) => {
    const p = dateParts(iso, 'da-DK');
    return p ? `${p.hour}${sep}${p.minute}` : '';
  };

  // formatWhen writes a first step's time the way the bot does, e.g.
  // "lørdag d. 5. december kl. 10.00" or "Saturday 5 December at 10:00".
  function formatWhen(startsAt, l = lang) {
    if (l === 'en') {
      const p = dateParts(startsAt, 'en-GB');
      return p ? `${p.weekday} ${p.day} ${p.month} at ${p.hour}:${p.minute}` : '';
    }
    const p = dateParts(startsAt, 'da-DK');
    return p ? `${p.weekday} d. ${p.day}. ${p.month} kl. ${p.hour}.${p.minute}` : '';
  }

  function formatSpan(startsAt, endsAt, l = lang) {
    const start = formatWhen(startsAt, l);
    if (!start || !endsAt) return start;
    const sameDay = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(startsAt)) ===
      new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(endsAt));
    if (!sameDay) return `${start} – ${formatWhen(endsAt, l)}`;
    return `${start}–${clock(endsAt, l === 'en' ? ':' : '.')}`;
  }

  function formatKm(km) {
    return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'da-DK', { maximumFractionDigits: 1 }).format(km);
  }

  // Under a kilometre is "close to you": "0 km" reads like a mistake, and a
  // postcode's centre is no more precise than that anyway.
  function distanceLabel(km) {
    return km < 1 ? t('near') : t('km', formatKm(km));
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
    for (const node of document.querySelectorAll('[data-i18n-label]')) {
      node.setAttribute('aria-label', t(node.dataset.i18nLabel));
    }
    for (const node of document.querySelectorAll('[data-i18n-title]')) node.title = t(node.dataset.i18nTitle);
    for (const node of document.querySelectorAll('[data-i18n-placeholder]')) {
      node.setAttribute('placeholder', t(node.dataset.i18nPlaceholder));
    }
    $('lang-toggle-label').textContent = t('langButton');
    langToggle.setAttribute('aria-label', t('langButtonLabel'));
    langToggle.setAttribute('lang', t('langButtonLang'));
    for (const node of document.querySelectorAll('time[data-start]')) {
      node.textContent = formatSpan(node.dataset.start, node.dataset.end || null);
    }
    for (const node of document.querySelectorAll('[data-km]')) node.textContent = distanceLabel(+node.dataset.km);
    for (const node of log.querySelectorAll('.msg--user')) {
      if (node.dataset.label) node.querySelector('.bubble').textContent = t(node.dataset.label);
      setBubbleState(node, node.dataset.state);
    }
  }

  function setLanguage(next) {
    if (next !== 'da' && next !== 'en') return;
    lang = next;
    save(KEY.lang, lang);
    applyLanguage();
  }

  // -------------------------------------------------------------------- auth

  class HttpError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
      this.status = status;
      this.problem = problem;
    }
  }

  const readAuth = () => load(KEY.auth, null);

  function setAuth(tokens) {
    auth = {
      user_id: tokens.user_id,
      access_token: tokens.access_token,
      refresh_token: tokens.refresh_token,
      expires_at: Date.now() + (tokens.expires_in || 900) * 1000,
    };
    save(KEY.auth, auth);
  }

  async function postJSON(path, body) {
    const res = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
    const data = await res.json().catch(() => null);
    if (!res.ok) throw new HttpError(res.status, data);
    return data;
  }

  async function signInAsGuest() {
    setAuth(await postJSON('/v1/auth/guest', { locale: lang }));
    // A new guest is a new person to the server: the old conversation is not
    // theirs, so start theirs (the queue is kept and sent there). Before the
    // app has started, the start that is under way does that.
    forgetConversation();
    if (started) setTimeout(restart, 0);
  }

  async function ensureAuth() {
    if (!auth || !auth.access_token) auth = readAuth();
    if (!auth || !auth.access_token) await withAuthLock(async () => {
      auth = readAuth();
      if (!auth || !auth.access_token) await signInAsGuest();
    });
  }

  // Refresh tokens rotate, so two tabs refreshing at once would burn each
  // other's token; the lock makes the second tab pick up the first one's.
  function withAuthLock(fn) {
    if (navigator.locks && navigator.locks.request) return navigator.locks.request('brobygger-auth', fn);
    return fn();
  }

  let refreshing = null;
  function refreshAuth(staleAccessToken) {
    if (refreshing) return refreshing;
    refreshing = withAuthLock(async () => {
      const stored = readAuth();
      if (stored && stored.access_token && stored.access_token !== staleAccessToken) {
        auth = stored;
        return;
      }
      if (!stored || !stored.refresh_token) {
        await signInAsGuest();
        return;
      }
      try {
        setAuth(await postJSON('/v1/auth/refresh', { refresh_token: stored.refresh_token }));
      } catch (err) {
        if (err instanceof HttpError && (err.status === 401 || err.status === 400)) await signInAsGuest();
        else throw err;
      }
    }).finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  // request sends an authenticated request, refreshing the access token once
  // when the server says it is no longer valid.
  async function request(method, path, body) {
    await ensureAuth();
    for (let attempt = 0; ; attempt++) {
      const token = auth.access_token;
      const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const res = await fetch(path, {
        method, headers, cache: 'no-store',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (res.status === 401 && attempt === 0) {
        await refreshAuth(token);
        continue;
      }
      if (!res.ok) throw new HttpError(res.status, await res.json().catch(() => null));
      return res;
    }
  }

  const api = async (method, path, body) => (await request(method, path, body)).json();

  async function freshToken() {
    await ensureAuth();
    if (auth.expires_at && auth.expires_at - Date.now() < 60_000) await refreshAuth(auth.access_token);
    return auth.access_token;
  }

  // ----------------------------------------------------------- conversation

  const known = new Map(); // server message id -> message
  let lastId = '';

  function forgetConversation() {
    conversationId = null;
    save(KEY.conversation, null);
    save(KEY.messages, null);
  }

  const seq = (id) => {
    const m = /^m(\d+)$/.exec(id || '');
    return m ? Number(m[1]) : NaN;
  };

  function noteLastId(id) {
    const a = seq(id);
    const b = seq(lastId);
    if (!lastId || Number.isNaN(a) || Number.isNaN(b) || a > b) lastId = id;
  }

  // The cache is what is on screen, in screen order, so an offline start
  // shows the same conversation. A sent message the server has not echoed yet
  // is kept under a local id until the server list replaces it.
  function cacheMessages() {
    const all = [];
    for (const node of log.children) {
      if (node.dataset.id && known.has(node.dataset.id)) all.push(known.get(node.dataset.id));
      else if (node.dataset.cid && node.dataset.state === 'sent') {
        all.push({ id: `local:${node.dataset.cid}`, from: 'user', client_message_id: node.dataset.cid,
          text: node.querySelector('.bubble').textContent });
      }
    }
    save(KEY.messages, { conversation_id: conversationId, messages: all.slice(-CACHE_LIMIT) });
  }

  function clearLog() {
    known.clear();
    lastId = '';
    clearTimeout(locatingTimer);
    locating = null;
    hint.replaceChildren();
    log.replaceChildren();
  }

  // Bulk renders (start-up, reload) are history, not news: keep them out of
  // the live region so a screen reader doesn't read the whole conversation.
  function quietly(fn) {
    log.setAttribute('aria-live', 'off');
    try {
      fn();
    } finally {
      requestAnimationFrame(() => log.setAttribute('aria-live', 'polite'));
    }
  }

  // -------------------------------------------------------------- rendering

  function renderBotMessage(m) {
    const wrap = el('div', 'msg msg--bot');
    if (m.kind === 'crisis') wrap.classList.add('msg--crisis');
    wrap.dataset.id = m.id;
    if (m.text) {
      const row = el('div', 'msg__row');
      const avatar = el('img', 'avatar');
      avatar.src = 'icons/icon.svg';
      avatar.alt = '';
      const bubble = el('div', 'bubble');
      bubble.append(linkedText(m.text));
      row.append(avatar, el('span', 'visually-hidden', t('bot')), bubble);
      if (m.created_at) row.lastChild.title = new Date(m.created_at).toLocaleString(lang === 'en' ? 'en-GB' : 'da-DK');
      wrap.append(row);
    }
    if (Array.isArray(m.cards) && m.cards.length) {
      wrap.classList.add('has-cards');
      const list = el('ul', 'cards');
      list.setAttribute('aria-label', t('suggestions'));
      list.dataset.i18nLabel = 'suggestions';
      for (const card of m.cards) {
        const li = el('li');
        li.append(renderCard(card));
        list.append(li);
      }
      wrap.append(list);
    }
    return wrap;
  }

  // How many reasons a card shows before the rest fold away: a card has to
  // fit one phone screen with its actions in view.
  const WHY_SHOWN = 2;

  let cardSeq = 0;
  // renderCard keeps what a young person needs to decide on one phone screen
  // (title, organisation, distance, summary, the best reasons, the first
  // step and the actions) and folds the rest under "Mere om forslaget".
  function renderCard(c) {
    const card = el('article', 'card');
    const titleId = `card-${++cardSeq}`;
    card.setAttribute('aria-labelledby', titleId);
    card.dataset.opportunity = c.opportunity_id;

    const head = el('div', 'card__head');
    const title = el('h2', 'card__title', c.title);
    title.id = titleId;
    head.append(title);
    const byline = el('div', 'card__byline');
    if (c.organisation) byline.append(el('p', 'card__org', c.organisation));
    if (typeof c.distance_km === 'number') {
      const badge = el('span', 'card__badge', distanceLabel(c.distance_km));
      badge.dataset.km = String(c.distance_km);
      byline.append(badge);
    }
    if (byline.childElementCount) head.append(byline);
    card.append(head);

    if (c.caveat) {
      const caveat = el('p', 'card__caveat');
      caveat.append(icon('info'), el('span', '', c.caveat));
      card.append(caveat);
    }
    if (c.summary) card.append(el('p', 'card__summary', c.summary));

    const why = Array.isArray(c.why) ? c.why : [];
    const notes = Array.isArray(c.notes) ? c.notes : [];
    const reasons = (list) => {
      const ul = el('ul', 'card__why');
      for (const reason of list) {
        const li = el('li');
        li.append(icon('check'), el('span', '', reason));
        ul.append(li);
      }
      return ul;
    };
    const noteList = (list) => {
      const ul = el('ul', 'card__notes');
      for (const note of list) {
        const li = el('li');
        li.append(icon('info'), el('span', '', note));
        ul.append(li);
      }
      return ul;
    };
    // The check marks say "why" on screen; screen readers get the heading.
    const label = (key, hidden) => {
      const h = el('h3', hidden ? 'card__label visually-hidden' : 'card__label', t(key));
      h.dataset.i18n = key;
      return h;
    };

    if (why.length) {
      const section = el('div', 'card__section');
      section.append(label('why', true), reasons(why.slice(0, WHY_SHOWN)));
      card.append(section);
    }

    const fs = c.first_step || {};
    const step = el('div', 'card__step');
    step.append(label('firstStep'));
    const what = stepText(fs);
    if (what) step.append(el('p', 'card__step-what', what));
    // The icons carry the meaning on screen; screen readers get the words.
    const meta = (iconName, labelKey, content, extraClass) => {
      const line = el('p', `card__meta${extraClass ? ` ${extraClass}` : ''}`);
      const hidden = el('span', 'visually-hidden', t(labelKey));
      hidden.dataset.i18n = labelKey;
      const body = el('span');
      body.append(hidden, ' ', content);
      line.append(icon(iconName), body);
      step.append(line);
      return line;
    };
    if (fs.starts_at) {
      const time = el('time', '', formatSpan(fs.starts_at, fs.ends_at));
      time.dateTime = fs.starts_at;
      time.dataset.start = fs.starts_at;
      if (fs.ends_at) time.dataset.end = fs.ends_at;
      const line = meta('calendar', 'when', time, 'card__when');
      if (c.opportunity_id) {
        // On the date's own line, not among the answers to the bot; an icon
        // with a name, so the card keeps its actions on the screen.
        const b = el('button', 'btn btn--icon btn--calendar');
        b.type = 'button';
        b.setAttribute('aria-label', t('calendar'));
        b.dataset.i18nLabel = 'calendar';
        b.title = t('calendar');
        b.dataset.i18nTitle = 'calendar';
        b.append(icon('calendarAdd'));
        b.addEventListener('click', () => downloadCalendar(c.opportunity_id, b));
        line.append(b);
      }
    }
    if (fs.place) meta('pin', 'place', document.createTextNode(fs.place));
    if (fs.contact) meta('person', 'contact', document.createTextNode(fs.contact));
    card.append(step);

    const moreWhy = why.slice(WHY_SHOWN);
    if (moreWhy.length || notes.length) {
      const details = el('details', 'card__more');
      const summary = el('summary', 'card__more-toggle');
      const text = el('span', '', t('moreAbout'));
      text.dataset.i18n = 'moreAbout';
      summary.append(text);
      const body = el('div', 'card__more-body');
      if (moreWhy.length) {
        const section = el('div', 'card__section');
        section.append(label('why'), reasons(moreWhy));
        body.append(section);
      }
      if (notes.length) {
        const section = el('div', 'card__section');
        section.append(label('goodToKnow'), noteList(notes));
        body.append(section);
      }
      details.append(summary, body);
      card.append(details);
    }

    const actions = el('div', 'card__actions');
    for (const a of c.actions || []) {
      const kind = String(a.id).split(':')[0];
      const cls = kind === 'want' ? 'btn btn--primary' : kind === 'not_for_me' ? 'btn btn--quiet' : 'btn';
      const b = el('button', cls, a.label);
      b.type = 'button';
      b.dataset.choice = a.id;
      b.addEventListener('click', (ev) => choose(a.id, a.label, ev));
      actions.append(b);
    }
    card.append(actions);
    return card;
  }

  // The server's step text ends with the same date the card shows on its own
  // line; say it once.
  function stepText(fs) {
    const text = fs.text || '';
    if (!fs.starts_at) return text;
    for (const l of ['da', 'en']) {
      const suffix = ` – ${formatWhen(fs.starts_at, l)}`;
      if (text.endsWith(suffix)) return text.slice(0, -suffix.length);
    }
    return text;
  }

  function renderUserMessage(text, cid) {
    const wrap = el('div', 'msg msg--user');
    if (cid) wrap.dataset.cid = cid;
    const row = el('div', 'msg__row');
    row.append(el('span', 'visually-hidden', t('you')), el('div', 'bubble', text));
    wrap.append(row);
    return wrap;
  }

  function setBubbleState(node, state) {
    if (!node) return;
    node.dataset.state = state;
    node.classList.toggle('msg--pending', state === 'sending' || state === 'locating');
    node.classList.toggle('msg--failed', state === 'failed' || state === 'rejected');
    let status = node.querySelector('.msg__status');
    const interactive = state === 'failed' || state === 'rejected';
    if (status && (status.tagName === 'BUTTON') !== interactive) {
      status.remove();
      status = null;
    }
    if (!status) {
      status = el(interactive ? 'button' : 'span', 'msg__status');
      if (interactive) {
        status.type = 'button';
        status.addEventListener('click', () => retry(node.dataset.cid));
      }
      node.append(status);
    }
    status.textContent = state ? t(state) : '';
    status.hidden = !state || (state === 'sent' && !node.classList.contains('msg--last-user'));
  }

  function markLastUser() {
    const users = log.querySelectorAll('.msg--user');
    users.forEach((node, i) => {
      const last = i === users.length - 1;
      node.classList.toggle('msg--last-user', last);
      const status = node.querySelector('.msg__status');
      if (status && node.dataset.state === 'sent') status.hidden = !last;
    });
  }

  const byCid = (cid) => (cid ? log.querySelector(`.msg--user[data-cid="${CSS.escape(cid)}"]`) : null);

  // New server messages go after everything already sent but before bubbles
  // still waiting in the queue, so replies sit under the message they answer.
  function insertPoint() {
    for (const node of log.querySelectorAll('.msg--user[data-state]')) {
      if (node.dataset.state !== 'sent' && node.dataset.cid !== inFlight) return node;
    }
    return null;
  }

  // addServerMessage shows a message from the server once, however many
  // times it arrives (reply, event stream, poll, reload). It returns the new
  // element, or null when nothing new was shown.
  // Words of a reply still being written arrive as "token" events; they fill
  // a provisional bubble, hidden from screen readers, that the stored
  // message replaces.
  const drafts = new Map();
  function showDraftToken(data) {
    if (!data || !data.message_id || !data.token || known.has(data.message_id)) return;
    let node = drafts.get(data.message_id);
    if (!node) {
      node = renderBotMessage({ id: 'draft:' + data.message_id, text: ' ' });
      node.classList.add('msg--draft');
      node.setAttribute('aria-hidden', 'true');
      node.querySelector('.bubble').textContent = '';
      drafts.set(data.message_id, node);
      log.insertBefore(node, insertPoint());
    }
    node.querySelector('.bubble').textContent += data.token;
    scrollToEnd();
  }

  function addServerMessage(m) {
    if (!m || !m.id || known.has(m.id)) return null;
    const draft = drafts.get(m.id);
    if (draft) {
      draft.remove();
      drafts.delete(m.id);
    }
    known.set(m.id, m);
    if (!m.id.startsWith('local:')) noteLastId(m.id);
    if (m.from === 'user') {
      const mine = byCid(m.client_message_id);
      if (mine) {
        mine.dataset.id = m.id;
        // The server's label is the truth ("📍 8000 Aarhus C" for a
        // location, the bot's own words for a language switch).
        const bubble = mine.querySelector('.bubble');
        if (m.text && bubble.textContent !== m.text) {
          bubble.textContent = m.text;
          delete mine.dataset.label;
        }
        dropPending(m.client_message_id);
        setBubbleState(mine, 'sent');
        return null;
      }
      if (!m.text) return null; // a message the server was asked to forget
      const node = renderUserMessage(m.text, m.client_message_id);
      node.dataset.id = m.id;
      log.insertBefore(node, insertPoint());
      setBubbleState(node, 'sent');
      return node;
    }
    const node = renderBotMessage(m);
    log.insertBefore(node, insertPoint());
    return node;
  }

  function mergeMessages(messages) {
    let first = null;
    for (const m of messages || []) {
      const node = addServerMessage(m);
      if (node && !first) first = node;
      if (node && m.kind === 'lead_sent') offerPush(); // the moment to ask (push)
    }
    if (first) {
      cacheMessages();
      afterChange(first);
    }
    return first;
  }

  function afterChange(firstNew) {
    if (firstNew && firstNew.classList.contains('msg--bot')) clearHint();
    markLastUser();
    updateQuickReplies();
    scrollToNew(firstNew);
  }

  // Quick replies belong to the last message only, and only while it is the
  // bot's turn to be answered.
  function updateQuickReplies() {
    const last = log.lastElementChild;
    const m = last && last.classList.contains('msg--bot') ? known.get(last.dataset.id) : null;
    const replies = m && Array.isArray(m.quick_replies) ? m.quick_replies : [];
    const id = m ? m.id : '';
    if (chips.dataset.for !== id) {
      chips.replaceChildren();
      chips.dataset.for = id;
      for (const q of replies) {
        const b = el('button', 'chip', q.label);
        b.type = 'button';
        b.dataset.choice = q.id;
        b.addEventListener('click', (ev) => choose(q.id, q.label, ev));
        chips.append(b);
      }
    }
    chips.hidden = replies.length === 0 || !!inFlight;
  }

  let stickToBottom = true;
  chat.addEventListener('scroll', () => {
    stickToBottom = chat.scrollHeight - chat.scrollTop - chat.clientHeight < 96;
  }, { passive: true });

  // A long answer (like suggestion cards) is read from its top; short ones
  // just keep the conversation scrolled to the end.
  function scrollToNew(firstNew, force) {
    if (!stickToBottom && !force) return;
    const bottom = chat.scrollHeight - chat.clientHeight;
    let target = bottom;
    if (firstNew && firstNew.classList.contains('msg--bot')) {
      target = Math.min(bottom, firstNew.offsetTop - 12);
    }
    chat.scrollTop = Math.max(target, chat.scrollTop);
    stickToBottom = true;
  }

  function scrollToEnd() {
    chat.scrollTop = chat.scrollHeight;
    stickToBottom = true;
  }

  // -------------------------------------------------------------- start-up

  function renderPending() {
    for (const p of pending) {
      if (byCid(p.cid)) continue;
      const node = renderUserMessage(p.label, p.cid);
      log.append(node);
      setBubbleState(node, p.state === 'rejected' ? 'rejected' : p.state === 'failed' ? 'failed' : 'sending');
    }
  }

  // showConversation redraws the whole conversation from a full list: the
  // server's order is the truth, and it may have forgotten messages.
  function showConversation(messages) {
    quietly(() => {
      clearLog();
      for (const m of messages) {
        // A queued message the server already has (its reply got lost on the
        // way) is simply sent: drop it from the queue.
        if (m.from === 'user' && m.client_message_id) dropPending(m.client_message_id);
        addServerMessage(m);
      }
      renderPending();
    });
    boot.hidden = log.childElementCount > 0;
    cacheMessages();
    markLastUser();
    updateQuickReplies();
    scrollToEnd();
  }

  function showCached() {
    const cached = load(KEY.messages, null);
    if (cached && cached.conversation_id && cached.conversation_id === conversationId && Array.isArray(cached.messages)) {
      showConversation(cached.messages);
    } else {
      quietly(renderPending);
      boot.hidden = log.childElementCount > 0;
    }
  }

  let startTimer = 0;
  let startAttempt = 0;
  let started = false;

  // A class's link (/?join=CODE) starts the pupil's conversation in that
  // class's session, even on a phone that already has a conversation. The
  // code is read once: it leaves the address bar as soon as the server has
  // answered, so a reload does not join again.
  let classCode = (new URLSearchParams(location.search).get('join') || '').trim();
  // A professional's referral link (/?ref=CODE) opens the referral in the
  // young person's conversation the same way, once: the bot says who sent
  // them and asks whether that person may follow along.
  let referralCode = (new URLSearchParams(location.search).get('ref') || '').trim();

  function forgetClassCode() {
    classCode = '';
    referralCode = '';
    const params = new URLSearchParams(location.search);
    if (!params.has('join') && !params.has('ref')) return;
    params.delete('join');
    params.delete('ref');
    const query = params.toString();
    history.replaceState(null, '', location.pathname + (query ? '?' + query : '') + location.hash);
  }

  // openConversation starts the conversation, in the class's session when
  // there is a code. A code the server refuses (unknown, expired, too many
  // tries) is said in the chat, and the pupil carries on without it.
  async function openConversation() {
    if (!classCode && !referralCode) return { data: await api('POST', '/v1/conversations', { locale: lang }), refused: '' };
    const referral = !classCode;
    const body = referral ? { locale: lang, referral_code: referralCode } : { locale: lang, join_code: classCode };
    try {
      const data = await api('POST', '/v1/conversations', body);
      forgetClassCode();
      return { data, refused: '' };
    } catch (err) {
      if (!(err instanceof HttpError) || err.status < 400 || err.status >= 500 || err.status === 408) throw err;
      forgetClassCode();
      return { data: await api('POST', '/v1/conversations', { locale: lang }), refused: refusalText(err, referral) };
    }
  }

  // refusalText says why a class or referral code was refused. The server's problem
  // detail is written in English, so a Danish chat says it in its own words.
  function refusalText(err, referral) {
    const detail = err.problem && err.problem.detail;
    if (lang === 'en' && detail) return detail;
    if (referral) return t(err.status === 429 ? 'referralCodeTooMany' : err.status === 409 ? 'referralCodeTaken' : 'referralCodeRefused');
    return t(err.status === 429 ? 'classCodeTooMany' : 'classCodeRefused');
  }

  // showNotice puts the app's own words in the chat as the bot would say
  // them, after the last thing the pupil said. It is not part of the stored
  // conversation, so it is not cached and the quick replies stay.
  function showNotice(text) {
    if (!text) return;
    const node = renderBotMessage({ id: '', text });
    delete node.dataset.id;
    node.classList.add('msg--notice');
    node.setAttribute('role', 'status');
    const users = log.querySelectorAll('.msg--user');
    const after = users.length ? users[users.length - 1] : null;
    log.insertBefore(node, after ? after.nextSibling : log.firstChild);
  }

  async function start() {
    clearTimeout(startTimer);
    try {
      await ensureAuth();
      const { data, refused } = await openConversation();
      conversationId = data.conversation_id;
      save(KEY.conversation, conversationId);
      showConversation(data.messages || []);
      showNotice(refused);
      started = true;
      startAttempt = 0;
      boot.hidden = true;
      connectLive();
      joinFromLink();
      flush();
      syncLanguage();
      renewPush();
    } catch (err) {
      boot.hidden = log.childElementCount > 0;
      boot.textContent = t('startFailed');
      boot.dataset.i18n = 'startFailed';
      markFailed();
      startAttempt++;
      startTimer = setTimeout(start, Math.min(30000, 1000 * 2 ** startAttempt));
    }
  }

  let restarting = false;
  function restart() {
    if (restarting) return;
    restarting = true;
    started = false;
    closeEvents();
    stopPolling();
    clearLog();
    start().finally(() => {
      restarting = false;
    });
  }

  // The bot follows the language the young person writes in; let the app's
  // own words follow too, unless a language switch is still on its way.
  async function syncLanguage() {
    if (pending.some((p) => p.choice === 'lang_en' || p.choice === 'lang_da')) return;
    try {
      const me = await api('GET', '/v1/me');
      if (me && (me.locale === 'da' || me.locale === 'en') && me.locale !== lang) setLanguage(me.locale);
    } catch {
      // Only cosmetic.
    }
  }

  // ----------------------------------------------------------------- sending

  // A location is sent from memory only: coordinates never reach storage,
  // so a reload simply forgets a location that was not sent yet.
  function savePending() {
    save(KEY.pending, pending.filter((p) => !p.location));
  }

  function dropPending(cid) {
    const before = pending.length;
    pending = pending.filter((p) => p.cid !== cid);
    if (pending.length !== before) savePending();
  }

  function newId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    // randomUUID needs a secure context; a plain-http LAN address has none.
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  // queue keeps the message in storage before anything else, so neither a
  // reload nor a lost connection can swallow it.
  function queue(entry, shown) {
    cancelLocating(); // a message typed while the location is looked up wins
    clearHint();
    entry.cid = newId();
    entry.at = new Date().toISOString();
    pending.push(entry);
    savePending();
    const node = shown || renderUserMessage(entry.label, entry.cid);
    node.dataset.cid = entry.cid;
    if (!shown) log.append(node);
    setBubbleState(node, 'sending');
    boot.hidden = true;
    markLastUser();
    updateQuickReplies();
    scrollToNew(node, true);
    if (started) flush();
    else if (startAttempt > 0) markFailed();
  }

  // A friend's invite link (/?invite=CODE) joins their lead once, and the
  // code leaves the address bar so a reload does not join again.
  function joinFromLink() {
    const params = new URLSearchParams(location.search);
    const code = (params.get('invite') || '').trim();
    if (!code) return;
    params.delete('invite');
    const query = params.toString();
    history.replaceState(null, '', location.pathname + (query ? '?' + query : '') + location.hash);
    queue({ choice: 'join:' + code, label: code });
  }

  function sendText(raw) {
    const text = raw.trim();
    if (!text) return false;
    queue({ text, label: text });
    return true;
  }

  function choose(id, label, ev) {
    if (id === 'use_location') {
      useLocation();
      if (ev && ev.detail === 0) input.focus({ preventScroll: true });
      return;
    }
    if (id === 'lang_en' || id === 'lang_da') setLanguage(id.slice(5));
    queue({ choice: id, label: label || id });
    // Chips vanish once used; a keyboard user continues in the message box
    // rather than being dropped at the top of the page. Touch users keep
    // their on-screen keyboard closed.
    if (ev && ev.detail === 0) input.focus({ preventScroll: true });
  }

  // ---------------------------------------------------------------- location

  // The bubble of a location being looked up, until the browser answers.
  let locating = null;
  let locatingTimer = 0;
  // Longer than the browser's own timeout, for a permission prompt that is
  // never answered.
  const LOCATE_GIVE_UP_MS = 20000;

  // useLocation answers the place question with the device's position: the
  // browser asks for consent, the server turns the position into the
  // nearest postcode, and the bubble then reads e.g. "📍 8000 Aarhus C".
  // Coordinates only live in memory until they are sent.
  function useLocation() {
    cancelLocating();
    clearHint();
    if (!navigator.geolocation || !window.isSecureContext) {
      noLocation(t('noLocation'));
      return;
    }
    const node = renderUserMessage(t('myLocation'));
    node.dataset.label = 'myLocation';
    log.append(node);
    setBubbleState(node, 'locating');
    locating = node;
    boot.hidden = true;
    markLastUser();
    updateQuickReplies();
    scrollToNew(node, true);
    const done = (pos) => {
      if (locating !== node) return; // cancelled, or the user went on
      clearTimeout(locatingTimer);
      locating = null;
      if (!pos) {
        node.remove();
        markLastUser();
        updateQuickReplies();
        noLocation(t('noLocation'));
        return;
      }
      queue({
        location: { lat: pos.coords.latitude, lon: pos.coords.longitude },
        label: t('myLocation'),
      }, node);
    };
    locatingTimer = setTimeout(() => done(null), LOCATE_GIVE_UP_MS);
    navigator.geolocation.getCurrentPosition(done, () => done(null),
      { enableHighAccuracy: false, timeout: 10000, maximumAge: 10 * 60 * 1000 });
  }

  // cancelLocating drops a lookup still under way, e.g. because the young
  // person typed their town instead.
  function cancelLocating() {
    if (!locating) return;
    clearTimeout(locatingTimer);
    locating.remove();
    locating = null;
    markLastUser();
    updateQuickReplies();
  }

  // noLocation says, in the chat and without an alert, that the location
  // could not be used, and hands over to the message box.
  function noLocation(text) {
    showHint(text);
    input.focus({ preventScroll: true });
  }

  // The hint is a status region that stays in the page, so a screen reader
  // hears it; it takes no room while empty.
  function showHint(text) {
    hint.textContent = '';
    hint.append(icon('pin'), el('span', '', text));
    if (stickToBottom) scrollToEnd();
  }

  function clearHint() {
    hint.replaceChildren();
  }

  let inFlight = null;
  let flushing = false;
  let retryTimer = 0;
  let retryDelay = 0;

  function showTyping(on) {
    typing.hidden = !on;
    if (on) {
      chips.hidden = true;
      if (stickToBottom) scrollToEnd();
    }
  }

  async function flush() {
    if (flushing || !started) return;
    flushing = true;
    clearTimeout(retryTimer);
    try {
      while (pending.length) {
        const p = pending.find((x) => x.state !== 'rejected');
        if (!p) break;
        const node = byCid(p.cid);
        inFlight = p.cid;
        setBubbleState(node, 'sending');
        showTyping(true);
        const body = { client_message_id: p.cid };
        if (p.location) body.location = p.location;
        else if (p.choice) body.choice = p.choice;
        else body.text = p.text;
        const seenBefore = lastId;
        try {
          const data = await api('POST', `/v1/conversations/${encodeURIComponent(conversationId)}/messages`, body);
          dropPending(p.cid);
          inFlight = null;
          setBubbleState(node, 'sent');
          showTyping(false);
          const first = mergeMessages(data.messages);
          if (!first) afterChange(null);
          retryDelay = 0;
          // The server names the place it found ("📍 8000 Aarhus C") on the
          // stored message, not in the reply: fetch it for the bubble.
          if (p.location) catchUp(seenBefore);
        } catch (err) {
          inFlight = null;
          showTyping(false);
          if (p.location && err instanceof HttpError && (err.status === 400 || err.status === 422)) {
            // Outside Denmark, say: sending it again won't help. The server
            // says why; the young person types a place instead.
            dropPending(p.cid);
            if (node) node.remove();
            markLastUser();
            updateQuickReplies();
            noLocation(err.status === 422 ? t('outsideDenmark') : t('noLocation'));
            continue;
          }
          if (err instanceof HttpError && err.status === 404) {
            // The conversation is gone (e.g. a new guest account): start a
            // fresh one and send the queue there.
            forgetConversation();
            flushing = false;
            restart();
            return;
          }
          if (err instanceof HttpError && err.status >= 400 && err.status < 500 && err.status !== 408 && err.status !== 429) {
            // Sending the same thing again won't help; wait for the user.
            p.state = 'rejected';
            savePending();
            setBubbleState(node, 'rejected');
            continue;
          }
          markFailed();
          scheduleRetry();
          break;
        }
      }
    } finally {
      if (flushing) {
        flushing = false;
        inFlight = null;
        updateQuickReplies();
      }
    }
  }

  function markFailed() {
    let changed = false;
    for (const q of pending) {
      if (q.state !== 'rejected' && q.state !== 'failed') {
        q.state = 'failed';
        changed = true;
      }
      if (q.state === 'failed') setBubbleState(byCid(q.cid), 'failed');
    }
    if (changed) {
      savePending();
      announce(t('failedAnnounce'));
    }
  }

  function scheduleRetry() {
    retryDelay = Math.min(30000, retryDelay ? retryDelay * 2 : 2000);
    clearTimeout(retryTimer);
    retryTimer = setTimeout(flush, retryDelay);
  }

  async function catchUp(after) {
    try {
      const q = after ? `?after=${encodeURIComponent(after)}` : '';
      const data = await api('GET', `/v1/conversations/${encodeURIComponent(conversationId)}/messages${q}`);
      mergeMessages(data.messages);
    } catch {
      // The event stream, polling or the next reload bring it anyway.
    }
  }

  function retry(cid) {
    const p = pending.find((x) => x.cid === cid);
    if (!p) return;
    p.state = undefined;
    savePending();
    setBubbleState(byCid(cid), 'sending');
    retryDelay = 0;
    if (!started) start();
    else flush();
  }

  log.addEventListener('click', (ev) => {
    const bubble = ev.target.closest('.msg--failed .bubble');
    if (bubble) retry(bubble.closest('.msg').dataset.cid);
  });

  // ------------------------------------------------------------ live updates

  let events = null;
  let eventFailures = 0;
  let eventRetry = 0;
  let pollTimer = 0;
  let polling = false;

  function connectLive() {
    closeEvents();
    if (!conversationId) return;
    // Three failed attempts without ever connecting means there is no event
    // stream here (or a proxy eats it): polling alone is fine.
    if (!('EventSource' in window) || eventFailures >= 3) {
      startPolling();
      return;
    }
    freshToken().then((token) => {
      if (events || !conversationId) return;
      let url = `/v1/conversations/${encodeURIComponent(conversationId)}/events?access_token=${encodeURIComponent(token)}`;
      if (lastId) url += `&after=${encodeURIComponent(lastId)}`;
      const source = new EventSource(url);
      events = source;
      let opened = false;
      source.addEventListener('open', () => {
        opened = true;
        eventFailures = 0;
        stopPolling();
        pollOnce(); // catch up on anything said while we were away
      });
      source.addEventListener('message', (ev) => {
        try {
          mergeMessages([JSON.parse(ev.data)]);
        } catch {
          // A malformed event is skipped; polling would catch the message.
        }
      });
      source.addEventListener('token', (ev) => {
        try {
          showDraftToken(JSON.parse(ev.data));
        } catch {
          // Provisional words only; the stored message follows anyway.
        }
      });
      source.addEventListener('error', () => {
        if (events !== source) return;
        startPolling();
        if (source.readyState !== EventSource.CLOSED) return; // the browser reconnects by itself
        source.close();
        events = null;
        if (!opened) eventFailures++;
        clearTimeout(eventRetry);
        eventRetry = setTimeout(connectLive, Math.min(60000, 5000 * 2 ** eventFailures));
      });
    }, () => startPolling());
  }

  function closeEvents() {
    clearTimeout(eventRetry);
    if (events) {
      events.close();
      events = null;
    }
  }

  function startPolling() {
    if (pollTimer) return;
    pollTimer = setInterval(pollOnce, POLL_MS);
  }

  function stopPolling() {
    clearInterval(pollTimer);
    pollTimer = 0;
  }

  async function pollOnce() {
    if (polling || !conversationId || !started) return;
    polling = true;
    try {
      const q = lastId ? `?after=${encodeURIComponent(lastId)}` : '';
      const data = await api('GET', `/v1/conversations/${encodeURIComponent(conversationId)}/messages${q}`);
      mergeMessages(data.messages);
    } catch {
      // Next tick tries again.
    } finally {
      polling = false;
    }
  }

  // --------------------------------------------------------------- calendar

  async function downloadCalendar(opportunityId, button) {
    button.disabled = true;
    try {
      const res = await request('GET', `/v1/suggestions/${encodeURIComponent(opportunityId)}/first-step.ics`);
      const blob = new Blob([await res.arrayBuffer()], { type: 'text/calendar' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `brobygger-${opportunityId}.ics`;
      a.hidden = true;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30000);
      announce(t('calendarSaved'));
    } catch {
      announce(t('calendarFailed'));
    } finally {
      button.disabled = false;
    }
  }

  // --------------------------------------------------------------- composer

  input.value = load(KEY.draft, '') || '';

  // The box grows with what is typed; the stylesheet's max-height caps it.
  function autosize() {
    input.style.height = 'auto';
    input.style.height = `${input.scrollHeight + input.offsetHeight - input.clientHeight}px`;
  }

  input.addEventListener('input', () => {
    save(KEY.draft, input.value);
    autosize();
  });

  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      form.requestSubmit();
    }
  });

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (sendText(input.value)) {
      input.value = '';
      save(KEY.draft, '');
      autosize();
    }
    input.focus({ preventScroll: true });
  });

  langToggle.addEventListener('click', (ev) => {
    const next = lang === 'da' ? 'en' : 'da';
    // The bot labels the switch itself; this label only shows until it does.
    choose(`lang_${next}`, next === 'en' ? 'English please' : 'Dansk tak', ev);
  });

  // ------------------------------------------------------ network awareness

  function updateOnline() {
    offlineBanner.hidden = navigator.onLine !== false;
  }

  window.addEventListener('online', () => {
    updateOnline();
    retryDelay = 0;
    for (const p of pending) {
      if (p.state === 'failed') setBubbleState(byCid(p.cid), 'sending');
    }
    if (!started) {
      start();
      return;
    }
    flush();
    pollOnce();
    if (!events) {
      eventFailures = Math.min(eventFailures, 2);
      connectLive();
    }
  });
  window.addEventListener('offline', updateOnline);

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && started) {
      pollOnce();
      if (pending.length) flush();
    }
  });

  // Another tab may have refreshed the tokens or changed the language.
  window.addEventListener('storage', (ev) => {
    if (ev.key === KEY.auth) auth = readAuth();
    if (ev.key === KEY.lang) setLanguage(load(KEY.lang, 'da'));
  });

  // ------------------------------------------------------------------ push

  // Right after a lead is sent, the chat offers to tell the phone when the
  // organisation answers: never on page load, never again after "Nej tak".
  // A push says only that there is a new message (sw.js shows it). iPhones
  // and iPads can only get pushes from an app on the home screen, so there
  // the offer explains that instead of asking.
  let pushCard = null;

  function isIOS() {
    return /iPad|iPhone|iPod/.test(navigator.userAgent) ||
      (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1); // iPadOS asks for the desktop site
  }

  function isStandalone() {
    return navigator.standalone === true || window.matchMedia('(display-mode: standalone)').matches;
  }

  function pushSupported() {
    return 'serviceWorker' in navigator && window.isSecureContext && 'PushManager' in window && 'Notification' in window;
  }

  function offerPush() {
    if (pushCard && pushCard.isConnected) return;
    const state = load(KEY.push, '');
    if (state === 'declined' || state === 'subscribed') return;
    if (isIOS() && (!isStandalone() || !('PushManager' in window))) {
      if (state === 'ios-explained') return;
      showPushCard('pushIos', null, [{ key: 'pushOk', primary: true, act: () => {
        save(KEY.push, 'ios-explained');
        closePushCard();
      } }]);
      return;
    }
    if (!pushSupported() || Notification.permission === 'denied') return;
    showPushCard('pushOffer', 'pushOfferNote', [
      { key: 'pushYes', primary: true, act: turnOnPush },
      { key: 'pushNo', act: () => {
        save(KEY.push, 'declined');
        closePushCard();
      } },
    ]);
  }

  // The offer sits under the conversation, outside the log: it is not part
  // of the stored conversation, and the last message keeps its quick replies.
  function showPushCard(textKey, noteKey, actions) {
    closePushCard();
    const card = el('section', 'push-offer');
    card.setAttribute('aria-label', t('pushLabel'));
    card.dataset.i18nLabel = 'pushLabel';
    const text = el('p', 'push-offer__text', t(textKey));
    text.dataset.i18n = textKey;
    text.setAttribute('role', 'status');
    card.append(text);
    if (noteKey) {
      const note = el('p', 'push-offer__note', t(noteKey));
      note.dataset.i18n = noteKey;
      card.append(note);
    }
    const row = el('div', 'push-offer__actions');
    for (const a of actions) {
      const b = el('button', a.primary ? 'btn btn--primary btn--small' : 'btn btn--quiet btn--small', t(a.key));
      b.type = 'button';
      b.dataset.i18n = a.key;
      b.dataset.push = a.key;
      b.addEventListener('click', () => a.act(card));
      row.append(b);
    }
    card.append(row);
    log.after(card);
    pushCard = card;
    if (stickToBottom) scrollToEnd();
  }

  function closePushCard(saying) {
    if (!pushCard) return;
    const card = pushCard;
    pushCard = null;
    card.remove();
    if (saying) announce(t(saying));
  }

  async function turnOnPush(card) {
    for (const b of card.querySelectorAll('button')) b.disabled = true;
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        if (permission === 'denied') save(KEY.push, 'declined');
        closePushCard(permission === 'denied' ? 'pushBlocked' : '');
        return;
      }
      await subscribePush();
      save(KEY.push, 'subscribed');
      closePushCard('pushOn');
    } catch {
      closePushCard('pushFailed');
    }
  }

  function base64UrlBytes(s) {
    const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
    return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  }

  // subscribePush subscribes this browser with the server's key (again,
  // when the key changed) and hands the subscription to the server.
  async function subscribePush() {
    const reg = await navigator.serviceWorker.ready;
    const { public_key: key } = await api('GET', '/v1/push/vapid-public-key');
    const serverKey = base64UrlBytes(key);
    let sub = await reg.pushManager.getSubscription();
    const oldKey = sub && sub.options && sub.options.applicationServerKey;
    if (sub && oldKey && new Uint8Array(oldKey).join() !== serverKey.join()) {
      await sub.unsubscribe();
      sub = null;
    }
    if (!sub) sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: serverKey });
    await sendPushSubscription(sub);
  }

  async function sendPushSubscription(sub) {
    const { endpoint, keys } = sub.toJSON();
    await request('POST', '/v1/me/push-subscriptions', { endpoint, keys });
  }

  // renewPush hands the browser's subscription to the server again at
  // start: registering is idempotent, and after a new guest sign-in the
  // phone belongs to the new young person.
  async function renewPush() {
    if (load(KEY.push, '') !== 'subscribed' || !pushSupported() || Notification.permission !== 'granted') return;
    try {
      const reg = await navigator.serviceWorker.ready;
      const sub = await reg.pushManager.getSubscription();
      if (sub) await sendPushSubscription(sub);
    } catch {
      // The next start tries again; the chat works without pushes.
    }
  }

  // -------------------------------------------------------------------- go

  applyLanguage();
  updateOnline();
  showCached();
  autosize();
  start();

  if ('serviceWorker' in navigator && window.isSecureContext) {
    window.addEventListener('load', () => {
      navigator.serviceWorker.register('sw.js').catch(() => {
        // Without a worker the app still works, just not offline.
      });
    });
  }

  // Exposed for the browser tests and for debugging in the console.
  window.brobygger = {
    get conversationId() {
      return conversationId;
    },
    get lastId() {
      return lastId;
    },
    get started() {
      return started;
    },
    get live() {
      if (events && events.readyState === EventSource.OPEN) return 'events';
      return pollTimer ? 'polling' : 'idle';
    },
  };
})();
