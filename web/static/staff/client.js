// The staff pages (/org/ and /facilitator/) talk to the API through this one
// client: the sign-in kept for the tab, refresh tokens that rotate, one
// refresh at a time, an expired sign-in ended on the server too, and errors
// as HttpError (with the problem details) or SignedOut.
(() => {
  class HttpError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
      this.status = status;
      this.problem = problem;
    }
  }

  class SignedOut extends Error {}

  // claims reads an access token's payload. The server checks the token;
  // a page only needs to know the role and the organisation.
  function claims(token) {
    try {
      const part = String(token).split('.')[1];
      const b64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return null;
    }
  }

  async function postJSON(path, body) {
    let res;
    try {
      res = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
        cache: 'no-store',
      });
    } catch {
      throw new HttpError(0, null);
    }
    const data = await res.json().catch(() => null);
    if (!res.ok) throw new HttpError(res.status, data);
    return data;
  }

  // logout ends a sign-in on the server, so its refresh token is worthless.
  function logout(refreshToken) {
    if (!refreshToken) return;
    fetch('/v1/auth/logout', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refresh_token: refreshToken }),
    }).catch(() => {});
  }

  // client keeps one page's sign-in under key in sessionStorage: it lasts
  // as long as the tab, so a shared computer forgets it when the browser
  // closes. onExpired runs when the server no longer takes the sign-in.
  function client(key, onExpired) {
    function read() {
      try {
        return JSON.parse(sessionStorage.getItem(key) || 'null');
      } catch {
        return null;
      }
    }

    function write(value) {
      try {
        if (value) sessionStorage.setItem(key, JSON.stringify(value));
        else sessionStorage.removeItem(key);
      } catch {
        // Storage may be off; the sign-in then lasts as long as the page.
      }
    }

    let auth = read();

    function setTokens(tokens) {
      const c = claims(tokens.access_token) || {};
      auth = {
        user_id: tokens.user_id || c.sub || '',
        access_token: tokens.access_token,
        refresh_token: tokens.refresh_token,
        expires_at: Date.now() + (tokens.expires_in || 900) * 1000,
        org: c.org || '',
        role: tokens.role || c.role || '',
      };
      write(auth);
    }

    // clear forgets the sign-in here; endSignIn ends it on the server too.
    function clear() {
      auth = null;
      write(null);
    }

    function endSignIn() {
      if (auth) logout(auth.refresh_token);
      clear();
    }

    // Refresh tokens rotate: one refresh at a time, and a request that was
    // refused with an older access token picks up the newer one.
    let refreshing = null;
    function refresh(staleToken) {
      if (refreshing) return refreshing;
      refreshing = (async () => {
        const stored = read() || auth;
        if (stored && stored.access_token && stored.access_token !== staleToken) {
          auth = stored;
          return;
        }
        if (!stored || !stored.refresh_token) throw new SignedOut();
        try {
          const role = stored.role;
          setTokens(await postJSON('/v1/auth/refresh', { refresh_token: stored.refresh_token }));
          if (!auth.role) auth.role = role;
        } catch (err) {
          if (err instanceof HttpError && (err.status === 400 || err.status === 401)) throw new SignedOut();
          throw err;
        }
      })().finally(() => {
        refreshing = null;
      });
      return refreshing;
    }

    function expired() {
      if (auth) onExpired();
      throw new SignedOut();
    }

    // request sends an authenticated request and returns the response; an
    // access token the server no longer takes is refreshed once.
    async function request(method, path, body, accept) {
      if (!auth || !auth.access_token) throw new SignedOut();
      if (auth.expires_at && auth.expires_at - Date.now() < 30000) {
        try {
          await refresh(auth.access_token);
        } catch (err) {
          if (err instanceof SignedOut) return expired();
        }
      }
      for (let attempt = 0; ; attempt++) {
        const token = auth.access_token;
        const headers = { Authorization: `Bearer ${token}`, Accept: accept || 'application/json' };
        if (body !== undefined) headers['Content-Type'] = 'application/json';
        let res;
        try {
          res = await fetch(path, {
            method, headers, cache: 'no-store', body: body === undefined ? undefined : JSON.stringify(body),
          });
        } catch {
          throw new HttpError(0, null);
        }
        if (res.status === 401 && attempt === 0) {
          try {
            await refresh(token);
          } catch (err) {
            if (err instanceof SignedOut) return expired();
            throw err;
          }
          continue;
        }
        if (res.status === 401) return expired();
        if (!res.ok) throw new HttpError(res.status, await res.json().catch(() => null));
        return res;
      }
    }

    // api is request for JSON: the decoded answer, null for 204.
    async function api(method, path, body) {
      const res = await request(method, path, body);
      return res.status === 204 ? null : res.json().catch(() => null);
    }

    return {
      get auth() {
        return auth;
      },
      setTokens, clear, endSignIn, request, api,
    };
  }

  window.BrobyggerStaff = { HttpError, SignedOut, claims, postJSON, logout, client };
})();
