// The operators' page: sign in as admin, choose a period, a municipality
// and an age band, and see how far young people get across the bridge, as
// GET /v1/admin/funnel counts it. Hidden counts (under five, or ones that
// subtraction would turn into a smaller group) are drawn as such, never
// as zero.
(() => {
  const KEY = 'brobygger.admin';
  const STAGES = {
    conversation_started: 'Startede en samtale',
    suggestions_seen: 'Så forslag',
    first_step_chosen: 'Valgte et første skridt',
    lead_sent: 'Sendte en henvendelse',
    welcomed: 'Blev taget godt imod',
    belongs: 'Føler sig som en del af det',
  };
  const $ = (id) => document.getElementById(id);
  const staff = window.BrobyggerStaff;
  const { HttpError, SignedOut, postJSON } = staff;
  const client = staff.client(KEY, () => showSignIn('Du er blevet logget ud. Log ind igen.'));

  function showSignIn(message) {
    $('signin').hidden = false;
    $('funnel').hidden = true;
    $('invite').hidden = true;
    $('sign-out').hidden = true;
    $('signin-error').textContent = message || '';
  }

  function showFunnel() {
    $('signin').hidden = true;
    $('funnel').hidden = false;
    $('invite').hidden = false;
    $('sign-out').hidden = false;
    load();
  }

  function problemText(err) {
    if (err instanceof SignedOut) return '';
    if (!(err instanceof HttpError)) return 'Noget gik galt. Prøv igen.';
    if (err.status === 0) return 'Ingen forbindelse til Brobygger. Prøv igen om lidt.';
    if (err.status === 403) return 'Din konto har ikke adgang til tallene.';
    return (err.problem && err.problem.detail) || 'Noget gik galt. Prøv igen.';
  }

  function query() {
    const q = new URLSearchParams();
    const add = (name, value) => {
      if (value) q.set(name, value);
    };
    add('from', $('f-from').value);
    add('to', $('f-to').value);
    add('municipality', $('f-municipality').value.trim());
    add('age_band', $('f-age').value);
    const s = q.toString();
    return s ? `?${s}` : '';
  }

  async function load() {
    $('funnel-error').textContent = '';
    try {
      const f = await client.api('GET', `/v1/admin/funnel${query()}`);
      draw(f);
    } catch (err) {
      $('funnel-error').textContent = problemText(err);
    }
  }

  const svgNS = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, text) {
    const n = document.createElementNS(svgNS, tag);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
    if (text !== undefined) n.textContent = text;
    return n;
  }

  const fmt = (n) => n.toLocaleString('da-DK');

  // draw makes one bar per stage, as long as its count against the first
  // shown one; a hidden count is a short pale bar that says so.
  function draw(f) {
    const stages = Array.isArray(f.stages) ? f.stages : [];
    const chart = $('chart');
    const title = $('chart-title');
    chart.replaceChildren(title);
    const rowH = 44;
    const labelW = 220;
    const barW = 340;
    const height = stages.length * rowH + 8;
    chart.setAttribute('viewBox', `0 0 640 ${height}`);
    chart.setAttribute('height', String(height));
    const top = stages.find((s) => Number.isFinite(s.count));
    const max = top ? top.count : 0;
    const min = f.min_count || 5;
    const rows = [];
    let previous = null;
    stages.forEach((s, i) => {
      const y = i * rowH + 4;
      const name = STAGES[s.stage] || s.stage;
      const g = svg('g', { class: 'stage', 'data-stage': s.stage });
      g.append(svg('text', { class: 'label', x: 0, y: y + 24 }, name));
      const shown = Number.isFinite(s.count);
      const w = shown && max > 0 ? Math.max(2, Math.round((s.count / max) * barW)) : 18;
      g.append(svg('rect', { class: shown ? 'bar' : 'bar bar--hidden', x: labelW, y: y + 8, width: w, height: 24, rx: 3 }));
      g.append(svg('text', { class: shown ? 'value' : 'value value--hidden', x: labelW + w + 8, y: y + 25 },
        shown ? fmt(s.count) : `skjult (færre end ${min})`));
      chart.append(g);
      let share = '';
      if (shown && previous !== null && previous > 0) share = `${Math.round((s.count / previous) * 100)} %`;
      rows.push([name, shown ? fmt(s.count) : `skjult (færre end ${min})`, share]);
      previous = shown ? s.count : null;
    });
    title.textContent = `Broen i tal: ${rows.map((r) => `${r[0]} ${r[1]}`).join(', ')}`;
    $('rows').replaceChildren(...rows.map((r) => {
      const tr = document.createElement('tr');
      for (const v of r) {
        const td = document.createElement('td');
        td.textContent = v;
        tr.append(td);
      }
      return tr;
    }));
    const period = f.from || f.to ? 'i den valgte periode' : 'indtil nu';
    $('chart-caption').textContent = max > 0
      ? `${fmt(max)} samtaler ${period}.`
      : `For få samtaler ${period} til at vise tal.`;
  }

  async function signIn(ev) {
    ev.preventDefault();
    const email = $('signin-email').value.trim();
    const password = $('signin-password').value;
    if (!email || !password) {
      $('signin-error').textContent = 'Skriv både e-mail og adgangskode.';
      return;
    }
    $('signin-submit').disabled = true;
    try {
      const tokens = await postJSON('/v1/auth/login', { email, password });
      client.setTokens(tokens);
      if (client.auth.role !== 'admin') {
        client.endSignIn();
        $('signin-error').textContent = 'Siden er for administratorer.';
        return;
      }
      showFunnel();
    } catch (err) {
      $('signin-error').textContent = err instanceof HttpError && (err.status === 401 || err.status === 400)
        ? 'Forkert e-mail eller adgangskode.' : problemText(err);
    } finally {
      $('signin-submit').disabled = false;
    }
  }

  // invite sends POST /v1/admin/staff-invites: organisation staff need their
  // organisation's id; a referrer may name the organisation they refer for.
  async function invite(ev) {
    ev.preventDefault();
    $('invite-error').textContent = '';
    $('invite-done').textContent = '';
    const email = $('i-email').value.trim();
    const role = $('i-role').value;
    const org = $('i-org').value.trim();
    if (!email) {
      $('invite-error').textContent = 'Skriv deres e-mail.';
      return;
    }
    if (role === 'org_staff' && !org) {
      $('invite-error').textContent = 'En organisations medarbejder skal have organisationens id.';
      return;
    }
    $('i-submit').disabled = true;
    try {
      const body = { email, role };
      if (org && (role === 'org_staff' || role === 'referrer')) body.org_id = org;
      await client.api('POST', '/v1/admin/staff-invites', body);
      $('invite-done').textContent = `Invitationen er sendt til ${email}. Linket virker i 72 timer.`;
      $('i-email').value = '';
    } catch (err) {
      $('invite-error').textContent = err instanceof HttpError && err.status === 409
        ? `${email} har allerede en konto.` : problemText(err);
    } finally {
      $('i-submit').disabled = false;
    }
  }

  $('invite-form').addEventListener('submit', invite);
  $('signin-form').addEventListener('submit', signIn);
  $('filters').addEventListener('submit', (ev) => {
    ev.preventDefault();
    load();
  });
  $('sign-out').addEventListener('click', () => {
    client.endSignIn();
    showSignIn('');
  });
  if (client.auth && client.auth.role === 'admin') showFunnel();
  else showSignIn('');
})();
