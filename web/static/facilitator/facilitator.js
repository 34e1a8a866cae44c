// Brobygger for teachers: a teacher signs in, makes a session for a class,
// shows the join code on the projector and follows the class's totals, then
// prints the class plan. The page only ever gets totals from the server (a
// count under five comes as null), so it cannot show what one pupil said.
// Plain browser JavaScript, no build step; server text only ever becomes
// textContent, and the QR code's SVG is rebuilt from an allow-list.
'use strict';

(() => {
  const KEY = 'brobygger.facilitator.auth';
  const ZONE = 'Europe/Copenhagen';
  // The summary is a snapshot the server refreshes every few minutes; asking
  // every 15 s shows a new one soon after it is made.
  const POLL_MS = 15000;

  const STR = {
    da: {
      skip: 'Gå til indholdet',
      tagline: 'For lærere',
      signOut: 'Log ud',
      signinTitle: 'Log ind som lærer',
      signinIntro: 'Lav en session til klassen. Eleverne chatter på deres egen telefon, og du ser kun tal for hele klassen.',
      email: 'E-mail',
      password: 'Adgangskode',
      signIn: 'Log ind',
      signingIn: 'Logger ind …',
      sessionsTitle: 'Mine sessioner',
      loading: 'Henter …',
      noSessions: 'Du har ingen sessioner endnu. Lav den første her.',
      sessionsFailed: 'Sessionerne kunne ikke hentes.',
      newTitle: 'Ny session',
      fieldTitle: 'Titel',
      fieldTitleHint: 'Fx “8.B – frivillighed”. Eleverne ser titlen.',
      fieldStarts: 'Dato og tid',
      fieldPostcode: 'Skolens postnummer',
      fieldSize: 'Antal elever',
      create: 'Lav session',
      creating: 'Laver session …',
      needTitle: 'Giv sessionen en titel.',
      badPostcode: 'Et postnummer har fire cifre.',
      badSize: 'Skriv antallet af elever som et tal.',
      sessionNav: 'Session',
      planNav: 'Klassens plan',
      back: '← Mine sessioner',
      toPlan: 'Klassens plan',
      backToSession: '← Tilbage til sessionen',
      print: 'Udskriv',
      open: 'Vis koden',
      joinLead: 'Gå ind på linket eller scan koden, og skriv koden, hvis du bliver spurgt:',
      codeSpelled: (chars) => `Koden er ${chars}`,
      qrLoading: 'Henter QR-kode …',
      qrCaption: 'QR-kode til linket',
      qrFailed: 'QR-koden kunne ikke hentes. Brug linket eller koden.',
      validUntil: (when) => `Koden virker til ${when}.`,
      expired: 'Koden er udløbet. Forny den, før eleverne går i gang.',
      renew: 'Forny koden',
      renewing: 'Fornyer …',
      renewed: (when) => `Koden er fornyet og virker til ${when}.`,
      totalsTitle: 'Klassen lige nu',
      joined: 'Er med',
      reached: 'Har fået forslag',
      chose: 'Har valgt et første skridt',
      interestsTitle: 'Det er de optaget af',
      timesTitle: 'Her har de tid',
      fewer: 'færre end 5',
      noneYet: 'Ingen tal endnu.',
      asOf: (at, next) => (next ? `Tal fra ${at} · næste opdatering ca. ${next}` : `Tal fra ${at}`),
      summaryFailed: 'Tallene kunne ikke hentes lige nu. Siden prøver igen om lidt.',
      privacy: 'Du ser kun tal for hele klassen – aldrig hvad den enkelte elev har svaret.',
      planKicker: 'Klassens plan',
      planInterests: 'Det er klassen mest optaget af',
      planOutings: 'Tre ting, klassen kan gøre sammen',
      planFollow: 'Opfølgning',
      planEmpty: 'Planen bliver klar, når flere elever har været igennem samtalen.',
      noInterests: 'Ingen fælles interesser endnu.',
      noOutings: 'Ingen forslag endnu.',
      noFollow: 'Ingen dato endnu.',
      followOn: (day) => `Følg op med klassen ${day}: hvem er kommet i gang, og hvad skal der til for resten?`,
      firstStep: 'Første skridt',
      when: 'Hvornår:',
      place: 'Hvor:',
      contact: 'Kontakt:',
      groupSize: (n) => `Plads til ${n} ad gangen`,
      distance: (km) => `${km} km fra skolen`,
      nearSchool: 'tæt på skolen',
      sessionMeta: (parts) => parts.join(' · '),
      classSize: (n) => `${n} elever`,
      postcode: (pc) => `Postnummer ${pc}`,
      code: (c) => `Kode ${c}`,
      today: 'i dag',
      yesterday: 'i går',
      clock: (h, m) => `kl. ${h}.${m}`,
      wrongRole: 'Kontoen er ikke en lærerkonto. Log ind med din lærerkonto.',
      wrongLogin: 'E-mailen eller adgangskoden er forkert.',
      needBoth: 'Skriv både e-mail og adgangskode.',
      signedOut: 'Du er logget ud.',
      expiredSession: 'Du er blevet logget ud. Log ind igen for at fortsætte.',
      signedIn: 'Du er logget ind.',
      created: 'Sessionen er lavet. Vis koden for klassen.',
      noConnection: 'Ingen forbindelse til Brobygger. Prøv igen om lidt.',
      forbidden: 'Din konto har ikke adgang til det her.',
      notFound: 'Sessionen findes ikke, eller den er ikke din.',
      tooMany: 'Der er sendt for mange forespørgsler. Vent lidt, og prøv igen.',
      serverError: 'Der gik noget galt hos Brobygger. Prøv igen om lidt.',
      failed: 'Det kunne ikke lade sig gøre. Tjek det, du har skrevet, og prøv igen.',
      somethingWrong: 'Noget gik galt. Prøv igen.',
    },
    en: {
      skip: 'Skip to the content',
      tagline: 'For teachers',
      signOut: 'Sign out',
      signinTitle: 'Sign in as a teacher',
      signinIntro: 'Make a session for your class. Pupils chat on their own phones, and you only see totals for the whole class.',
      email: 'E-mail',
      password: 'Password',
      signIn: 'Sign in',
      signingIn: 'Signing in …',
      sessionsTitle: 'My sessions',
      loading: 'Loading …',
      noSessions: 'You have no sessions yet. Make the first one here.',
      sessionsFailed: "The sessions couldn't be loaded.",
      newTitle: 'New session',
      fieldTitle: 'Title',
      fieldTitleHint: 'E.g. “8B – volunteering”. Pupils see the title.',
      fieldStarts: 'Date and time',
      fieldPostcode: "School's postcode",
      fieldSize: 'Number of pupils',
      create: 'Make session',
      creating: 'Making session …',
      needTitle: 'Give the session a title.',
      badPostcode: 'A postcode has four digits.',
      badSize: 'Write the number of pupils as a number.',
      sessionNav: 'Session',
      planNav: 'Class plan',
      back: '← My sessions',
      toPlan: 'Class plan',
      backToSession: '← Back to the session',
      print: 'Print',
      open: 'Show the code',
      joinLead: 'Open the link or scan the code, and type the code if you are asked:',
      codeSpelled: (chars) => `The code is ${chars}`,
      qrLoading: 'Loading QR code …',
      qrCaption: 'QR code for the link',
      qrFailed: "The QR code couldn't be loaded. Use the link or the code.",
      validUntil: (when) => `The code works until ${when}.`,
      expired: 'The code has expired. Renew it before the pupils start.',
      renew: 'Renew the code',
      renewing: 'Renewing …',
      renewed: (when) => `The code is renewed and works until ${when}.`,
      totalsTitle: 'The class right now',
      joined: 'Have joined',
      reached: 'Have had suggestions',
      chose: 'Have chosen a first step',
      interestsTitle: 'What they care about',
      timesTitle: 'When they have time',
      fewer: 'fewer than 5',
      noneYet: 'No numbers yet.',
      asOf: (at, next) => (next ? `Numbers from ${at} · next update around ${next}` : `Numbers from ${at}`),
      summaryFailed: "The numbers couldn't be loaded right now. The page tries again shortly.",
      privacy: 'You only see numbers for the whole class – never what one pupil answered.',
      planKicker: 'Class plan',
      planInterests: 'What the class cares most about',
      planOutings: 'Three things the class can do together',
      planFollow: 'Follow-up',
      planEmpty: 'The plan is ready once more pupils have been through the conversation.',
      noInterests: 'No shared interests yet.',
      noOutings: 'No suggestions yet.',
      noFollow: 'No date yet.',
      followOn: (day) => `Follow up with the class on ${day}: who has started, and what would help the rest?`,
      firstStep: 'First step',
      when: 'When:',
      place: 'Where:',
      contact: 'Contact:',
      groupSize: (n) => `Room for ${n} at a time`,
      distance: (km) => `${km} km from the school`,
      nearSchool: 'close to the school',
      sessionMeta: (parts) => parts.join(' · '),
      classSize: (n) => `${n} pupils`,
      postcode: (pc) => `Postcode ${pc}`,
      code: (c) => `Code ${c}`,
      today: 'today',
      yesterday: 'yesterday',
      clock: (h, m) => `${h}:${m}`,
      wrongRole: "This isn't a teacher account. Sign in with your teacher account.",
      wrongLogin: 'The e-mail or password is wrong.',
      needBoth: 'Write both your e-mail and your password.',
      signedOut: 'You are signed out.',
      expiredSession: 'You have been signed out. Sign in again to go on.',
      signedIn: 'You are signed in.',
      created: 'The session is ready. Show the code to the class.',
      noConnection: 'No connection to Brobygger. Try again in a moment.',
      forbidden: "Your account doesn't have access to this.",
      notFound: "The session doesn't exist, or it isn't yours.",
      tooMany: 'Too many requests. Wait a moment and try again.',
      serverError: 'Something went wrong at Brobygger. Try again in a moment.',
      failed: "That didn't work. Check what you wrote and try again.",
      somethingWrong: 'Something went wrong. Try again.',
    },
  };

  // The page follows the browser: English for a browser that asks for it
  // before Danish, Danish otherwise.
  const lang = (() => {
    for (const l of navigator.languages || [navigator.language || 'da']) {
      const base = String(l).toLowerCase().split('-')[0];
      if (base === 'da' || base === 'nb' || base === 'no' || base === 'sv') return 'da';
      if (base === 'en') return 'en';
    }
    return 'da';
  })();
  const locale = lang === 'en' ? 'en-GB' : 'da-DK';

  const t = (key, ...args) => {
    const v = STR[lang][key] ?? STR.da[key];
    return typeof v === 'function' ? v(...args) : v;
  };

  // ------------------------------------------------------------------- DOM

  const $ = (id) => document.getElementById(id);
  const ui = {
    signOut: $('sign-out'),
    announcer: $('announcer'),
    signin: $('signin'),
    signinForm: $('signin-form'),
    email: $('signin-email'),
    password: $('signin-password'),
    signinError: $('signin-error'),
    signinSubmit: $('signin-submit'),
    sessions: $('sessions'),
    sessionsTitle: $('sessions-title'),
    sessionsState: $('sessions-state'),
    sessionList: $('session-list'),
    newForm: $('new-form'),
    newName: $('new-name'),
    newStarts: $('new-starts'),
    newPostcode: $('new-postcode'),
    newSize: $('new-size'),
    newError: $('new-error'),
    newSubmit: $('new-submit'),
    projector: $('projector'),
    projectorTitle: $('projector-title'),
    toPlan: $('to-plan'),
    joinCode: $('join-code'),
    joinCodeHint: $('join-code-hint'),
    joinUrl: $('join-url'),
    joinExpiry: $('join-expiry'),
    renew: $('renew'),
    qr: $('join-qr-image'),
    asOf: $('as-of'),
    counts: $('counts'),
    interestBars: $('interest-bars'),
    timeBars: $('time-bars'),
    plan: $('plan'),
    planBack: $('plan-back'),
    print: $('print'),
    planTitle: $('plan-title'),
    planMeta: $('plan-meta'),
    planState: $('plan-state'),
    planInterests: $('plan-interests'),
    planOutings: $('plan-outings'),
    planFollow: $('plan-follow'),
  };

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // announce tells screen readers about something that changed elsewhere on
  // the page. Clearing first makes a repeated message be read again.
  function announce(text) {
    ui.announcer.textContent = '';
    setTimeout(() => {
      ui.announcer.textContent = text;
    }, 50);
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
    for (const node of document.querySelectorAll('[data-i18n-label]')) node.setAttribute('aria-label', t(node.dataset.i18nLabel));
  }

  // ---------------------------------------------------------------- words

  function dateParts(iso) {
    const d = new Date(iso);
    if (!iso || Number.isNaN(d.getTime())) return null;
    const parts = {};
    const fmt = new Intl.DateTimeFormat(locale, {
      timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit',
      hourCycle: 'h23',
    });
    for (const p of fmt.formatToParts(d)) parts[p.type] = p.value;
    return parts;
  }

  const dayKey = (d) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(d);

  // formatTime writes a moment the way people say it: "i dag kl. 10.05" or
  // "tirsdag 8. december 2026 kl. 10.00".
  function formatTime(iso) {
    const p = dateParts(iso);
    if (!p) return '';
    const clock = t('clock', p.hour, p.minute);
    const d = new Date(iso);
    if (dayKey(d) === dayKey(new Date())) return `${t('today')} ${clock}`;
    if (dayKey(d) === dayKey(new Date(Date.now() - 864e5))) return `${t('yesterday')} ${clock}`;
    return lang === 'en'
      ? `${p.weekday} ${p.day} ${p.month} ${p.year} ${clock}`
      : `${p.weekday} ${p.day}. ${p.month} ${p.year} ${clock}`;
  }

  // clockOnly is the time of day alone, for the snapshot's age.
  function clockOnly(iso) {
    const p = dateParts(iso);
    return p ? t('clock', p.hour, p.minute) : '';
  }

  // formatDay writes a calendar date ("2027-01-12") without a time zone
  // shift: "tirsdag 12. januar 2027".
  function formatDay(ymd) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd || '');
    if (!m) return '';
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], 12));
    const parts = {};
    for (const p of new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric',
    }).formatToParts(d)) parts[p.type] = p.value;
    return lang === 'en'
      ? `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`
      : `${parts.weekday} ${parts.day}. ${parts.month} ${parts.year}`;
  }

  // danishMoment reads a date-and-time field ("2027-03-09T10:00") as Danish
  // time, as the page writes every time, whatever zone the computer is set
  // to, and returns the moment in RFC 3339.
  function danishMoment(local) {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local || '');
    if (!m) return '';
    const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
    const fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    // How far Danish clocks are ahead of UTC at a moment (one or two hours).
    const ahead = (ms) => {
      const p = {};
      for (const x of fmt.formatToParts(new Date(ms))) p[x.type] = x.value;
      return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute) - ms;
    };
    // Twice, so a time near a daylight-saving change gets that day's offset.
    let utc = wall - ahead(wall);
    utc = wall - ahead(utc);
    return new Date(utc).toISOString();
  }

  function timeNode(iso, text) {
    const node = el('time', null, text === undefined ? formatTime(iso) : text);
    if (iso) node.dateTime = iso;
    return node;
  }

  // countText never writes a hidden count as a number: null means fewer than
  // five, or a number that would give a hidden one away by subtraction.
  const countText = (n) => (typeof n === 'number' ? new Intl.NumberFormat(locale).format(n) : t('fewer'));

  const kmText = (km) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(km);

  // -------------------------------------------------------------------- auth

  const staff = window.BrobyggerStaff;
  const { HttpError, SignedOut, claims, postJSON } = staff;
  const client = staff.client(KEY, () => signOut(t('expiredSession')));
  const { api, request, setTokens } = client;

  function problemText(err) {
    if (err instanceof SignedOut) return '';
    if (!(err instanceof HttpError)) return t('somethingWrong');
    switch (err.status) {
      case 0:
        return t('noConnection');
      case 403:
        return t('forbidden');
      case 404:
        return t('notFound');
      case 429:
        return t('tooMany');
      default:
        if (err.status >= 500) return t('serverError');
        // A 4xx problem's detail says what was wrong with the form.
        return (err.problem && err.problem.detail) || t('failed');
    }
  }

  // ------------------------------------------------------------------- state

  const state = {
    view: '', // signin | sessions | projector | plan
    sessions: [],
    session: null, // the open session
    summary: null, // its latest summary
    summaryLoads: 0, // summaries shown, for the browser tests
    qrFor: '', // the session whose QR code is shown
  };
  let pollTimer = 0;
  // epoch changes at sign-out and on every route change, so an answer meant
  // for another screen is dropped instead of shown.
  let epoch = 0;

  const sessionPath = (id, rest = '') => `/v1/sessions/${encodeURIComponent(id)}${rest}`;

  // ----------------------------------------------------------------- routing

  // The address says what is on screen: #session/ID is the projector view,
  // #plan/ID the class plan, anything else the list. Back and forward work,
  // and a reload stays where it was.
  function route() {
    const m = /^#(session|plan)\/(.+)$/.exec(location.hash);
    return m ? { view: m[1] === 'session' ? 'projector' : 'plan', id: decodeURIComponent(m[2]) } : { view: 'sessions', id: '' };
  }

  function show(view) {
    state.view = view;
    ui.signin.hidden = view !== 'signin';
    ui.sessions.hidden = view !== 'sessions';
    ui.projector.hidden = view !== 'projector';
    ui.plan.hidden = view !== 'plan';
    ui.signOut.hidden = view === 'signin';
    document.body.dataset.view = view;
  }

  function go(moveFocus) {
    epoch++;
    clearInterval(pollTimer);
    pollTimer = 0;
    if (!client.auth) return;
    const r = route();
    if (r.view === 'sessions') {
      show('sessions');
      document.title = `${t('sessionsTitle')} – Brobygger`;
      loadSessions();
      if (moveFocus) ui.sessionsTitle.focus();
      return;
    }
    if (!state.session || state.session.id !== r.id) {
      state.session = null;
      state.summary = null;
      state.qrFor = '';
    }
    show(r.view);
    renderSession();
    renderSummary();
    if (moveFocus) (r.view === 'plan' ? ui.planTitle : ui.projectorTitle).focus();
    openSession(r.id);
    pollTimer = setInterval(poll, POLL_MS);
  }

  // ---------------------------------------------------------------- sessions

  function sessionMeta(s) {
    const parts = [];
    if (s.starts_at) parts.push(formatTime(s.starts_at));
    if (s.postcode) parts.push(t('postcode', s.postcode));
    if (typeof s.class_size === 'number') parts.push(t('classSize', s.class_size));
    return t('sessionMeta', parts);
  }

  function sessionItem(s) {
    const li = el('li', 'session-item');
    li.dataset.session = s.id;
    const a = el('a', 'session-item__open', s.title || s.join_code);
    a.href = `#session/${encodeURIComponent(s.id)}`;
    const head = el('h3', 'session-item__title');
    head.append(a);
    li.append(head);
    const meta = sessionMeta(s);
    if (meta) li.append(el('p', 'muted', meta));
    li.append(el('p', 'session-item__code', t('code', s.join_code || '')));
    return li;
  }

  async function loadSessions() {
    const mine = epoch;
    ui.sessionsState.hidden = false;
    ui.sessionsState.textContent = t('loading');
    try {
      const data = await api('GET', '/v1/sessions');
      if (mine !== epoch) return;
      state.sessions = (data && Array.isArray(data.sessions)) ? data.sessions.filter((s) => s && s.id) : [];
      ui.sessionList.replaceChildren(...state.sessions.map(sessionItem));
      ui.sessionsState.textContent = state.sessions.length ? '' : t('noSessions');
      ui.sessionsState.hidden = state.sessions.length > 0;
    } catch (err) {
      if (mine !== epoch || err instanceof SignedOut) return;
      ui.sessionsState.textContent = `${t('sessionsFailed')} ${problemText(err)}`;
    }
  }

  // newSession checks the form the way the server will, so the teacher hears
  // about a typo before anything is sent.
  async function newSession(ev) {
    ev.preventDefault();
    ui.newError.textContent = '';
    const title = ui.newName.value.trim();
    const postcode = ui.newPostcode.value.trim();
    const size = ui.newSize.value.trim();
    if (!title) {
      ui.newError.textContent = t('needTitle');
      ui.newName.focus();
      return;
    }
    if (postcode && !/^\d{4}$/.test(postcode)) {
      ui.newError.textContent = t('badPostcode');
      ui.newPostcode.focus();
      return;
    }
    if (size && !/^\d{1,3}$/.test(size)) {
      ui.newError.textContent = t('badSize');
      ui.newSize.focus();
      return;
    }
    const body = { title };
    if (ui.newStarts.value) {
      const at = danishMoment(ui.newStarts.value);
      if (at) body.starts_at = at;
    }
    if (postcode) body.postcode = postcode;
    if (size) body.class_size = Number(size);
    ui.newSubmit.disabled = true;
    ui.newSubmit.textContent = t('creating');
    try {
      const s = await api('POST', '/v1/sessions', body);
      ui.newForm.reset();
      if (s && s.id) {
        state.session = s;
        location.hash = `#session/${encodeURIComponent(s.id)}`;
        announce(t('created'));
      } else {
        loadSessions();
      }
    } catch (err) {
      if (err instanceof SignedOut) return;
      ui.newError.textContent = problemText(err);
    } finally {
      ui.newSubmit.disabled = false;
      ui.newSubmit.textContent = t('create');
    }
  }

  // -------------------------------------------------------------- one session

  async function openSession(id) {
    const mine = epoch;
    try {
      const s = await api('GET', sessionPath(id));
      if (mine !== epoch) return;
      state.session = s;
      renderSession();
      loadQR();
    } catch (err) {
      if (mine !== epoch || err instanceof SignedOut) return;
      if (!state.session) {
        ui.projectorTitle.textContent = problemText(err);
        ui.planTitle.textContent = problemText(err);
      }
      announce(problemText(err));
      return;
    }
    loadSummary();
  }

  function renderSession() {
    const s = state.session;
    const id = s ? s.id : route().id;
    ui.toPlan.href = `#plan/${encodeURIComponent(id)}`;
    ui.planBack.href = `#session/${encodeURIComponent(id)}`;
    if (!s) {
      ui.projectorTitle.textContent = t('loading');
      ui.planTitle.textContent = t('loading');
      ui.joinCode.textContent = '';
      ui.joinUrl.textContent = '';
      ui.joinExpiry.textContent = '';
      ui.planMeta.textContent = '';
      return;
    }
    document.title = `${s.title} – Brobygger`;
    ui.projectorTitle.textContent = s.title;
    ui.planTitle.textContent = s.title;
    ui.planMeta.textContent = sessionMeta(s);
    const code = String(s.join_code || '');
    ui.joinCode.textContent = code;
    // Read letter by letter, as the class would copy it.
    ui.joinCodeHint.textContent = t('codeSpelled', code.split('').join(' '));
    ui.joinUrl.textContent = s.join_url || '';
    ui.joinUrl.href = s.join_url || '#';
    renderExpiry();
  }

  function renderExpiry() {
    const s = state.session;
    if (!s) return;
    const ends = new Date(s.expires_at);
    const over = !Number.isNaN(ends.getTime()) && ends.getTime() <= Date.now();
    ui.joinExpiry.replaceChildren();
    if (over) ui.joinExpiry.append(t('expired'));
    else ui.joinExpiry.append(...splitAround(t('validUntil', '\u0000'), timeNode(s.expires_at)));
    ui.projector.classList.toggle('is-expired', over);
  }

  // splitAround puts a node where a sentence has its placeholder, so the
  // sentence stays data and the time stays a <time>.
  function splitAround(sentence, node) {
    const [before, after] = sentence.split('\u0000');
    return [before, node, after || ''];
  }

  async function renew() {
    const s = state.session;
    if (!s) return;
    const mine = epoch;
    ui.renew.disabled = true;
    ui.renew.textContent = t('renewing');
    try {
      const fresh = await api('POST', sessionPath(s.id, '/renew'));
      if (mine !== epoch) return;
      if (fresh && fresh.id) {
        const codeChanged = fresh.join_code !== s.join_code;
        state.session = fresh;
        renderSession();
        if (codeChanged) {
          state.qrFor = '';
          loadQR();
        }
        announce(t('renewed', formatTime(fresh.expires_at)));
      }
    } catch (err) {
      if (err instanceof SignedOut) return;
      announce(problemText(err));
    } finally {
      ui.renew.disabled = false;
      ui.renew.textContent = t('renew');
    }
  }

  // --------------------------------------------------------------- QR code

  // The QR code needs the bearer token, so it is fetched, not linked; and
  // the page's policy allows no blob: or data: images, so the SVG is drawn
  // into the page. It is rebuilt from shapes and presentation attributes
  // only: no script, no style, no links can come along.
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const SVG_TAGS = new Set(['svg', 'g', 'path', 'rect', 'circle', 'polygon', 'title', 'desc']);
  const SVG_ATTRS = new Set(['viewBox', 'width', 'height', 'x', 'y', 'd', 'fill', 'stroke', 'stroke-width', 'fill-rule',
    'shape-rendering', 'transform', 'points', 'cx', 'cy', 'r', 'rx', 'ry', 'preserveAspectRatio']);

  function cleanSVG(node) {
    if (node.namespaceURI !== SVG_NS || !SVG_TAGS.has(node.localName)) return null;
    const out = document.createElementNS(SVG_NS, node.localName);
    for (const a of node.attributes) {
      if (a.namespaceURI === null && SVG_ATTRS.has(a.name) && !/url\s*\(|javascript:/i.test(a.value)) out.setAttribute(a.name, a.value);
    }
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE && (node.localName === 'title' || node.localName === 'desc')) {
        out.append(child.textContent);
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const c = cleanSVG(child);
        if (c) out.append(c);
      }
    }
    return out;
  }

  async function loadQR() {
    const s = state.session;
    if (!s || state.qrFor === `${s.id}:${s.join_code}`) return;
    const mine = epoch;
    try {
      const res = await request('GET', s.qr_url || sessionPath(s.id, '/qr.svg'), undefined, 'image/svg+xml');
      const text = await res.text();
      if (mine !== epoch) return;
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const svg = cleanSVG(doc.documentElement);
      if (!svg || svg.localName !== 'svg') throw new Error('not an SVG');
      // The stylesheet sizes it; the viewBox keeps it sharp at any size.
      if (!svg.getAttribute('viewBox') && svg.getAttribute('width') && svg.getAttribute('height')) {
        svg.setAttribute('viewBox', `0 0 ${parseFloat(svg.getAttribute('width'))} ${parseFloat(svg.getAttribute('height'))}`);
      }
      svg.removeAttribute('width');
      svg.removeAttribute('height');
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', `${t('qrCaption')}: ${s.join_url || ''}`);
      ui.qr.replaceChildren(svg);
      state.qrFor = `${s.id}:${s.join_code}`;
    } catch (err) {
      if (mine !== epoch || err instanceof SignedOut) return;
      ui.qr.replaceChildren(el('p', 'muted', t('qrFailed')));
    }
  }

  // --------------------------------------------------------------- summary

  async function loadSummary() {
    const s = state.session;
    if (!s) return;
    const mine = epoch;
    try {
      const data = await api('GET', sessionPath(s.id, `/summary?lang=${lang}`));
      if (mine !== epoch) return;
      state.summary = data || null;
      state.summaryLoads++;
      renderSummary();
    } catch (err) {
      if (mine !== epoch || err instanceof SignedOut) return;
      state.summaryLoads++;
      // The last numbers stay up; a projector must not flash an error.
      ui.asOf.textContent = t('summaryFailed');
    }
  }

  function poll() {
    if (document.visibilityState !== 'visible' || !client.auth) return;
    renderExpiry();
    if (state.session) loadSummary();
    else openSession(route().id);
  }

  function countItem(label, n, key) {
    const dt = el('dt', null, label);
    const dd = el('dd', 'count', countText(n));
    dd.dataset.count = key;
    if (typeof n !== 'number') dd.classList.add('is-hidden-count');
    const tile = el('div', 'count-tile');
    tile.append(dt, dd);
    return tile;
  }

  // bars draws totals as bars. A hidden count has no bar at all, only its
  // words, so nothing can be read off its length.
  function bars(list, scale) {
    return (Array.isArray(list) ? list : []).map((item) => {
      const li = el('li', 'bar');
      li.dataset.id = item.id || '';
      const n = item.count;
      li.append(el('span', 'bar__label', item.label || item.id || ''));
      const track = el('span', 'bar__track');
      track.setAttribute('aria-hidden', 'true');
      if (typeof n === 'number' && scale > 0) {
        const fill = el('span', 'bar__fill');
        // The CSSOM is not inline style under the page's policy.
        fill.style.width = `${Math.max(2, Math.min(100, (n / scale) * 100))}%`;
        track.append(fill);
      } else {
        li.classList.add('is-hidden-count');
      }
      li.append(track, el('span', 'bar__value', countText(n)));
      return li;
    });
  }

  function renderSummary() {
    const sum = state.summary;
    if (!sum) {
      ui.counts.replaceChildren();
      ui.interestBars.replaceChildren();
      ui.timeBars.replaceChildren();
      ui.asOf.textContent = state.session ? t('loading') : '';
      renderPlan();
      return;
    }
    ui.counts.replaceChildren(
      countItem(t('joined'), sum.joined, 'joined'),
      countItem(t('reached'), sum.reached_suggestions, 'reached_suggestions'),
      countItem(t('chose'), sum.chose_first_step, 'chose_first_step'),
    );
    const known = [sum.joined, ...(sum.interests || []).map((i) => i.count), ...(sum.times || []).map((i) => i.count)]
      .filter((n) => typeof n === 'number');
    const scale = Math.max(0, ...known);
    const interests = bars(sum.interests, scale);
    const times = bars(sum.times, scale);
    ui.interestBars.replaceChildren(...(interests.length ? interests : [el('li', 'muted', t('noneYet'))]));
    ui.timeBars.replaceChildren(...(times.length ? times : [el('li', 'muted', t('noneYet'))]));
    ui.asOf.replaceChildren();
    if (sum.as_of) {
      const next = sum.next_update_at ? clockOnly(sum.next_update_at) : '';
      ui.asOf.append(...splitAround(t('asOf', '\u0000', next), timeNode(sum.as_of, clockOnly(sum.as_of))));
    }
    renderPlan();
  }

  // ------------------------------------------------------------------ plan

  function stepLine(label, value) {
    const p = el('p', 'outing__line');
    p.append(el('span', 'outing__label', label), ' ', value);
    return p;
  }

  // The server's step text ends with the date the plan shows on its own
  // line ("… – onsdag d. 13. januar kl. 09.00"); say it once.
  function stepText(fs) {
    const text = fs.text || '';
    const p = fs.starts_at ? dateParts(fs.starts_at) : null;
    if (!p) return text;
    const cut = text.lastIndexOf(' – ');
    const tail = cut < 0 ? '' : text.slice(cut + 3);
    const day = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, day: 'numeric' }).format(new Date(fs.starts_at));
    const hhmm = [':', '.'].map((sep) => `${p.hour}${sep}${p.minute}`);
    if (tail && new RegExp(`\\b${day}\\b`).test(tail) && hhmm.some((c) => tail.includes(c))) return text.slice(0, cut);
    return text;
  }

  // formatSpan writes a first step's start, and its end when the same day
  // ("onsdag 13. januar 2027 kl. 09.00–12.30").
  function formatSpan(startsAt, endsAt) {
    const start = formatTime(startsAt);
    const end = endsAt ? dateParts(endsAt) : null;
    if (!end || dayKey(new Date(startsAt)) !== dayKey(new Date(endsAt))) return start;
    return `${start}–${lang === 'en' ? `${end.hour}:${end.minute}` : `${end.hour}.${end.minute}`}`;
  }

  function outingItem(o) {
    const li = el('li', 'outing');
    if (o.opportunity_id) li.dataset.opportunity = o.opportunity_id;
    li.append(el('h4', 'outing__title', o.title || ''));
    const by = [o.organisation];
    if (typeof o.group_size === 'number' && o.group_size > 1) by.push(t('groupSize', o.group_size));
    // Under a kilometre is "close to the school": "0 km" reads like a mistake.
    if (typeof o.distance_km === 'number') by.push(o.distance_km < 1 ? t('nearSchool') : t('distance', kmText(o.distance_km)));
    li.append(el('p', 'outing__org', by.filter(Boolean).join(' · ')));
    if (o.summary) li.append(el('p', 'outing__summary', o.summary));
    const fs = o.first_step || {};
    const step = el('div', 'outing__step');
    step.append(el('p', 'outing__step-title', t('firstStep')));
    if (fs.text) step.append(el('p', 'outing__step-what', stepText(fs)));
    if (fs.starts_at) step.append(stepLine(t('when'), timeNode(fs.starts_at, formatSpan(fs.starts_at, fs.ends_at))));
    if (fs.place) step.append(stepLine(t('place'), fs.place));
    if (fs.contact) step.append(stepLine(t('contact'), fs.contact));
    li.append(step);
    return li;
  }

  function renderPlan() {
    const plan = state.summary && state.summary.plan;
    const top = plan && Array.isArray(plan.top_interests) ? plan.top_interests : [];
    const outings = plan && Array.isArray(plan.outings) ? plan.outings : [];
    ui.planState.textContent = state.summary && !top.length && !outings.length ? t('planEmpty') : '';
    ui.planState.hidden = ui.planState.textContent === '';
    ui.planInterests.replaceChildren(...(top.length
      ? top.map((i) => el('li', null, i.label || i.id))
      : [el('li', 'muted', state.summary ? t('noInterests') : t('loading'))]));
    ui.planOutings.replaceChildren(...(outings.length
      ? outings.slice(0, 3).map(outingItem)
      : [el('li', 'muted', state.summary ? t('noOutings') : t('loading'))]));
    const day = plan && plan.follow_up_on ? formatDay(plan.follow_up_on) : '';
    ui.planFollow.replaceChildren();
    if (day) {
      const d = el('time', null, day);
      d.dateTime = plan.follow_up_on;
      ui.planFollow.append(...splitAround(t('followOn', '\u0000'), d));
    } else {
      ui.planFollow.textContent = state.summary ? t('noFollow') : '';
    }
  }

  // ---------------------------------------------------------------- sign-in

  function showSignin(message) {
    show('signin');
    ui.signinError.textContent = message || '';
    document.title = `${t('signinTitle')} – Brobygger`;
  }

  function signOut(message) {
    epoch++;
    // End the sign-in on the server too, so the refresh token is worthless.
    client.endSignIn();
    clearInterval(pollTimer);
    pollTimer = 0;
    Object.assign(state, { sessions: [], session: null, summary: null, qrFor: '' });
    ui.sessionList.replaceChildren();
    ui.qr.replaceChildren();
    renderSummary();
    showSignin(message);
    ui.email.focus();
    announce(message || t('signedOut'));
  }

  async function signIn(ev) {
    ev.preventDefault();
    const email = ui.email.value.trim();
    const password = ui.password.value;
    ui.signinError.textContent = '';
    if (!email || !password) {
      ui.signinError.textContent = t('needBoth');
      (email ? ui.password : ui.email).focus();
      return;
    }
    ui.signinSubmit.disabled = true;
    ui.signinSubmit.textContent = t('signingIn');
    try {
      const tokens = await postJSON('/v1/auth/login', { email, password });
      const role = tokens.role || (claims(tokens.access_token) || {}).role;
      if (role !== 'facilitator') {
        ui.signinError.textContent = t('wrongRole');
        // Don't keep a sign-in this page cannot use.
        staff.logout(tokens.refresh_token);
        return;
      }
      setTokens(tokens);
      ui.password.value = '';
      go(true);
      announce(t('signedIn'));
    } catch (err) {
      ui.password.select();
      if (err instanceof HttpError && (err.status === 401 || err.status === 400)) ui.signinError.textContent = t('wrongLogin');
      else ui.signinError.textContent = problemText(err);
    } finally {
      ui.signinSubmit.disabled = false;
      ui.signinSubmit.textContent = t('signIn');
    }
  }

  // ----------------------------------------------------------------- events

  ui.signinForm.addEventListener('submit', signIn);
  ui.signOut.addEventListener('click', () => signOut());
  ui.newForm.addEventListener('submit', newSession);
  ui.renew.addEventListener('click', renew);
  ui.print.addEventListener('click', () => window.print());
  window.addEventListener('hashchange', () => go(true));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && (state.view === 'projector' || state.view === 'plan')) poll();
  });

  // -------------------------------------------------------------------- go

  applyLanguage();
  const signedIn = client.auth;
  if (signedIn && signedIn.access_token && signedIn.role === 'facilitator') go(false);
  else {
    client.clear();
    showSignin();
  }

  // For the browser tests and for looking around in the console.
  window.brobyggerFacilitator = {
    get view() {
      return state.view;
    },
    get session() {
      return state.session ? state.session.id : '';
    },
    get summaryLoads() {
      return state.summaryLoads;
    },
  };
})();
