// Brobygger for organisations: staff sign in, see the young people who want
// to volunteer with them, answer them and move each lead on. Plain browser
// JavaScript, no build step; server text only ever becomes textContent.
'use strict';

(() => {
  const KEY = 'brobygger.org.auth';
  const ZONE = 'Europe/Copenhagen';
  const POLL_MS = 30000;

  const STATUS = {
    new: 'Ny',
    contacted: 'Kontaktet',
    meeting_planned: 'Møde aftalt',
    started: 'Startet',
    declined: 'Afvist',
    no_response: 'Ikke besvaret',
    withdrawn: 'Trukket tilbage',
  };
  // What a status button says: what has happened, in the organisation's words.
  const ACTION = {
    contacted: 'Kontaktet',
    meeting_planned: 'Møde aftalt',
    started: 'Startet',
    declined: 'Afvis …',
  };
  // Staff move a lead forward (skipping is fine, going back is not) or decline it.
  const PROGRESS = ['new', 'contacted', 'meeting_planned', 'started'];
  const FINAL = new Set(['started', 'declined', 'no_response', 'withdrawn']);

  // The interest taxonomy's Danish names (understand/taxonomy.go).
  const INTERESTS = {
    children_youth: 'Børn og unge',
    homework_help: 'Lektiehjælp',
    elderly: 'Ældre',
    loneliness: 'Fællesskab og ensomhed',
    mental_health: 'Mental sundhed',
    disability: 'Handicap',
    refugees: 'Flygtninge og integration',
    homeless_poverty: 'Socialt udsatte',
    food: 'Mad og madspild',
    nature: 'Natur og miljø',
    climate: 'Klima',
    animals: 'Dyr',
    sports: 'Sport og bevægelse',
    outdoor_scouting: 'Friluftsliv og spejder',
    culture_arts: 'Kultur, kunst og musik',
    events_festivals: 'Festivaler og events',
    health_firstaid: 'Sundhed og førstehjælp',
    emergency: 'Beredskab',
    digital_tech: 'IT og teknologi',
    democracy_rights: 'Demokrati og rettigheder',
    international: 'Internationalt',
    charity_shop: 'Genbrugsbutik',
    fundraising: 'Indsamling',
  };
  const DAYS = [['mon', 'mandag'], ['tue', 'tirsdag'], ['wed', 'onsdag'], ['thu', 'torsdag'], ['fri', 'fredag'],
    ['sat', 'lørdag'], ['sun', 'søndag']];
  const PARTS = [['morning', 'formiddag'], ['afternoon', 'eftermiddag'], ['evening', 'aften']];

  // ------------------------------------------------------------------- DOM

  const $ = (id) => document.getElementById(id);
  const ui = {
    orgName: $('org-name'),
    signOut: $('sign-out'),
    announcer: $('announcer'),
    main: $('main'),
    signin: $('signin'),
    signinForm: $('signin-form'),
    email: $('signin-email'),
    password: $('signin-password'),
    signinError: $('signin-error'),
    signinSubmit: $('signin-submit'),
    workspace: $('workspace'),
    responsiveness: $('responsiveness'),
    inboxTitle: $('inbox-title'),
    count: $('lead-count'),
    reload: $('reload'),
    filters: $('filters'),
    filterStatus: $('filter-status'),
    filterOpportunity: $('filter-opportunity'),
    inboxState: $('inbox-state'),
    leads: $('leads'),
    detail: $('detail'),
    detailEmpty: $('detail-empty'),
    detailBody: $('detail-body'),
    back: $('back'),
    detailTitle: $('detail-title'),
    detailStatus: $('detail-status'),
    detailOpportunity: $('detail-opportunity'),
    facts: $('detail-facts'),
    statusHint: $('status-hint'),
    statusButtons: $('status-buttons'),
    declineConfirm: $('decline-confirm'),
    declineYes: $('decline-yes'),
    declineNo: $('decline-no'),
    thread: $('thread'),
    replyForm: $('reply-form'),
    replyLabel: $('reply-label'),
    replyText: $('reply-text'),
    replyError: $('reply-error'),
    replySend: $('reply-send'),
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

  // ---------------------------------------------------------------- words

  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

  function dateParts(iso) {
    const d = new Date(iso);
    if (!iso || Number.isNaN(d.getTime())) return null;
    const parts = {};
    const fmt = new Intl.DateTimeFormat('da-DK', {
      timeZone: ZONE, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit',
      hourCycle: 'h23',
    });
    for (const p of fmt.formatToParts(d)) parts[p.type] = p.value;
    return parts;
  }

  const dayKey = (d) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(d);

  // formatTime writes a time the Danish way: "i dag kl. 11.05", "i går kl.
  // 9.30" or "3. december 2026 kl. 14.00".
  function formatTime(iso) {
    const p = dateParts(iso);
    if (!p) return '';
    const clock = `kl. ${p.hour}.${p.minute}`;
    const d = new Date(iso);
    const today = dayKey(new Date());
    const yesterday = dayKey(new Date(Date.now() - 864e5));
    if (dayKey(d) === today) return `i dag ${clock}`;
    if (dayKey(d) === yesterday) return `i går ${clock}`;
    return `${p.day}. ${p.month} ${p.year} ${clock}`;
  }

  function timeNode(iso, className) {
    const t = el('time', className, formatTime(iso));
    if (iso) t.dateTime = iso;
    return t;
  }

  const ageText = (band) => (band ? `${String(band).replace('-', '–')} år` : '');

  const interestText = (ids) => (Array.isArray(ids) ? ids : [])
    .map((id) => INTERESTS[id] || String(id).replace(/_/g, ' ')).join(', ');

  // slotsText says availability slots ("sat_morning") in words: "lørdag
  // formiddag/eftermiddag, søndag".
  function slotsText(slots) {
    if (!Array.isArray(slots) || slots.length === 0) return '';
    const set = new Set(slots);
    const out = [];
    for (const [key, name] of DAYS) {
      const have = PARTS.filter(([p]) => set.has(`${key}_${p}`)).map(([, n]) => n);
      if (have.length === PARTS.length || set.has(key)) out.push(name);
      else if (have.length) out.push(`${name} ${have.join('/')}`);
    }
    const known = new Set(DAYS.flatMap(([d]) => [d, ...PARTS.map(([p]) => `${d}_${p}`)]));
    for (const s of slots) if (!known.has(s)) out.push(String(s).replace(/_/g, ' '));
    return out.join(', ');
  }

  const friendsText = (n) => (n > 0 ? `${plural(n, 'ven', 'venner')} med` : 'Ingen venner med');

  function durationText(seconds) {
    if (seconds < 3600) return plural(Math.max(1, Math.round(seconds / 60)), 'minut', 'minutter');
    if (seconds < 48 * 3600) return plural(Math.round(seconds / 3600), 'time', 'timer');
    return plural(Math.round(seconds / 86400), 'dag', 'dage');
  }

  // ------------------------------------------------------------ the API data

  // normLead reads a lead as GET /v1/orgs/{org_id}/leads[/{id}] sends it:
  // what the young person shared sits under "shared"; "friends" counts the
  // friends who come along; "thread" comes with one lead, not the list.
  function normLead(raw) {
    const s = raw.shared || {};
    return {
      id: String(raw.id || ''),
      opportunityId: raw.opportunity_id || '',
      opportunityTitle: raw.opportunity_title || '',
      nickname: s.nickname || '',
      ageBand: s.age_band || '',
      municipality: s.municipality || '',
      slots: Array.isArray(s.slots) ? s.slots : [],
      interests: Array.isArray(s.interests) ? s.interests : [],
      message: s.message || '',
      contactMethod: s.contact_method || 'in_app',
      contact: s.contact || '',
      status: raw.status || 'new',
      createdAt: raw.created_at || '',
      answeredAt: raw.first_answered_at || '',
      friends: Number.isFinite(raw.friends) ? raw.friends : 0,
      thread: Array.isArray(raw.thread) ? raw.thread : null,
      bridgeStage: raw.bridge_stage || '',
      firstVisit: raw.first_visit || '',
      firstStepAt: (raw.first_step && raw.first_step.starts_at) || '',
    };
  }

  // BRIDGE says where the young person stands on the bridge, as they told
  // the chat the day after their first visit and a month in.
  const BRIDGE = {
    knows_it_exists: 'Kender jer',
    knows_how: 'Ved, hvordan de kommer i gang',
    welcomed: 'Har været der og følte sig godt modtaget',
    belongs: 'Kommer stadig og føler sig som en del af det',
  };

  // FIRST_VISIT is how the first visit went, in the young person's answer;
  // never their words. "Not welcomed" is a signal, not a complaint.
  const FIRST_VISIT = {
    welcomed: 'Følte sig godt modtaget 🎉',
    not_welcomed: 'Var der, men følte sig ikke helt godt modtaget. Overvej, hvordan nye bliver taget imod – fx én, der venter ved døren og kender navnet.',
    missed: 'Nåede det ikke – måske kommer de en anden dag.',
    cannot_come: 'Kunne ikke alligevel.',
  };

  // nextStatuses are the statuses staff may move a lead to now.
  function nextStatuses(lead) {
    if (FINAL.has(lead.status)) return [];
    const at = PROGRESS.indexOf(lead.status);
    return [...PROGRESS.slice(at + 1), 'declined'];
  }

  // responsivenessText says GET /v1/orgs/{org_id}/responsiveness in plain
  // words: "I har svaret på 8 af 10 – typisk inden for 5 timer."
  function responsivenessText(r) {
    if (!r || !Number.isFinite(r.leads) || !Number.isFinite(r.answered)) return '';
    if (r.leads === 0) {
      return 'Når I har svaret på jeres første henvendelser, kan I se her, hvor hurtigt I plejer at svare.';
    }
    if (r.answered === 0) return `I har ikke svaret på nogen af de seneste ${r.leads} henvendelser.`;
    let text = `I har svaret på ${r.answered} af ${r.leads}`;
    const median = r.median_first_answer_seconds;
    if (Number.isFinite(median) && median >= 0) text += ` – typisk inden for ${durationText(median)}`;
    return `${text}.${welcomeText(r)}`;
  }

  // welcomeText adds how first visits went, once enough young people said:
  // " Af de seneste 8 førstegangsbesøg følte 6 af 8 sig godt modtaget."
  function welcomeText(r) {
    const visits = r.first_visits;
    if (!Number.isFinite(visits) || visits === 0) return '';
    if (!Number.isFinite(r.welcomed_share)) {
      return ` Når mindst ${r.min_visits || 5} unge har fortalt, hvordan deres første besøg gik, kan I se her, hvor godt de følte sig taget imod.`;
    }
    return ` ${Math.round(r.welcomed_share * 100)} % af de seneste ${visits} førstegangsbesøg endte med, at den unge følte sig godt modtaget.`;
  }

  // -------------------------------------------------------------------- auth

  const staff = window.BrobyggerStaff;
  const { HttpError, SignedOut, claims, postJSON } = staff;
  const client = staff.client(KEY, () => signOut('Du er blevet logget ud. Log ind igen for at fortsætte.'));
  const { api, setTokens } = client;

  function problemText(err) {
    if (err instanceof SignedOut) return '';
    if (!(err instanceof HttpError)) return 'Noget gik galt. Prøv igen.';
    switch (err.status) {
      case 0:
        return 'Ingen forbindelse til Brobygger. Prøv igen om lidt.';
      case 403:
        return 'Din konto har ikke adgang til det her.';
      case 404:
        return 'Henvendelsen findes ikke, eller den hører ikke til jer.';
      case 409:
        return 'Henvendelsen er blevet ændret i mellemtiden. Den er hentet igen – prøv en gang til.';
      case 429:
        return 'Der er sendt for mange forespørgsler. Vent lidt, og prøv igen.';
      default:
        if (err.status >= 500) return 'Der gik noget galt hos Brobygger. Prøv igen om lidt.';
        return 'Det kunne ikke lade sig gøre. Tjek det, du har skrevet, og prøv igen.';
    }
  }

  // ------------------------------------------------------------------- state

  const state = {
    leads: [],
    byId: new Map(),
    opportunities: new Map(), // id -> title: the organisation's, and any a lead names
    selected: null, // the open lead, with its thread
    loaded: false,
    loads: 0, // inbox loads shown, for the browser tests
    orgName: '',
  };
  let pollTimer = 0;
  // epoch changes at sign-out, so answers to a signed-out session's
  // requests are dropped instead of shown to the next person.
  let epoch = 0;

  const orgPath = (rest) => `/v1/orgs/${encodeURIComponent(client.auth ? client.auth.org : '')}${rest}`;

  // ------------------------------------------------------------------ inbox

  function leadName(lead) {
    return lead.nickname || 'Ukendt navn';
  }

  function badge(status) {
    const b = el('span', `badge badge--${status}`, STATUS[status] || status);
    b.dataset.status = status;
    return b;
  }

  function contactNode(lead, withLink) {
    const frag = document.createDocumentFragment();
    const method = lead.contactMethod;
    if (method === 'phone' || method === 'email') {
      const label = method === 'phone' ? 'Telefon' : 'E-mail';
      if (!lead.contact) {
        frag.append(`${label} (ikke delt)`);
        return frag;
      }
      frag.append(`${label} `);
      const clean = String(lead.contact);
      let href = '';
      if (method === 'phone' && /^\+?[\d\s-]{6,20}$/.test(clean)) href = `tel:${clean.replace(/[\s-]/g, '')}`;
      if (method === 'email' && /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(clean)) href = `mailto:${clean}`;
      if (withLink && href) {
        const a = el('a', 'link', clean);
        a.href = href;
        frag.append(a);
      } else {
        frag.append(clean);
      }
      return frag;
    }
    frag.append('Her i Brobygger – svar i samtalen');
    return frag;
  }

  function leadItem(lead) {
    const li = el('li', 'lead');
    li.dataset.lead = lead.id;
    li.dataset.status = lead.status;
    if (state.selected && state.selected.id === lead.id) li.classList.add('is-selected');

    const head = el('div', 'lead__head');
    const h = el('h3', 'lead__name');
    const open = el('button', 'lead__open', leadName(lead));
    open.type = 'button';
    open.dataset.lead = lead.id;
    open.setAttribute('aria-describedby', `lead-${lead.id}-summary`);
    if (state.selected && state.selected.id === lead.id) open.setAttribute('aria-current', 'true');
    open.addEventListener('click', () => select(lead.id, true));
    h.append(open);
    head.append(h, badge(lead.status));
    li.append(head);

    const summary = el('div', 'lead__summary');
    summary.id = `lead-${lead.id}-summary`;
    summary.append(el('p', 'lead__opportunity', lead.opportunityTitle));
    const meta = [ageText(lead.ageBand), lead.municipality, friendsText(lead.friends)].filter(Boolean).join(' · ');
    summary.append(el('p', 'lead__meta', meta));
    const when = slotsText(lead.slots);
    if (when) summary.append(el('p', 'lead__line', `Kan: ${when}`));
    const interests = interestText(lead.interests);
    if (interests) summary.append(el('p', 'lead__line', `Interesser: ${interests}`));
    if (lead.message) summary.append(el('p', 'lead__message', `“${lead.message}”`));
    const contact = el('p', 'lead__line');
    contact.append('Kontakt: ', contactNode(lead, false));
    summary.append(contact);
    const received = el('p', 'lead__time');
    received.append('Modtaget ', timeNode(lead.createdAt));
    summary.append(received);
    li.append(summary);
    return li;
  }

  function renderInbox() {
    const focused = document.activeElement && ui.leads.contains(document.activeElement)
      ? document.activeElement.dataset.lead : null;
    ui.leads.replaceChildren(...state.leads.map(leadItem));
    const n = state.leads.length;
    ui.count.textContent = state.loaded ? `(${n})` : '';
    const filtered = ui.filterStatus.value || ui.filterOpportunity.value;
    if (!state.loaded) ui.inboxState.textContent = 'Henter henvendelser …';
    else if (n === 0) ui.inboxState.textContent = filtered ? 'Ingen henvendelser passer til filteret.' : 'Ingen henvendelser endnu.';
    else ui.inboxState.textContent = '';
    ui.inboxState.hidden = ui.inboxState.textContent === '';
    if (focused) {
      const again = ui.leads.querySelector(`button[data-lead="${CSS.escape(focused)}"]`);
      if (again) again.focus();
    }
  }

  function renderOpportunityFilter() {
    const current = ui.filterOpportunity.value;
    const options = [...state.opportunities].sort((a, b) => a[1].localeCompare(b[1], 'da'));
    const all = el('option', null, 'Alle opgaver');
    all.value = '';
    ui.filterOpportunity.replaceChildren(all, ...options.map(([id, title]) => {
      const o = el('option', null, title || id);
      o.value = id;
      return o;
    }));
    ui.filterOpportunity.value = current;
  }

  function setOrgName(name) {
    if (!name || name === state.orgName) return;
    state.orgName = name;
    ui.orgName.textContent = name;
    document.title = `Henvendelser til ${name} – Brobygger`;
  }

  let loadSeq = 0;
  async function loadLeads({ quiet = false } = {}) {
    const seq = ++loadSeq;
    const mine = epoch;
    const params = new URLSearchParams();
    if (ui.filterStatus.value) params.set('status', ui.filterStatus.value);
    if (ui.filterOpportunity.value) params.set('opportunity_id', ui.filterOpportunity.value);
    const q = params.toString();
    try {
      const data = await api('GET', orgPath(`/leads${q ? `?${q}` : ''}`));
      if (seq !== loadSeq || mine !== epoch) return; // a newer load (another filter) is under way
      const list = (data && Array.isArray(data.leads)) ? data.leads : [];
      const before = new Set(state.byId.keys());
      const wasLoaded = state.loaded;
      state.leads = list.map(normLead).filter((l) => l.id);
      // Newest first, whatever order the server sends.
      state.leads.sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
      state.byId = new Map(state.leads.map((l) => [l.id, l]));
      let added = 0;
      for (const l of state.leads) {
        if (l.opportunityId && !state.opportunities.has(l.opportunityId)) {
          state.opportunities.set(l.opportunityId, l.opportunityTitle);
        }
        if (!before.has(l.id)) added++;
      }
      state.loaded = true;
      state.loads++;
      renderOpportunityFilter();
      renderInbox();
      if (wasLoaded && quiet && added > 0) announce(`${plural(added, 'ny henvendelse', 'nye henvendelser')}.`);
      else if (!quiet) announce(`${plural(state.leads.length, 'henvendelse', 'henvendelser')} vist.`);
    } catch (err) {
      if (seq !== loadSeq || mine !== epoch || err instanceof SignedOut) return;
      state.loads++;
      if (!quiet || !state.loaded) {
        state.loaded = true;
        ui.inboxState.textContent = `Henvendelserne kunne ikke hentes. ${problemText(err)}`;
        ui.inboxState.hidden = false;
      }
    }
  }

  // loadOpportunities fills the filter with every opportunity, also those
  // nobody has asked about yet, and names the organisation in the top bar.
  async function loadOpportunities() {
    const mine = epoch;
    try {
      const data = await api('GET', orgPath('/opportunities'));
      if (mine !== epoch) return;
      const list = (data && Array.isArray(data.opportunities)) ? data.opportunities : [];
      for (const o of list) if (o.id) state.opportunities.set(o.id, o.title || o.id);
      if (list[0]) setOrgName(list[0].organisation);
      renderOpportunityFilter();
    } catch {
      // the filter still lists the opportunities the leads name
    }
  }

  async function loadResponsiveness() {
    const mine = epoch;
    try {
      const text = responsivenessText(await api('GET', orgPath('/responsiveness')));
      if (mine !== epoch) return;
      ui.responsiveness.textContent = text;
      ui.responsiveness.hidden = text === '';
    } catch {
      ui.responsiveness.hidden = true; // the inbox works without it
    }
  }

  // ----------------------------------------------------------------- detail

  function fact(term, value) {
    if (value === '' || value === undefined || value === null) return;
    const dt = el('dt', null, term);
    const dd = el('dd');
    dd.append(value);
    ui.facts.append(dt, dd);
  }

  function threadItem(author, name, text, at) {
    const li = el('li', `note note--${author === 'staff' ? 'staff' : 'youth'}`);
    const who = el('p', 'note__who');
    who.append(el('span', 'note__name', name), ' ', timeNode(at, 'note__time'));
    li.append(who, el('p', 'note__text', text));
    return li;
  }

  function renderDetail() {
    const lead = state.selected;
    ui.detailEmpty.hidden = !!lead;
    ui.detailBody.hidden = !lead;
    ui.workspace.dataset.view = lead ? 'detail' : 'list';
    for (const li of ui.leads.children) {
      const on = !!lead && li.dataset.lead === lead.id;
      li.classList.toggle('is-selected', on);
      const b = li.querySelector('.lead__open');
      if (on) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    }
    if (!lead) return;

    ui.detailTitle.textContent = leadName(lead);
    ui.detailStatus.className = `badge badge--${lead.status}`;
    ui.detailStatus.dataset.status = lead.status;
    ui.detailStatus.textContent = STATUS[lead.status] || lead.status;
    ui.detailOpportunity.textContent = lead.opportunityTitle ? `Vil gerne være med til: ${lead.opportunityTitle}` : '';

    ui.facts.replaceChildren();
    fact('Alder', ageText(lead.ageBand));
    fact('Kommune', lead.municipality);
    fact('Kan', slotsText(lead.slots));
    fact('Interesser', interestText(lead.interests));
    fact('Kontakt', contactNode(lead, true));
    fact('Venner', friendsText(lead.friends));
    fact('Modtaget', timeNode(lead.createdAt));
    if (lead.answeredAt) fact('Første svar', timeNode(lead.answeredAt));
    if (lead.firstStepAt) fact('Kommer første gang', timeNode(lead.firstStepAt));
    fact('Broen', BRIDGE[lead.bridgeStage] || '');
    fact('Første besøg', FIRST_VISIT[lead.firstVisit] || '');

    // Status: what it is, and the steps staff can take from here.
    const next = nextStatuses(lead);
    ui.declineConfirm.hidden = true;
    ui.statusButtons.replaceChildren(...next.map((s) => {
      const b = el('button', s === 'declined' ? 'btn btn--danger-quiet' : 'btn', ACTION[s]);
      b.type = 'button';
      b.dataset.status = s;
      b.addEventListener('click', () => {
        if (s === 'declined') {
          ui.declineConfirm.hidden = false;
          ui.declineNo.focus();
          return;
        }
        changeStatus(s);
      });
      return b;
    }));
    ui.statusButtons.hidden = next.length === 0;
    ui.statusHint.textContent = next.length
      ? `Nu: ${STATUS[lead.status] || lead.status}. Vælg det næste, når det er sket – ${leadName(lead)} får besked i chatten.`
      : `Henvendelsen er afsluttet: ${STATUS[lead.status] || lead.status}.`;

    // The thread, opened by the young person's own message.
    const items = [];
    if (lead.message) items.push(threadItem('youth', leadName(lead), lead.message, lead.createdAt));
    for (const m of lead.thread || []) {
      const name = m.author === 'staff' ? (m.name || state.orgName || 'Jer') : leadName(lead);
      items.push(threadItem(m.author, name, m.text || '', m.at || ''));
    }
    if (!lead.thread) items.push(el('li', 'thread__empty', 'Henter samtalen …'));
    else if (items.length === 0) items.push(el('li', 'thread__empty', 'Ingen beskeder endnu.'));
    ui.thread.replaceChildren(...items);

    const closed = lead.status === 'withdrawn';
    ui.replyForm.hidden = closed;
    ui.replyLabel.textContent = `Skriv til ${leadName(lead)}`;
    if (closed) ui.replyError.textContent = '';
  }

  let detailSeq = 0;
  async function loadDetail(id) {
    const seq = ++detailSeq;
    const mine = epoch;
    const data = await api('GET', orgPath(`/leads/${encodeURIComponent(id)}`));
    if (seq !== detailSeq || mine !== epoch) return null;
    return normLead(data || {});
  }

  // adopt takes a lead from the server as the open one and updates its row.
  function adopt(lead) {
    if (!lead || !lead.id) return;
    const known = state.byId.get(lead.id);
    if (known) {
      Object.assign(known, lead);
      const row = ui.leads.querySelector(`li[data-lead="${CSS.escape(lead.id)}"]`);
      if (row) {
        const focused = row.contains(document.activeElement);
        const fresh = leadItem(known);
        row.replaceWith(fresh);
        if (focused) fresh.querySelector('.lead__open').focus();
      }
    }
    state.selected = lead;
    renderDetail();
  }

  async function select(id, moveFocus) {
    const summary = state.byId.get(id);
    if (summary) {
      const shown = state.selected && state.selected.id === id ? state.selected.thread : null;
      state.selected = { ...summary, thread: shown };
      renderDetail();
    }
    history.replaceState(null, '', `#lead=${encodeURIComponent(id)}`);
    ui.detail.scrollTop = 0;
    if (moveFocus) ui.detailTitle.focus();
    try {
      const lead = await loadDetail(id);
      if (lead && lead.id) adopt(lead);
    } catch (err) {
      if (err instanceof SignedOut) return;
      if (!summary) {
        state.selected = null;
        renderDetail();
        history.replaceState(null, '', location.pathname);
      }
      announce(problemText(err));
    }
  }

  function closeDetail() {
    const id = state.selected && state.selected.id;
    state.selected = null;
    renderDetail();
    history.replaceState(null, '', location.pathname);
    const b = id && ui.leads.querySelector(`button[data-lead="${CSS.escape(id)}"]`);
    if (b) b.focus();
    else ui.inboxTitle.focus();
  }

  // fromAnswer takes the lead a change answers with; without one, the lead
  // is fetched again.
  async function fromAnswer(data, id) {
    if (data && data.id === id && Array.isArray(data.thread)) return normLead(data);
    return loadDetail(id);
  }

  async function changeStatus(status) {
    const lead = state.selected;
    if (!lead) return;
    const buttons = [...ui.statusButtons.querySelectorAll('button'), ui.declineYes];
    for (const b of buttons) b.disabled = true;
    const mine = epoch;
    try {
      const data = await api('POST', orgPath(`/leads/${encodeURIComponent(lead.id)}/status`), { status });
      const updated = await fromAnswer(data, lead.id);
      if (mine !== epoch) return;
      if (updated) adopt(updated);
      loadResponsiveness();
      announce(`Status er nu ${STATUS[status] || status}. ${leadName(lead)} får besked i chatten.`);
      // The pressed button is gone; land on the new status, not on the
      // next step, so a second key press does not move the lead on again.
      ui.statusHint.focus();
    } catch (err) {
      if (err instanceof SignedOut) return;
      announce(problemText(err));
      if (err instanceof HttpError && (err.status === 409 || err.status === 422 || err.status === 400)) {
        try {
          const fresh = await loadDetail(lead.id);
          if (fresh) adopt(fresh);
        } catch {
          // keep what is shown
        }
      }
    } finally {
      for (const b of buttons) b.disabled = false;
    }
  }

  async function sendReply(ev) {
    ev.preventDefault();
    const lead = state.selected;
    const text = ui.replyText.value.trim();
    ui.replyError.textContent = '';
    if (!lead) return;
    if (!text) {
      ui.replyError.textContent = 'Skriv et svar først.';
      ui.replyText.focus();
      return;
    }
    ui.replySend.disabled = true;
    ui.replySend.textContent = 'Sender …';
    const mine = epoch;
    try {
      const data = await api('POST', orgPath(`/leads/${encodeURIComponent(lead.id)}/messages`), { text });
      if (mine !== epoch) return;
      ui.replyText.value = '';
      const updated = await fromAnswer(data, lead.id);
      if (updated) adopt(updated);
      loadResponsiveness();
      announce(`Dit svar er sendt. ${leadName(lead)} får besked i chatten.`);
      ui.replyText.focus();
    } catch (err) {
      if (err instanceof SignedOut) return;
      ui.replyError.textContent = `Svaret blev ikke sendt. ${problemText(err)}`;
    } finally {
      ui.replySend.disabled = false;
      ui.replySend.textContent = 'Send svar';
    }
  }

  // ---------------------------------------------------------------- session

  function showSignin(message) {
    showScreen(null);
    ui.workspace.hidden = true;
    ui.signOut.hidden = true;
    ui.openSettings.hidden = true;
    ui.signin.hidden = false;
    ui.signinError.textContent = message || '';
    ui.orgName.textContent = 'For organisationer';
    document.title = 'Log ind – Brobygger for organisationer';
  }

  function signOut(message) {
    epoch++;
    // End the sign-in on the server too, so the refresh token is worthless.
    client.endSignIn();
    clearInterval(pollTimer);
    pollTimer = 0;
    Object.assign(state, { leads: [], byId: new Map(), opportunities: new Map(), selected: null, loaded: false, orgName: '' });
    ui.leads.replaceChildren();
    ui.responsiveness.hidden = true;
    ui.filterStatus.value = '';
    renderOpportunityFilter();
    history.replaceState(null, '', location.pathname);
    showSignin(message);
    ui.email.focus();
    announce(message || 'Du er logget ud.');
  }

  function openWorkspace(focusInbox) {
    showScreen(null);
    ui.signin.hidden = true;
    ui.workspace.hidden = false;
    ui.signOut.hidden = false;
    ui.openSettings.hidden = false;
    document.title = 'Henvendelser – Brobygger for organisationer';
    renderInbox();
    renderDetail();
    if (focusInbox) ui.inboxTitle.focus();
    const wanted = /^#lead=(.+)$/.exec(location.hash);
    loadLeads().then(() => {
      if (wanted && client.auth) select(decodeURIComponent(wanted[1]), false);
    });
    loadOpportunities();
    loadResponsiveness();
    clearInterval(pollTimer);
    pollTimer = setInterval(poll, POLL_MS);
  }

  async function poll() {
    if (document.visibilityState !== 'visible' || !client.auth) return;
    await loadLeads({ quiet: true });
    if (state.selected && client.auth) {
      // Don't redraw under someone who is typing a reply or choosing a status.
      const busy = ui.detailBody.contains(document.activeElement) && document.activeElement !== ui.detailTitle;
      try {
        const fresh = await loadDetail(state.selected.id);
        if (fresh && !busy) adopt(fresh);
      } catch {
        // the next poll tries again
      }
    }
    loadResponsiveness();
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
      const c = claims(tokens.access_token) || {};
      if (c.role !== 'org_staff' || !c.org) {
        ui.signinError.textContent = 'Kontoen hører ikke til en organisation. Log ind med jeres organisations konto.';
        return;
      }
      setTokens(tokens);
      ui.password.value = '';
      openWorkspace(true);
      announce('Du er logget ind.');
    } catch (err) {
      ui.password.select();
      if (err instanceof HttpError && err.status === 401) {
        ui.signinError.textContent = 'E-mailen eller adgangskoden er forkert.';
      } else if (err instanceof HttpError && err.status === 400) {
        ui.signinError.textContent = 'Skriv en gyldig e-mail og adgangskode.';
      } else {
        ui.signinError.textContent = problemText(err);
      }
    } finally {
      ui.signinSubmit.disabled = false;
      ui.signinSubmit.textContent = 'Log ind';
    }
  }

  // ----------------------------------------------------------------- events

  ui.signinForm.addEventListener('submit', signIn);
  ui.signOut.addEventListener('click', () => signOut());
  ui.reload.addEventListener('click', () => {
    loadLeads();
    loadResponsiveness();
    if (state.selected) select(state.selected.id, false);
  });
  ui.filters.addEventListener('submit', (ev) => ev.preventDefault());
  ui.filterStatus.addEventListener('change', () => loadLeads());
  ui.filterOpportunity.addEventListener('change', () => loadLeads());
  ui.back.addEventListener('click', closeDetail);
  ui.declineYes.addEventListener('click', () => changeStatus('declined'));
  ui.declineNo.addEventListener('click', () => {
    ui.declineConfirm.hidden = true;
    const b = ui.statusButtons.querySelector('button[data-status="declined"]');
    if (b) b.focus();
  });
  ui.replyForm.addEventListener('submit', sendReply);
  ui.replyText.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      ui.replyForm.requestSubmit();
    }
  });
  ui.declineConfirm.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') ui.declineNo.click();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && client.auth && state.loaded) poll();
  });


  // ------------------------------------------------- accounts by e-mail

  // A link in an e-mail opens this page with ?flow=invite|reset|unsubscribe
  // and &token=. The token is taken from the address at once, so it is not
  // left in the history or shown over a shoulder.
  const link = (() => {
    const q = new URLSearchParams(location.search);
    const flow = q.get('flow');
    const token = q.get('token');
    if (!flow) return null;
    history.replaceState(null, '', location.pathname + location.hash);
    return token && ['invite', 'reset', 'unsubscribe'].includes(flow) ? { flow, token } : null;
  })();

  Object.assign(ui, {
    openSettings: $('open-settings'),
    forgotOpen: $('forgot-open'),
    acceptScreen: $('accept-screen'),
    acceptForm: $('accept-form'),
    acceptPassword: $('accept-password'),
    acceptError: $('accept-error'),
    acceptSubmit: $('accept-submit'),
    forgotScreen: $('forgot-screen'),
    forgotForm: $('forgot-form'),
    forgotEmail: $('forgot-email'),
    forgotError: $('forgot-error'),
    forgotDone: $('forgot-done'),
    forgotSubmit: $('forgot-submit'),
    forgotBack: $('forgot-back'),
    resetScreen: $('reset-screen'),
    resetForm: $('reset-form'),
    resetPassword: $('reset-password'),
    resetError: $('reset-error'),
    resetSubmit: $('reset-submit'),
    unsubscribeScreen: $('unsubscribe-screen'),
    unsubscribeText: $('unsubscribe-text'),
    unsubscribeError: $('unsubscribe-error'),
    unsubscribeSubmit: $('unsubscribe-submit'),
    unsubscribeBack: $('unsubscribe-back'),
    settings: $('settings'),
    settingsTitle: $('settings-title'),
    settingsClose: $('settings-close'),
    notifyForm: $('notify-form'),
    notifyStatus: $('notify-status'),
    colleagueForm: $('colleague-form'),
    colleagueEmail: $('colleague-email'),
    colleagueError: $('colleague-error'),
    colleagueDone: $('colleague-done'),
    colleagueSubmit: $('colleague-submit'),
    passwordForm: $('password-form'),
    passwordCurrent: $('password-current'),
    passwordNew: $('password-new'),
    passwordError: $('password-error'),
    passwordDone: $('password-done'),
    passwordSubmit: $('password-submit'),
  });

  // showScreen shows one of the link and settings screens (or none) and
  // hides the others.
  function showScreen(screen) {
    for (const s of [ui.acceptScreen, ui.forgotScreen, ui.resetScreen, ui.unsubscribeScreen, ui.settings]) {
      if (s) s.hidden = s !== screen;
    }
    if (screen && screen !== ui.settings) {
      ui.signin.hidden = true;
      ui.workspace.hidden = true;
    }
  }

  // PROBLEMS say the server's refusals of links and passwords in Danish;
  // the problem's type names which.
  const PROBLEMS = {
    'weak-password-too-short': 'Adgangskoden skal have mindst 12 tegn.',
    'weak-password-too-long': 'Adgangskoden er for lang.',
    'weak-password-common': 'Den adgangskode er en af de mest almindelige – eller et almindeligt ord med tal. Vælg en anden, fx en kort sætning.',
    'weak-password-pattern': 'Adgangskoden er en tastaturrække, en talrække eller det samme igen og igen. Vælg en anden.',
    'weak-password-email': 'Adgangskoden må ikke være din e-mailadresse.',
    'wrong-password': 'Den nuværende adgangskode er forkert.',
    'link-used': 'Linket er allerede brugt. Bed om et nyt.',
    'link-expired': 'Linket er udløbet. Bed om et nyt.',
    'link-unknown': 'Linket virker ikke. Tjek, at du har åbnet hele linket fra e-mailen.',
    'email-taken': 'Der findes allerede en konto med den e-mail.',
  };

  function accountProblem(err) {
    const type = err instanceof HttpError && err.problem && String(err.problem.type || '');
    const slug = type ? type.slice(type.lastIndexOf('/') + 1) : '';
    if (PROBLEMS[slug]) return PROBLEMS[slug];
    if (err instanceof HttpError && err.status === 422 && err.problem && err.problem.detail) return err.problem.detail;
    return problemText(err);
  }

  function busy(button, on, text) {
    button.disabled = on;
    if (text) button.textContent = text;
  }

  async function acceptInvite(ev) {
    ev.preventDefault();
    ui.acceptError.textContent = '';
    const password = ui.acceptPassword.value;
    if (password.trim().length < 12) {
      ui.acceptError.textContent = PROBLEMS['weak-password-too-short'];
      ui.acceptPassword.focus();
      return;
    }
    busy(ui.acceptSubmit, true, 'Opretter …');
    try {
      const tokens = await postJSON('/v1/auth/accept-invite', { token: link.token, password });
      ui.acceptPassword.value = '';
      const c = claims(tokens.access_token) || {};
      if (c.role !== 'org_staff' || !c.org) {
        showSignin('Din konto er oprettet. Den hører ikke til en organisation, så log ind på siden for din rolle.');
        return;
      }
      setTokens(tokens);
      openWorkspace(true);
      announce('Din konto er oprettet, og du er logget ind.');
    } catch (err) {
      ui.acceptError.textContent = accountProblem(err);
      ui.acceptPassword.focus();
    } finally {
      busy(ui.acceptSubmit, false, 'Opret konto og log ind');
    }
  }

  function openForgot() {
    showScreen(ui.forgotScreen);
    ui.forgotError.textContent = '';
    ui.forgotDone.hidden = true;
    ui.forgotEmail.value = ui.email.value.trim();
    document.title = 'Glemt adgangskode – Brobygger for organisationer';
    ui.forgotEmail.focus();
  }

  async function requestReset(ev) {
    ev.preventDefault();
    ui.forgotError.textContent = '';
    const email = ui.forgotEmail.value.trim();
    if (!email) {
      ui.forgotError.textContent = 'Skriv din e-mail.';
      ui.forgotEmail.focus();
      return;
    }
    busy(ui.forgotSubmit, true, 'Sender …');
    try {
      await postJSON('/v1/auth/password-reset', { email });
      ui.forgotDone.textContent = `Hvis ${email} har en konto, har vi sendt et link dertil. Det virker i en time.`;
      ui.forgotDone.hidden = false;
    } catch (err) {
      ui.forgotError.textContent = err instanceof HttpError && err.status === 400 ? 'Skriv en gyldig e-mail.' : problemText(err);
    } finally {
      busy(ui.forgotSubmit, false, 'Send link');
    }
  }

  async function confirmReset(ev) {
    ev.preventDefault();
    ui.resetError.textContent = '';
    const password = ui.resetPassword.value;
    if (password.trim().length < 12) {
      ui.resetError.textContent = PROBLEMS['weak-password-too-short'];
      ui.resetPassword.focus();
      return;
    }
    busy(ui.resetSubmit, true, 'Gemmer …');
    try {
      await postJSON('/v1/auth/password-reset/confirm', { token: link.token, new_password: password });
      ui.resetPassword.value = '';
      client.clear();
      showSignin('Din adgangskode er skiftet. Log ind med den nye.');
      ui.email.focus();
    } catch (err) {
      ui.resetError.textContent = accountProblem(err);
      ui.resetPassword.focus();
    } finally {
      busy(ui.resetSubmit, false, 'Gem ny adgangskode');
    }
  }

  // unsubscribe stops the e-mails only when the button is pressed: a link
  // opened by a mail scanner must not do it.
  async function unsubscribe() {
    ui.unsubscribeError.textContent = '';
    busy(ui.unsubscribeSubmit, true);
    try {
      const res = await fetch(`/v1/notifications/unsubscribe?token=${encodeURIComponent(link.token)}`, { method: 'POST' });
      if (!res.ok) throw new HttpError(res.status, await res.json().catch(() => null));
      ui.unsubscribeText.textContent = 'Du får ikke flere e-mails om henvendelser. Du kan slå dem til igen under Indstillinger.';
      ui.unsubscribeSubmit.hidden = true;
      announce(ui.unsubscribeText.textContent);
    } catch (err) {
      ui.unsubscribeError.textContent = err instanceof HttpError && err.status === 400 ? PROBLEMS['link-unknown'] : problemText(err);
    } finally {
      busy(ui.unsubscribeSubmit, false);
    }
  }

  // openLink shows the screen a link from an e-mail is for.
  function openLink() {
    const screens = {
      invite: [ui.acceptScreen, 'Velkommen – Brobygger for organisationer', ui.acceptPassword],
      reset: [ui.resetScreen, 'Ny adgangskode – Brobygger for organisationer', ui.resetPassword],
      unsubscribe: [ui.unsubscribeScreen, 'E-mails – Brobygger for organisationer', ui.unsubscribeSubmit],
    };
    const [screen, title, focus] = screens[link.flow];
    ui.signOut.hidden = true;
    ui.openSettings.hidden = true;
    showScreen(screen);
    document.title = title;
    focus.focus();
  }

  // ------------------------------------------------------------- settings

  async function openSettings() {
    showScreen(ui.settings);
    ui.workspace.hidden = true;
    document.title = 'Indstillinger – Brobygger for organisationer';
    for (const out of [ui.notifyStatus, ui.colleagueError, ui.colleagueDone, ui.passwordError, ui.passwordDone]) out.textContent = '';
    ui.settingsTitle.focus();
    try {
      const s = await api('GET', '/v1/me/notifications');
      const input = ui.notifyForm.querySelector(`input[value="${CSS.escape((s && s.email) || 'instant')}"]`);
      if (input) input.checked = true;
    } catch (err) {
      ui.notifyStatus.textContent = problemText(err);
    }
  }

  function closeSettings() {
    ui.settings.hidden = true;
    ui.workspace.hidden = false;
    document.title = 'Henvendelser – Brobygger for organisationer';
    ui.openSettings.focus();
  }

  const NOTIFY_SAID = {
    instant: 'Du får en e-mail, så snart der sker noget.',
    daily: 'Du får én e-mail om dagen kl. 8, når der er sket noget.',
    off: 'Du får ingen e-mails. Alt står stadig her på siden.',
  };

  async function setNotify(ev) {
    const email = ev.target.value;
    ui.notifyStatus.textContent = 'Gemmer …';
    try {
      await api('PUT', '/v1/me/notifications', { email });
      ui.notifyStatus.textContent = `Gemt. ${NOTIFY_SAID[email] || ''}`;
    } catch (err) {
      ui.notifyStatus.textContent = problemText(err);
    }
  }

  async function inviteColleague(ev) {
    ev.preventDefault();
    ui.colleagueError.textContent = '';
    ui.colleagueDone.textContent = '';
    const email = ui.colleagueEmail.value.trim();
    if (!email) {
      ui.colleagueError.textContent = 'Skriv kollegaens e-mail.';
      ui.colleagueEmail.focus();
      return;
    }
    busy(ui.colleagueSubmit, true, 'Sender …');
    try {
      await api('POST', '/v1/admin/staff-invites', { email });
      ui.colleagueDone.textContent = `Invitationen er sendt til ${email}. Linket virker i 72 timer.`;
      ui.colleagueEmail.value = '';
    } catch (err) {
      ui.colleagueError.textContent = err instanceof HttpError && err.status === 422
        ? 'Skriv en gyldig e-mail.' : accountProblem(err);
      ui.colleagueEmail.focus();
    } finally {
      busy(ui.colleagueSubmit, false, 'Send invitation');
    }
  }

  async function changePassword(ev) {
    ev.preventDefault();
    ui.passwordError.textContent = '';
    ui.passwordDone.textContent = '';
    const current = ui.passwordCurrent.value;
    const next = ui.passwordNew.value;
    if (!current || next.trim().length < 12) {
      ui.passwordError.textContent = current ? PROBLEMS['weak-password-too-short'] : 'Skriv din nuværende adgangskode.';
      (current ? ui.passwordNew : ui.passwordCurrent).focus();
      return;
    }
    busy(ui.passwordSubmit, true, 'Skifter …');
    try {
      await api('POST', '/v1/auth/password', { current_password: current, new_password: next });
      ui.passwordCurrent.value = '';
      ui.passwordNew.value = '';
      ui.passwordDone.textContent = 'Adgangskoden er skiftet. Du er logget ud alle andre steder.';
    } catch (err) {
      ui.passwordError.textContent = accountProblem(err);
      (err instanceof HttpError && err.status === 403 ? ui.passwordCurrent : ui.passwordNew).focus();
    } finally {
      busy(ui.passwordSubmit, false, 'Skift adgangskode');
    }
  }

  ui.forgotOpen.addEventListener('click', openForgot);
  ui.forgotForm.addEventListener('submit', requestReset);
  ui.forgotBack.addEventListener('click', () => {
    showSignin();
    ui.email.focus();
  });
  ui.acceptForm.addEventListener('submit', acceptInvite);
  ui.resetForm.addEventListener('submit', confirmReset);
  ui.unsubscribeSubmit.addEventListener('click', unsubscribe);
  ui.unsubscribeBack.addEventListener('click', () => {
    if (client.auth && client.auth.org) openWorkspace(true);
    else showSignin();
  });
  ui.openSettings.addEventListener('click', openSettings);
  ui.settingsClose.addEventListener('click', closeSettings);
  ui.notifyForm.addEventListener('change', setNotify);
  ui.notifyForm.addEventListener('submit', (ev) => ev.preventDefault());
  ui.colleagueForm.addEventListener('submit', inviteColleague);
  ui.passwordForm.addEventListener('submit', changePassword);

  // -------------------------------------------------------------------- go

  const signedIn = client.auth;
  if (link) openLink();
  else if (signedIn && signedIn.access_token && signedIn.org) openWorkspace(false);
  else {
    client.clear();
    showSignin();
  }

  // For the browser tests and for looking around in the console.
  window.brobyggerOrg = {
    get org() {
      return client.auth ? client.auth.org : '';
    },
    get loaded() {
      return state.loaded;
    },
    get loads() {
      return state.loads;
    },
    get selected() {
      return state.selected ? state.selected.id : '';
    },
  };
})();
