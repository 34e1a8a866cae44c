// Brobygger for professionals who refer young people (school counsellors,
// social workers, job consultants): sign in, make a referral with a reason
// and an optional note, hand over its code or link, and see how far each
// young person got — as the coarse status the server gives, and only where
// the young person said yes. The list is fetched when the referrer asks,
// never on a timer, so the page gives away no timing of its own.
// Plain browser JavaScript, no build step; server text only ever becomes
// textContent.
'use strict';

(() => {
  const KEY = 'brobygger.referrer.auth';
  const ZONE = 'Europe/Copenhagen';
  const MAX_NOTE = 300;

  // The reasons, in the order the server lists them; only the referrer
  // ever sees one.
  const REASONS = [
    ['wants_experience', 'Vil gerne prøve noget / få erfaring'],
    ['loneliness', 'Ensomhed'],
    ['new_in_denmark', 'Ny i Danmark'],
    ['school_absence', 'Skolefravær'],
    ['mental_wellbeing', 'Mental trivsel'],
    ['other', 'Andet'],
  ];
  const REASON = Object.fromEntries(REASONS);

  const STATUS = {
    not_opened: 'Ikke åbnet endnu',
    expired: 'Udløbet',
    opened: 'Åbnet',
    suggestions_seen: 'Har set forslag',
    first_step_chosen: 'Har valgt et første skridt',
    lead_sent: 'Har sendt en henvendelse',
    started: 'Er startet',
    welcomed: 'Blev taget godt imod',
    belongs: 'Føler sig som en del af det',
    not_shared: 'Deler ikke',
  };
  // A few statuses need a word more than their name.
  const STATUS_NOTE = {
    not_shared: 'Den unge bestemmer selv, om du kan følge med – og kan ændre det når som helst.',
    expired: 'Koden blev ikke åbnet i tide. Lav en ny henvisning, hvis den unge stadig vil.',
  };
  // The statuses that say the young person is on their way, for the badge's colour.
  const PROGRESS = new Set(['opened', 'suggestions_seen', 'first_step_chosen', 'lead_sent', 'started', 'welcomed', 'belongs']);

  const $ = (id) => document.getElementById(id);
  const ui = {
    announcer: $('announcer'),
    signOut: $('sign-out'),
    signin: $('signin'),
    signinForm: $('signin-form'),
    email: $('signin-email'),
    password: $('signin-password'),
    signinError: $('signin-error'),
    signinSubmit: $('signin-submit'),
    workspace: $('workspace'),
    newTitle: $('new-title'),
    newForm: $('new-form'),
    reasons: $('reasons'),
    note: $('note'),
    noteCount: $('note-count'),
    newError: $('new-error'),
    newSubmit: $('new-submit'),
    made: $('made'),
    madeCode: $('made-code'),
    madeSpelled: $('made-code-spelled'),
    madeLink: $('made-link'),
    madeExpiry: $('made-expiry'),
    copyLink: $('copy-link'),
    another: $('another'),
    mineTitle: $('mine-title'),
    refresh: $('refresh'),
    mineState: $('mine-state'),
    mineAsOf: $('mine-asof'),
    list: $('referral-list'),
  };

  function el(tag, cls, text) {
    const n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined) n.textContent = text;
    return n;
  }

  // announce says something once to screen readers; the region is emptied
  // first so the same words twice are heard twice.
  function announce(text) {
    ui.announcer.textContent = '';
    if (text) setTimeout(() => { ui.announcer.textContent = text; }, 50);
  }

  // ------------------------------------------------------------------ time

  function parts(iso, options) {
    const d = new Date(iso);
    if (!iso || Number.isNaN(d.getTime())) return null;
    const p = {};
    for (const x of new Intl.DateTimeFormat('da-DK', { timeZone: ZONE, ...options }).formatToParts(d)) p[x.type] = x.value;
    return p;
  }

  // dateTime writes a moment in Danish time, whatever zone the computer is
  // set to: "12. marts 2027 kl. 10.05".
  function dateTime(iso) {
    const p = parts(iso, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    return p ? `${p.day}. ${p.month} ${p.year} kl. ${p.hour}.${p.minute}` : '';
  }

  function dateOnly(iso) {
    const p = parts(iso, { day: 'numeric', month: 'long', year: 'numeric' });
    return p ? `${p.day}. ${p.month} ${p.year}` : '';
  }

  function timeNode(iso, text) {
    const t = el('time', null, text);
    t.dateTime = iso;
    return t;
  }

  // ------------------------------------------------------------------- auth

  const staff = window.BrobyggerStaff;
  const { HttpError, SignedOut, claims, postJSON } = staff;
  const client = staff.client(KEY, () => signOut('Du er blevet logget ud. Log ind igen for at fortsætte.'));

  function problemText(err) {
    if (err instanceof SignedOut) return '';
    if (!(err instanceof HttpError)) return 'Noget gik galt. Prøv igen.';
    if (err.status === 0) return 'Ingen forbindelse til Brobygger. Prøv igen om lidt.';
    if (err.status === 403) return 'Din konto kan ikke lave henvisninger.';
    if (err.status === 429) return 'Der er sendt for mange forespørgsler. Vent lidt, og prøv igen.';
    if (err.status >= 500) return 'Der gik noget galt hos Brobygger. Prøv igen om lidt.';
    return (err.problem && err.problem.detail) || 'Det kunne ikke lade sig gøre. Prøv igen.';
  }

  // noteProblem says in Danish why the server refused a note. The server
  // names what the note held; anything this page does not recognise is
  // shown as the server wrote it, so the reason is never lost.
  function noteProblem(err) {
    const detail = (err instanceof HttpError && err.status === 422 && err.problem && err.problem.detail) || '';
    if (!detail.startsWith('note_to_youth')) return problemText(err);
    const held = [];
    if (/CPR number/i.test(detail)) held.push('et cpr-nummer');
    if (/phone number/i.test(detail)) held.push('et telefonnummer');
    if (/e-mail/i.test(detail)) held.push('en e-mailadresse');
    if (held.length) {
      const what = held.length > 1 ? `${held.slice(0, -1).join(', ')} og ${held[held.length - 1]}` : held[0];
      return `Beskeden indeholder ${what}. En henvisning må ikke indeholde noget, der kan identificere den unge eller andre, så tag det ud og prøv igen.`;
    }
    if (/at most/i.test(detail)) return `Beskeden må højst være ${MAX_NOTE} tegn.`;
    return detail;
  }

  function isReferrer(a) {
    return !!(a && a.access_token && a.role === 'referrer');
  }

  function showSignin(message) {
    ui.signin.hidden = false;
    ui.workspace.hidden = true;
    ui.signOut.hidden = true;
    ui.signinError.textContent = message || '';
    document.title = 'Log ind – Brobygger for fagpersoner';
  }

  function showWorkspace(moveFocus) {
    ui.signin.hidden = true;
    ui.workspace.hidden = false;
    ui.signOut.hidden = false;
    document.title = 'Henvisninger – Brobygger for fagpersoner';
    if (moveFocus) ui.newTitle.focus();
    load();
  }

  function signOut(message) {
    client.endSignIn();
    ui.list.replaceChildren();
    ui.mineAsOf.textContent = '';
    resetNew();
    showSignin(message);
    ui.email.focus();
    announce(message || 'Du er logget ud.');
  }

  async function signIn(ev) {
    ev.preventDefault();
    const email = ui.email.value.trim();
    const password = ui.password.value;
    ui.signinError.textContent = '';
    if (!email || !password) {
      ui.signinError.textContent = 'Skriv både e-mail og adgangskode.';
      (email ? ui.password : ui.email).focus();
      return;
    }
    ui.signinSubmit.disabled = true;
    ui.signinSubmit.textContent = 'Logger ind …';
    try {
      const tokens = await postJSON('/v1/auth/login', { email, password });
      const role = tokens.role || (claims(tokens.access_token) || {}).role;
      if (role !== 'referrer') {
        // A sign-in this page cannot use is ended on the server at once.
        staff.logout(tokens.refresh_token);
        ui.password.value = '';
        ui.signinError.textContent = 'Siden er for fagpersoner, der henviser unge. Din konto er ikke en henviserkonto, så du er logget ud igen.';
        ui.email.focus();
        return;
      }
      client.setTokens(tokens);
      ui.password.value = '';
      showWorkspace(true);
      announce('Du er logget ind.');
    } catch (err) {
      ui.password.select();
      ui.signinError.textContent = err instanceof HttpError && (err.status === 401 || err.status === 400)
        ? 'E-mailen eller adgangskoden er forkert.' : problemText(err);
    } finally {
      ui.signinSubmit.disabled = false;
      ui.signinSubmit.textContent = 'Log ind';
    }
  }

  // ----------------------------------------------------------- new referral

  function drawReasons() {
    ui.reasons.replaceChildren(...REASONS.map(([value, label], i) => {
      const id = `reason-${value}`;
      const row = el('div', 'reason');
      const input = el('input');
      input.type = 'radio';
      input.name = 'reason';
      input.id = id;
      input.value = value;
      if (i === 0) input.required = true;
      const lab = el('label', null, label);
      lab.htmlFor = id;
      row.append(input, lab);
      return row;
    }));
  }

  // noteLength counts characters as the server does (code points), not
  // UTF-16 units, so an emoji counts once.
  const noteLength = () => [...ui.note.value].length;

  let overBefore = false;
  function countNote() {
    const n = noteLength();
    const over = n > MAX_NOTE;
    ui.noteCount.textContent = over ? `${n} af ${MAX_NOTE} tegn – ${n - MAX_NOTE} for mange` : `${n} af ${MAX_NOTE} tegn`;
    ui.noteCount.classList.toggle('is-over', over);
    ui.note.setAttribute('aria-invalid', String(over));
    // Heard once when the note goes over the limit, not at every key.
    if (over && !overBefore) announce(`Beskeden er over ${MAX_NOTE} tegn.`);
    overBefore = over;
  }

  async function createReferral(ev) {
    ev.preventDefault();
    ui.newError.textContent = '';
    const chosen = ui.newForm.querySelector('input[name="reason"]:checked');
    if (!chosen) {
      ui.newError.textContent = 'Vælg, hvorfor du henviser.';
      ui.reasons.querySelector('input').focus();
      return;
    }
    if (noteLength() > MAX_NOTE) {
      ui.newError.textContent = `Beskeden må højst være ${MAX_NOTE} tegn. Den er ${noteLength()}.`;
      ui.note.focus();
      return;
    }
    const body = { reason: chosen.value };
    const note = ui.note.value.trim();
    if (note) body.note_to_youth = note;
    ui.newSubmit.disabled = true;
    ui.newSubmit.textContent = 'Laver henvisning …';
    try {
      const r = await client.api('POST', '/v1/referrals', body);
      showMade(r);
      load();
    } catch (err) {
      if (err instanceof SignedOut) return;
      ui.newError.textContent = noteProblem(err);
      if (err instanceof HttpError && err.status === 422) ui.note.focus();
    } finally {
      ui.newSubmit.disabled = false;
      ui.newSubmit.textContent = 'Lav henvisning';
    }
  }

  function showMade(r) {
    const code = String((r && r.code) || '');
    ui.madeCode.textContent = code;
    // Read letter by letter, as it would be copied.
    ui.madeSpelled.textContent = `Koden er ${code.split('').join(' ')}`;
    ui.madeLink.textContent = (r && r.link) || '';
    ui.madeExpiry.textContent = 'Koden hører til den første, der åbner den – så åbn ikke linket selv.';
    if (r && r.expires_at) {
      ui.madeExpiry.replaceChildren();
      ui.madeExpiry.append('Koden kan åbnes til ', timeNode(r.expires_at, dateOnly(r.expires_at)),
        '. Den hører til den første, der åbner den – så åbn ikke linket selv.');
    }
    ui.newForm.hidden = true;
    ui.made.hidden = false;
    ui.newTitle.textContent = 'Henvisningen er lavet';
    ui.newTitle.focus();
    announce(`Henvisningen er lavet. Koden er ${code.split('').join(' ')}.`);
  }

  function resetNew() {
    ui.newForm.reset();
    countNote();
    ui.newError.textContent = '';
    ui.made.hidden = true;
    ui.newForm.hidden = false;
    ui.newTitle.textContent = 'Ny henvisning';
  }

  async function copyLink() {
    const link = ui.madeLink.textContent;
    try {
      await navigator.clipboard.writeText(link);
      announce('Linket er kopieret.');
    } catch {
      // No clipboard here: the link is selected, ready to copy by hand.
      window.getSelection().selectAllChildren(ui.madeLink);
      announce('Linket er markeret. Kopiér det med Ctrl+C eller Cmd+C.');
      return;
    }
    ui.copyLink.textContent = 'Kopieret';
    setTimeout(() => { ui.copyLink.textContent = 'Kopiér link'; }, 2000);
  }

  // ---------------------------------------------------------- my referrals

  function referralItem(r) {
    const li = el('li', 'referral');
    li.dataset.referral = r.id;
    li.dataset.status = r.status;
    const head = el('div', 'referral__head');
    head.append(el('h3', 'referral__reason', REASON[r.reason] || r.reason));
    const badge = el('span', `status${PROGRESS.has(r.status) ? ' status--progress' : ''}${r.status === 'expired' ? ' status--expired' : ''}`,
      STATUS[r.status] || r.status);
    head.append(badge);
    li.append(head);
    const meta = el('p', 'referral__meta');
    meta.append('Lavet ', timeNode(r.created_at, dateTime(r.created_at)), ' · Kode ');
    meta.append(el('span', 'referral__code', r.code));
    li.append(meta);
    if (r.status === 'not_opened' && r.expires_at) {
      const p = el('p', 'muted');
      p.append('Kan åbnes til ', timeNode(r.expires_at, dateOnly(r.expires_at)), '.');
      li.append(p);
    }
    if (STATUS_NOTE[r.status]) li.append(el('p', 'muted', STATUS_NOTE[r.status]));
    if (r.note_to_youth) {
      const note = el('p', 'referral__note');
      note.append(el('span', 'visually-hidden', 'Din besked: '), `“${r.note_to_youth}”`);
      li.append(note);
    }
    return li;
  }

  let loads = 0;
  let loading = null;
  async function load(announceDone) {
    if (loading) return loading;
    loading = (async () => {
      ui.refresh.disabled = true;
      ui.mineState.hidden = false;
      ui.mineState.textContent = 'Henter …';
      try {
        const data = await client.api('GET', '/v1/referrals');
        const list = (data && Array.isArray(data.referrals) ? data.referrals : []).filter((r) => r && r.id);
        list.sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)));
        ui.list.replaceChildren(...list.map(referralItem));
        ui.mineState.textContent = list.length ? '' : 'Du har ingen henvisninger endnu.';
        ui.mineState.hidden = list.length > 0;
        const now = new Date().toISOString();
        ui.mineAsOf.replaceChildren('Opdateret ', timeNode(now, dateTime(now)), '.');
        loads++;
        if (announceDone) announce(`Listen er opdateret. ${list.length === 1 ? 'Én henvisning' : `${list.length} henvisninger`}.`);
      } catch (err) {
        if (err instanceof SignedOut) return;
        ui.mineState.textContent = `Henvisningerne kunne ikke hentes. ${problemText(err)}`;
        if (announceDone) announce(ui.mineState.textContent);
      } finally {
        ui.refresh.disabled = false;
        loading = null;
      }
    })();
    return loading;
  }

  // ------------------------------------------------------------------ events

  drawReasons();
  countNote();
  ui.signinForm.addEventListener('submit', signIn);
  ui.signOut.addEventListener('click', () => signOut());
  ui.newForm.addEventListener('submit', createReferral);
  ui.note.addEventListener('input', countNote);
  ui.copyLink.addEventListener('click', copyLink);
  ui.another.addEventListener('click', () => {
    resetNew();
    ui.newTitle.focus();
  });
  ui.refresh.addEventListener('click', () => load(true));

  if (isReferrer(client.auth)) showWorkspace(false);
  else {
    // A sign-in kept for another role is no use here.
    if (client.auth) client.endSignIn();
    showSignin('');
  }

  // For the browser tests and for looking around in the console.
  window.brobyggerReferrer = {
    get loads() {
      return loads;
    },
  };
})();
