package api_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/api"
	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/catalog"
	"github.com/brobygger/brobygger/leads"
)

// staffMember creates a staff account through the same helper the admin
// command uses and signs it in through POST /v1/auth/login.
func staffMember(t *testing.T, role, org string) (*client, string) {
	t.Helper()
	c := &client{t: t, base: testApp(t)}
	email := role + "-" + api.NewID()[:8] + "@example.dk"
	u, password, err := api.CreateStaff(context.Background(), shared.Store, api.NewStaff{Role: role, Email: email, OrgID: org}, time.Now())
	if err != nil {
		t.Fatalf("create %s: %v", role, err)
	}
	res := c.do("POST", "/v1/auth/login", map[string]string{"email": email, "password": password})
	if res.Status != 200 {
		t.Fatalf("login %s: %d %s", role, res.Status, res.Body)
	}
	body := res.json(t)
	if body["user_id"] != u.ID {
		t.Fatalf("login as %s returned user %v, want %s", email, body["user_id"], u.ID)
	}
	c.token = body["access_token"].(string)
	return c, u.ID
}

// tokenClaims reads an access token's claims without checking it; the
// server checks tokens, the tests only look at what they say.
func tokenClaims(t *testing.T, token string) map[string]any {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("not a JWT: %q", token)
	}
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// call is client.do for any route: it gives up on event streams once the
// headers are in, and checks non-JSON answers (calendar files, streams,
// 204) against the OpenAPI document as far as they can be checked.
func (c *client) call(method, path string, body any) response {
	c.t.Helper()
	var rd io.Reader
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			c.t.Fatal(err)
		}
		rd = strings.NewReader(string(raw))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	out := response{Status: res.StatusCode, Header: res.Header}
	ct, _, _ := strings.Cut(res.Header.Get("Content-Type"), ";")
	if ct == "text/event-stream" {
		return checkDocumented(c.t, method, path, out, ct)
	}
	out.Body, _ = io.ReadAll(res.Body)
	if ct == "application/json" || ct == "application/problem+json" {
		checkAgainstOpenAPI(c.t, method, path, out)
		return out
	}
	return checkDocumented(c.t, method, path, out, ct)
}

// checkDocumented checks an answer without a JSON body (an event stream, a
// calendar file, a 204) against the OpenAPI document, like every other.
func checkDocumented(t *testing.T, method, path string, res response, _ string) response {
	t.Helper()
	checkAgainstOpenAPI(t, method, path, res)
	return res
}

// TestEveryRouteDeclaresWhoMayCallIt keeps the route table honest: every
// route the server answers is in api.Routes, is public or names known
// roles, and is documented with the same roles.
func TestEveryRouteDeclaresWhoMayCallIt(t *testing.T) {
	testApp(t)
	declared := map[string]api.Route{}
	for _, r := range api.Routes() {
		key := r.Method + " " + r.Path
		if _, dup := declared[key]; dup {
			t.Errorf("%s is declared twice", key)
		}
		declared[key] = r
		if r.Public == (len(r.Roles) > 0) {
			t.Errorf("%s must be either public or name the roles that may call it", key)
		}
		for _, role := range r.Roles {
			if !slices.Contains(api.AllRoles, role) {
				t.Errorf("%s names unknown role %q", key, role)
			}
		}
		if r.Path == "/v1/openapi.json" {
			continue
		}
		op := findOperation(openAPISpec(t), r.Method, fiberToExample(r.Path))
		if op == nil {
			t.Errorf("%s is not in the OpenAPI document", key)
			continue
		}
		documented := asList(op["x-roles"])
		requirements, _ := op["security"].([]any)
		secured := len(requirements) > 0
		switch {
		case r.Public && (secured || len(documented) > 0):
			t.Errorf("%s is public but documented as secured", key)
		case !r.Public && (!secured || !sameSet(documented, r.Roles)):
			t.Errorf("%s: documented roles %v, served roles %v", key, documented, r.Roles)
		}
	}
	for _, fr := range shared.Fiber.GetRoutes(true) {
		if fr.Method == http.MethodHead {
			continue // Fiber answers HEAD for every GET
		}
		if _, ok := declared[fr.Method+" "+fr.Path]; !ok {
			t.Errorf("%s %s is served but not in the route table, so nobody said who may call it", fr.Method, fr.Path)
		}
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	sort.Strings(a)
	sort.Strings(b)
	return slices.Equal(a, b)
}

var fiberParam = regexp.MustCompile(`:([a-z_]+)`)

// fiberToExample fills a route's parameters with placeholder values.
func fiberToExample(path string) string { return fiberParam.ReplaceAllString(path, "x") }

// TestRoleMatrix calls every route as every role, with no token and with a
// bad one: the roles a route names get past authorisation, every other role
// gets 403, and no or a bad token gets 401.
func TestRoleMatrix(t *testing.T) {
	orgs, _, err := catalog.Sample()
	if err != nil {
		t.Fatal(err)
	}
	youthA, convA := guest(t)
	youthB, _ := guest(t)
	orgStaffA, _ := staffMember(t, api.RoleOrgStaff, orgs[0].ID)
	orgStaffB, _ := staffMember(t, api.RoleOrgStaff, orgs[1].ID)
	facilitator, _ := staffMember(t, api.RoleFacilitator, "")
	officer, _ := staffMember(t, api.RoleSafeguarding, "")
	admin, _ := staffMember(t, api.RoleAdmin, "")
	referrer, _ := staffMember(t, api.RoleReferrer, "")
	callers := []matrixCaller{
		{"youth A", api.RoleYouth, youthA}, {"youth B", api.RoleYouth, youthB},
		{"org_staff A", api.RoleOrgStaff, orgStaffA}, {"org_staff B", api.RoleOrgStaff, orgStaffB},
		{"facilitator", api.RoleFacilitator, facilitator}, {"safeguarding", api.RoleSafeguarding, officer},
		{"admin", api.RoleAdmin, admin}, {"referrer", api.RoleReferrer, referrer},
	}
	for _, role := range api.AllRoles {
		if !slices.ContainsFunc(callers, func(c matrixCaller) bool { return c.role == role }) {
			t.Fatalf("the matrix has nobody with role %s", role)
		}
	}
	if claims := tokenClaims(t, orgStaffA.token); claims["role"] != api.RoleOrgStaff || claims["org"] != orgs[0].ID {
		t.Errorf("org_staff token claims %v, want role org_staff and org %s", claims, orgs[0].ID)
	}
	if claims := tokenClaims(t, officer.token); claims["org"] != nil {
		t.Errorf("a safeguarding token must not name an organisation: %v", claims)
	}

	// A lead of youth A's at organisation A, so the lead routes are walked
	// with a real lead that one young person and one organisation own.
	leadA, err := shared.Leads.Create(context.Background(), leads.Lead{
		OrganisationID: orgs[0].ID, OrganisationName: orgs[0].Name, OpportunityID: "opp-matrix", OpportunityTitle: "Matrix",
		YouthID: tokenClaims(t, youthA.token)["sub"].(string), ConversationID: convA, Lang: "da", MaxFriends: 1,
		Shared: leads.Shared{Nickname: "A", AgeBand: leads.Band15to17},
	})
	if err != nil {
		t.Fatal(err)
	}

	// A class session of the facilitator's, so the session routes are
	// walked with one the caller owns.
	sessionRes := facilitator.do("POST", "/v1/sessions", map[string]any{"title": "Matrix"})
	if sessionRes.Status != 201 {
		t.Fatalf("create session: %d %s", sessionRes.Status, sessionRes.Body)
	}
	sessionA := sessionRes.json(t)["id"].(string)

	// A referral of the referrer's, so the referral routes are walked with
	// one the caller owns.
	referralRes := referrer.do("POST", "/v1/referrals", map[string]any{"reason": "other"})
	if referralRes.Status != 201 {
		t.Fatalf("create referral: %d %s", referralRes.Status, referralRes.Body)
	}
	referralA := referralRes.json(t)["id"].(string)

	// params fills a route's parameters with the caller's own ids where it
	// has any, so the allowed calls get past the ownership checks too.
	// Organisation routes name organisation A, so organisation B's staff
	// must get 404 on every one of them.
	params := func(path string) string {
		return fiberParam.ReplaceAllStringFunc(path, func(p string) string {
			switch {
			case p == ":id" && strings.HasPrefix(path, "/v1/conversations/"):
				return convA
			case p == ":id" && strings.HasPrefix(path, "/v1/safeguarding/cases/"):
				return "no-such-case"
			case p == ":opportunity_id":
				return "no-such-opportunity"
			case p == ":org_id":
				return orgs[0].ID
			case p == ":id" && strings.Contains(path, "/opportunities/"):
				return "no-such-opportunity"
			case p == ":id" && (strings.HasPrefix(path, "/v1/leads/") || strings.Contains(path, "/leads/")):
				return leadA.ID
			case p == ":code":
				return "NOCODE"
			case p == ":id" && strings.HasPrefix(path, "/v1/sessions/"):
				return sessionA
			case p == ":id" && strings.HasPrefix(path, "/v1/referrals/"):
				return referralA

			}
			t.Fatalf("the matrix does not know what to put for %s in %s; teach it", p, path)
			return ""
		})
	}
	// Calls that would destroy the caller's account run as a fresh account
	// of the same role, so the matrix can go on with the shared ones.
	fresh := func(t *testing.T, role string, c *client) *client {
		if role == api.RoleYouth {
			g, _ := guest(t)
			return g
		}
		s, _ := staffMember(t, role, tokenClaimsOrg(t, c.token))
		return s
	}
	nobody := &client{t: t, base: testApp(t)}
	forged := &client{t: t, base: testApp(t), token: "not.a.jwt"}

	for _, r := range api.Routes() {
		path := params(r.Path)
		var body any
		if r.Method == http.MethodPost {
			body = map[string]any{}
		}
		t.Run(r.Method+" "+r.Path, func(t *testing.T) {
			for _, who := range callers {
				c := who.c
				allowed := r.Public || slices.Contains(r.Roles, who.role)
				if allowed && r.Method == http.MethodDelete {
					c = fresh(t, who.role, c)
				}
				c.t = t
				res := c.call(r.Method, path, body)
				// Another tenant's resource is 404; an empty body may be
				// refused (400) before the lead is even looked up.
				otherTenant := (r.OrgScoped && who.name == "org_staff B") ||
					(who.name == "youth B" && strings.HasPrefix(r.Path, "/v1/leads/") && !(r.Method == http.MethodPost && res.Status == 400))
				switch {
				case allowed && (res.Status == 401 || res.Status == 403):
					t.Errorf("%s may call it but got %d: %s", who.name, res.Status, res.Body)
				case !allowed && res.Status != 403:
					t.Errorf("%s may not call it but got %d, want 403: %s", who.name, res.Status, res.Body)
				case allowed && otherTenant && res.Status != 404:
					t.Errorf("%s called another tenant's %s and got %d, want 404: %s", who.name, path, res.Status, res.Body)
				}
			}
			for _, c := range []*client{nobody, forged} {
				c.t = t
				res := c.call(r.Method, path, body)
				switch {
				case r.Public && (res.Status == 401 || res.Status == 403):
					t.Errorf("public, but without a valid token got %d: %s", res.Status, res.Body)
				case !r.Public && res.Status != 401:
					t.Errorf("token %q: got %d, want 401: %s", c.token, res.Status, res.Body)
				}
			}
		})
	}
	for _, who := range callers {
		who.c.t = t
	}
}

// matrixCaller is one signed-in caller of the role matrix.
type matrixCaller struct {
	name, role string
	c          *client
}

func tokenClaimsOrg(t *testing.T, token string) string {
	org, _ := tokenClaims(t, token)["org"].(string)
	return org
}

// TestAnotherTenantsIDsAreNotFound: a young person who knows another's
// conversation id still gets nothing of it, and cannot reach the cases.
func TestAnotherTenantsIDsAreNotFound(t *testing.T) {
	youthA, convA := guest(t)
	youthA.do("POST", "/v1/conversations/"+convA+"/messages", map[string]any{"client_message_id": "a1", "text": "jeg er 16"})
	youthB, convB := guest(t)
	// The event stream also takes its token from the query.
	youthBInQuery := &client{t: t, base: youthB.base}
	for _, tc := range []struct {
		c            *client
		method, path string
	}{
		{youthB, "GET", "/v1/conversations/" + convA + "/messages"},
		{youthB, "POST", "/v1/conversations/" + convA + "/messages"},
		{youthB, "GET", "/v1/conversations/" + convA + "/events"},
		{youthBInQuery, "GET", "/v1/conversations/" + convA + "/events?access_token=" + youthB.token},
	} {
		var body any
		if tc.method == "POST" {
			body = map[string]any{"client_message_id": "b1", "text": "hej"}
		}
		if res := tc.c.call(tc.method, tc.path, body); res.Status != 404 {
			t.Errorf("youth B: %s %s = %d, want 404", tc.method, tc.path, res.Status)
		}
	}
	if res := youthB.call("GET", "/v1/conversations/"+convB+"/messages", nil); res.Status != 200 {
		t.Errorf("youth B's own conversation: %d", res.Status)
	}
	for _, p := range []string{"/v1/safeguarding/cases", "/v1/safeguarding/cases/x", "/v1/admin/audit"} {
		if res := youthA.call("GET", p, nil); res.Status != 403 {
			t.Errorf("youth: GET %s = %d, want 403", p, res.Status)
		}
	}
	// Only the event stream takes a token from the query.
	inQuery := &client{t: t, base: youthA.base}
	if res := inQuery.call("GET", "/v1/me?access_token="+youthA.token, nil); res.Status != 401 {
		t.Errorf("GET /v1/me with the token in the query: %d, want 401", res.Status)
	}
}

func TestStaffLogin(t *testing.T) {
	c := &client{t: t, base: testApp(t)}
	ctx := context.Background()
	email := "Login-" + api.NewID()[:8] + "@Example.dk"
	u, password, err := api.CreateStaff(ctx, shared.Store, api.NewStaff{Role: api.RoleSafeguarding, Email: email}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := api.CreateStaff(ctx, shared.Store, api.NewStaff{Role: api.RoleAdmin, Email: strings.ToUpper(email)}, time.Now()); err == nil {
		t.Error("a second account with the same e-mail in other case was created")
	}

	res := c.do("POST", "/v1/auth/login", map[string]string{"email": "  " + strings.ToLower(email), "password": password})
	if res.Status != 200 {
		t.Fatalf("right password: %d %s", res.Status, res.Body)
	}
	tokens := res.json(t)
	if claims := tokenClaims(t, tokens["access_token"].(string)); claims["role"] != api.RoleSafeguarding || claims["sub"] != u.ID {
		t.Errorf("claims = %v", claims)
	}
	res = c.do("POST", "/v1/auth/refresh", map[string]string{"refresh_token": tokens["refresh_token"].(string)})
	if res.Status != 200 || tokenClaims(t, res.json(t)["access_token"].(string))["role"] != api.RoleSafeguarding {
		t.Errorf("staff refresh: %d %s", res.Status, res.Body)
	}

	wrong := c.do("POST", "/v1/auth/login", map[string]string{"email": email, "password": password + "x"})
	unknown := c.do("POST", "/v1/auth/login", map[string]string{"email": "nobody-" + api.NewID()[:8] + "@example.dk", "password": password})
	if wrong.Status != 401 || unknown.Status != 401 {
		t.Fatalf("wrong password %d, unknown e-mail %d; want 401 for both", wrong.Status, unknown.Status)
	}
	w, un := wrong.json(t), unknown.json(t)
	if w["detail"] != un["detail"] || w["type"] != un["type"] {
		t.Errorf("a wrong password and an unknown e-mail must look alike:\n%v\n%v", w, un)
	}

	for name, body := range map[string]any{
		"not JSON":         "hej",
		"no password":      map[string]string{"email": email},
		"no e-mail":        map[string]string{"password": password},
		"password not str": `{"email":"a@b.dk","password":42}`,
		"no body":          nil,
	} {
		if res := c.do("POST", "/v1/auth/login", body); res.Status != 400 {
			t.Errorf("%s: %d, want 400", name, res.Status)
		}
	}

	cred, err := shared.Store.StaffCredential(ctx, email)
	if err != nil {
		t.Fatal(err)
	}
	params := "m=65536,t=3,p=4" // RFC 9106's second recommended option
	if raceDetector {
		params = "m=1024,t=1,p=4" // accounts.UseCheapHashesForTests, in race_on_test.go
	}
	if !strings.HasPrefix(cred.PasswordHash, "$argon2id$v=19$"+params+"$") || strings.Contains(cred.PasswordHash, password) {
		t.Errorf("password hash %q is not an argon2id hash with its parameters", cred.PasswordHash)
	}
	_, other, err := api.CreateStaff(ctx, shared.Store, api.NewStaff{Role: api.RoleAdmin, Email: "salt-" + api.NewID()[:8] + "@example.dk"}, time.Now())
	if err != nil || other == password {
		t.Fatalf("second account: %v (passwords must differ)", err)
	}

	if _, _, err := api.CreateStaff(ctx, shared.Store, api.NewStaff{Role: api.RoleYouth, Email: "y@example.dk"}, time.Now()); err == nil {
		t.Error("created a staff account with role youth")
	}
	if _, _, err := api.CreateStaff(ctx, shared.Store, api.NewStaff{Role: api.RoleOrgStaff, Email: "o@example.dk"}, time.Now()); err == nil {
		t.Error("created org_staff without an organisation")
	}
	if _, _, err := api.CreateStaff(ctx, shared.Store, api.NewStaff{Role: api.RoleAdmin, Email: "a@example.dk", OrgID: "org"}, time.Now()); err == nil {
		t.Error("created an admin scoped to an organisation")
	}
	for _, bad := range []string{"", "no-at-sign", "Name <a@example.dk>", "a@localhost", "a@@example.dk"} {
		if _, _, err := api.CreateStaff(ctx, shared.Store, api.NewStaff{Role: api.RoleAdmin, Email: bad}, time.Now()); err == nil {
			t.Errorf("created an account with e-mail %q", bad)
		}
	}
}

// say sends one chat message and fails the test unless it is answered.
func say(t *testing.T, c *client, conv, id, text string) {
	t.Helper()
	res := c.do("POST", "/v1/conversations/"+conv+"/messages", map[string]any{"client_message_id": id, "text": text})
	if res.Status != 200 {
		t.Fatalf("send %q: %d %s", text, res.Status, res.Body)
	}
}

// casesOf lists the cases of a conversation as the officer sees them.
func casesOf(t *testing.T, officer *client, conv string) []map[string]any {
	t.Helper()
	res := officer.do("GET", "/v1/safeguarding/cases", nil)
	if res.Status != 200 {
		t.Fatalf("list cases: %d %s", res.Status, res.Body)
	}
	var out []map[string]any
	for _, c := range res.json(t)["cases"].([]any) {
		if m := c.(map[string]any); m["conversation_id"] == conv {
			out = append(out, m)
		}
	}
	return out
}

// TestMinorsAbuseDisclosureOpensACase: a 15-year-old writing that their
// father hits them opens a case a safeguarding officer sees, holding that
// message and nothing else; a 25-year-old writing the same opens none.
func TestMinorsAbuseDisclosureOpensACase(t *testing.T) {
	const disclosure = "min far slår mig når han er fuld"
	officer, _ := staffMember(t, api.RoleSafeguarding, "")

	minor, conv := guest(t)
	say(t, minor, conv, "m1", "jeg er 15")
	say(t, minor, conv, "m2", "jeg kan godt lide dyr")
	if age := minor.do("GET", "/v1/me", nil).json(t)["profile"].(map[string]any)["age"]; age != float64(15) {
		t.Fatalf("the minor's age is %v, want 15", age)
	}
	say(t, minor, conv, "m3", disclosure)
	minorID := tokenClaims(t, minor.token)["sub"]
	cases := casesOf(t, officer, conv)
	if len(cases) != 1 {
		t.Fatalf("%d cases for the minor's conversation, want 1", len(cases))
	}
	if cases[0]["status"] != "open" || cases[0]["kind"] != "violence" || cases[0]["user_id"] != minorID {
		t.Errorf("case = %v", cases[0])
	}
	if kinds, _ := cases[0]["kinds"].([]any); len(kinds) == 0 || kinds[0] != "violence" {
		t.Errorf("case kinds = %v, want violence first", cases[0]["kinds"])
	}
	if _, ok := cases[0]["messages"]; ok {
		t.Error("the list shows what the young person wrote; only opening the case should")
	}
	res := officer.do("GET", "/v1/safeguarding/cases/"+cases[0]["id"].(string), nil)
	if res.Status != 200 {
		t.Fatalf("open case: %d %s", res.Status, res.Body)
	}
	full := res.json(t)
	if msgs := full["messages"].([]any); len(msgs) != 1 || msgs[0] != disclosure {
		t.Errorf("case messages = %v, want exactly the disclosure", msgs)
	}

	adult, adultConv := guest(t)
	say(t, adult, adultConv, "a1", "jeg er 25")
	say(t, adult, adultConv, "a2", disclosure)
	if cases := casesOf(t, officer, adultConv); len(cases) != 0 {
		t.Errorf("an adult's disclosure opened %d cases, want none", len(cases))
	}
}

// TestCaseWorkIsAudited walks a case from open to closed and checks that
// every look at it and every change is in the audit log, without a word of
// what the young person or the officer wrote.
func TestCaseWorkIsAudited(t *testing.T) {
	const secret, noteText = "min stedfar rører ved mig " + "zq-audit-marker", "ringede til kommunen zq-note-marker"
	officer, officerID := staffMember(t, api.RoleSafeguarding, "")
	admin, adminID := staffMember(t, api.RoleAdmin, "")
	caseID := "case-" + api.NewID()
	err := shared.Store.OpenCase(context.Background(), bot.SafeguardingCase{ID: caseID, UserID: "u-" + caseID,
		ConversationID: "c-" + caseID, Kind: "abuse", Messages: []string{secret}, CreatedAt: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	path := "/v1/safeguarding/cases/" + caseID
	mustStatus := func(c *client, method, p string, body any, want int) map[string]any {
		t.Helper()
		res := c.do(method, p, body)
		if res.Status != want {
			t.Fatalf("%s %s: %d %s, want %d", method, p, res.Status, res.Body, want)
		}
		return res.json(t)
	}
	listed := mustStatus(officer, "GET", "/v1/safeguarding/cases?status=open", nil, 200)
	if !strings.Contains(string(mustJSON(t, listed)), caseID) {
		t.Fatal("the open case is not listed as open")
	}
	mustStatus(officer, "GET", "/v1/safeguarding/cases?status=maybe", nil, 400)
	mustStatus(officer, "POST", path+"/close", map[string]string{"outcome": "no_action"}, 409)
	c := mustStatus(officer, "POST", path+"/acknowledge", nil, 200)
	if c["status"] != "acknowledged" || c["acknowledged_by"] != officerID {
		t.Errorf("after acknowledging: %v", c)
	}
	mustStatus(officer, "POST", path+"/acknowledge", nil, 200) // a retry changes nothing
	mustStatus(admin, "POST", path+"/acknowledge", nil, 403)
	mustStatus(officer, "POST", path+"/notes", map[string]string{"text": "  "}, 400)
	c = mustStatus(officer, "POST", path+"/notes", map[string]string{"text": noteText}, 200)
	if notes := c["notes"].([]any); len(notes) != 1 || notes[0].(map[string]any)["author_id"] != officerID {
		t.Errorf("notes = %v", c["notes"])
	}
	mustStatus(officer, "POST", path+"/close", map[string]string{}, 400)
	c = mustStatus(officer, "POST", path+"/close", map[string]string{"outcome": "notified_municipality"}, 200)
	if c["status"] != "closed" || c["closed_by"] != officerID || c["outcome"] != "notified_municipality" {
		t.Errorf("after closing: %v", c)
	}
	mustStatus(officer, "POST", path+"/acknowledge", nil, 409)
	mustStatus(officer, "GET", path, nil, 200)
	mustStatus(admin, "GET", path, nil, 200)
	mustStatus(officer, "GET", "/v1/safeguarding/cases/no-such-case", nil, 404)
	mustStatus(officer, "GET", "/v1/admin/audit", nil, 403)
	mustStatus(admin, "GET", "/v1/admin/audit?limit=0", nil, 400)

	res := admin.do("GET", "/v1/admin/audit?limit=1000", nil)
	if res.Status != 200 {
		t.Fatalf("audit: %d %s", res.Status, res.Body)
	}
	if strings.Contains(string(res.Body), "zq-") {
		t.Error("the audit log holds what was written")
	}
	var got []string
	for _, e := range res.json(t)["entries"].([]any) {
		e := e.(map[string]any)
		if slices.Contains(asList(e["case_ids"]), caseID) {
			got = append(got, e["actor_id"].(string)+" "+e["actor_role"].(string)+" "+e["action"].(string))
		}
	}
	slices.Reverse(got) // the log is newest first
	o, a := officerID+" safeguarding ", adminID+" admin "
	want := []string{o + "case.list", o + "case.acknowledge", o + "case.acknowledge", o + "case.note",
		o + "case.close", o + "case.read", a + "case.read"}
	if !slices.Equal(got, want) {
		t.Errorf("audit entries for the case:\n got %q\nwant %q", got, want)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
