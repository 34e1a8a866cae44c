package api_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/api"
	"github.com/brobygger/brobygger/match"
)

// newOrganisation has an administrator add an organisation through the API
// and returns its id and a signed-in member of its staff.
func newOrganisation(t *testing.T, name string) (string, *client) {
	t.Helper()
	admin, _ := staffMember(t, api.RoleAdmin, "")
	res := admin.do("POST", "/v1/admin/organisations", map[string]string{"name": name})
	if res.Status != 201 {
		t.Fatalf("create organisation: %d %s", res.Status, res.Body)
	}
	org := res.json(t)
	if org["name"] != name || !strings.HasPrefix(org["id"].(string), "org-") {
		t.Fatalf("created organisation %v", org)
	}
	staff, _ := staffMember(t, api.RoleOrgStaff, org["id"].(string))
	return org["id"].(string), staff
}

// upload sends a file to the import with its content type and checks the
// answer against the OpenAPI document.
func (c *client) upload(path, contentType string, file []byte) response {
	c.t.Helper()
	req, err := http.NewRequest("POST", c.base+path, bytes.NewReader(file))
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Authorization", "Bearer "+c.token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatalf("POST %s: %v", path, err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := response{Status: res.StatusCode, Header: res.Header, Body: raw}
	checkAgainstOpenAPI(c.t, "POST", path, out)
	return out
}

// importReport is the import's answer.
type importReport struct {
	DryRun                                bool `json:"dry_run"`
	Created, Updated, Unchanged, Rejected int
	Rows                                  []struct {
		Row    int
		ID     string
		Action string
		Errors []string
	}
}

func decodeReport(t *testing.T, res response) importReport {
	t.Helper()
	if res.Status != 200 {
		t.Fatalf("import: %d %s", res.Status, res.Body)
	}
	var r importReport
	if err := json.Unmarshal(res.Body, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// A spreadsheet as a Danish Excel saves it: two good rows and one with
// something wrong in nearly every cell.
const orgSpreadsheet = `id;title;summary;interests;commitment;weekly;min_age;max_age;group_size;address;postcode;first_step_what;first_step_where;first_step_contact
hundeluftning;Luft hunde i weekenden;Gå tur med internatets hunde.;animals|nature;one_off;lør 10:00-12:00|søn 10:00-12:00;15;25;4;Vestergade 1;8000;Kom til en prøvetur;Internatet, Vestergade 1;Spørg efter Sara
kattekos;Kattekos;Kæl for de katte, der venter på et hjem.;animals;recurring;tir 16:00-18:00;13;;2;Vestergade 1;8000;Kom forbi;Kattehuset;Spørg efter Ali
for-unge;For de små;Noget for børn.;knitting;sometimes;;12;;1;;9999;;;
`

// waitForCatalog polls the server's in-memory catalog, which the catalog
// sync refreshes every few seconds, until ok says the opportunity is there
// as wanted.
func waitForCatalog(t *testing.T, index *match.Index, id string, ok func(o *match.Opportunity, found bool) bool) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		o, found := index.Get(id)
		if ok(o, found) {
			return time.Since(start)
		}
		// A generous bound: a loaded machine is slow, and speed is the
		// benchmarks' business, not this test's.
		if time.Since(start) > time.Minute {
			t.Fatalf("the catalog did not pick up the change to %s within a minute", id)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestImportOpportunities(t *testing.T) {
	orgID, staff := newOrganisation(t, "Poterne Aarhus")
	path := "/v1/orgs/" + orgID + "/opportunities/import"
	prefix := "opp-" + strings.TrimPrefix(orgID, "org-") + "-"

	dry := decodeReport(t, staff.upload(path+"?dry_run=true", "text/csv; charset=utf-8", []byte(orgSpreadsheet)))
	if !dry.DryRun || dry.Created != 2 || dry.Rejected != 1 || len(dry.Rows) != 3 {
		t.Fatalf("dry run = %+v", dry)
	}
	for i, want := range []struct {
		row    int
		id     string
		action string
	}{{2, prefix + "hundeluftning", "create"}, {3, prefix + "kattekos", "create"}, {4, prefix + "for-unge", "reject"}} {
		if got := dry.Rows[i]; got.Row != want.row || got.ID != want.id || got.Action != want.action {
			t.Errorf("dry run row %d = %+v, want %+v", i, got, want)
		}
	}
	rejected := strings.Join(dry.Rows[2].Errors, "; ")
	for _, reason := range []string{"interests", "commitment", "min_age", "postcode", "first_step"} {
		if !strings.Contains(rejected, reason) {
			t.Errorf("the bad row's reasons do not mention %s: %s", reason, rejected)
		}
	}
	if opps := staff.do("GET", "/v1/orgs/"+orgID+"/opportunities", nil).json(t)["opportunities"].([]any); len(opps) != 0 {
		t.Fatalf("a dry run stored %d opportunities", len(opps))
	}

	real := decodeReport(t, staff.upload(path, "text/csv", []byte(orgSpreadsheet)))
	if real.DryRun || real.Created != 2 || real.Rejected != 1 {
		t.Fatalf("import = %+v", real)
	}
	again := decodeReport(t, staff.upload(path, "text/csv", []byte(orgSpreadsheet)))
	if again.Created != 0 || again.Updated != 0 || again.Unchanged != 2 || again.Rejected != 1 {
		t.Errorf("importing the same file again = %+v, want every good row unchanged", again)
	}

	res := staff.do("GET", "/v1/orgs/"+orgID+"/opportunities", nil)
	var listed struct{ Opportunities []map[string]any }
	if err := json.Unmarshal(res.Body, &listed); err != nil || len(listed.Opportunities) != 2 {
		t.Fatalf("listed %s", res.Body)
	}
	dogs := listed.Opportunities[0] // listed by id
	if dogs["id"] != prefix+"hundeluftning" || dogs["organisation"] != "Poterne Aarhus" || dogs["published"] != true {
		t.Errorf("imported opportunity = %v", dogs)
	}
	if place := dogs["place"].(map[string]any); place["municipality"] != "Aarhus" || place["lat"] == float64(0) {
		t.Errorf("the postcode was not resolved: %v", place)
	}

	// A JSON file from the organisation's own system changes one of them.
	file, _ := json.Marshal([]map[string]any{{
		"id": "kattekos", "title": "Kattekos om tirsdagen", "summary": "Kæl for de katte, der venter på et hjem.",
		"interests": []string{"animals"}, "commitment": "recurring", "min_age": 13, "group_size": 2,
		"schedule":   map[string]any{"kind": "weekly", "weekly": []map[string]string{{"day": "tue", "start": "16:00", "end": "18:00"}}},
		"place":      map[string]any{"address": "Vestergade 1", "postcode": "8000"},
		"first_step": map[string]string{"what": "Kom forbi", "where": "Kattehuset", "contact": "Spørg efter Ali"},
	}})
	if rep := decodeReport(t, staff.upload(path, "application/json", file)); rep.Updated != 1 || rep.Rows[0].ID != prefix+"kattekos" {
		t.Errorf("JSON import = %+v", rep)
	}

	// The sync brings the imported opportunity to the matcher within seconds.
	took := waitForCatalog(t, shared.Catalog, prefix+"hundeluftning", func(o *match.Opportunity, found bool) bool {
		return found && o.Published && o.OrganisationID == orgID
	})
	t.Logf("imported opportunity suggestible after %s", took.Round(time.Millisecond))

	for name, tc := range map[string]struct {
		contentType string
		file        string
		status      int
	}{
		"not a spreadsheet":   {"text/csv", "title;nonsense\nx;y\n", 400},
		"not a JSON array":    {"application/json", `{"title":"x"}`, 400},
		"not UTF-8":           {"text/csv", "title;summary\n\xff\xfe;x\n", 400},
		"another file format": {"application/vnd.ms-excel", "PK…", 415},
	} {
		if res := staff.upload(path, tc.contentType, []byte(tc.file)); res.Status != tc.status {
			t.Errorf("%s: %d, want %d: %s", name, res.Status, tc.status, res.Body)
		}
	}
	if res := staff.upload(path+"?dry_run=maybe", "text/csv", []byte(orgSpreadsheet)); res.Status != 400 {
		t.Errorf("dry_run=maybe: %d, want 400", res.Status)
	}

	// Another organisation's staff cannot import into this one, nor see it.
	_, other := newOrganisation(t, "Andre Poter")
	if res := other.upload(path, "text/csv", []byte(orgSpreadsheet)); res.Status != 404 {
		t.Errorf("another organisation's staff imported: %d, want 404", res.Status)
	}
}

// TestImportTakesLargerFilesThanOtherRoutes: the import takes files up to
// 2 MB, every other route still stops at 16 KB, with problem details.
func TestImportTakesLargerFilesThanOtherRoutes(t *testing.T) {
	orgID, staff := newOrganisation(t, "Store Filer")
	path := "/v1/orgs/" + orgID + "/opportunities/import?dry_run=true"
	// 100 KB in rows of an ordinary size: each description is within the
	// catalog's limit, the file is beyond what other routes take.
	long := strings.Repeat("Lang beskrivelse. ", 1000/18)
	file := "id;title;summary;description;interests;commitment;dates;min_age;postcode;first_step_what;first_step_where;first_step_contact\n"
	for i := range 100 {
		file += fmt.Sprintf("stor-%d;Stor %d;Stor fil;%s;animals;one_off;2027-05-01 10:00-14:00;15;8000;Kom;Her;Sara\n", i, i, long)
	}
	if rep := decodeReport(t, staff.upload(path, "text/csv", []byte(file))); rep.Created != 100 {
		t.Errorf("a 100 KB file: %+v", rep)
	}
	// The server refuses a body over its limit as soon as it reads the
	// length, and closes the connection while an ordinary client is still
	// sending; so this one sends the headers alone and reads the answer.
	conn, err := net.Dial("tcp", strings.TrimPrefix(staff.base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "POST %s HTTP/1.1\r\nHost: test\r\nContent-Type: text/csv\r\nAuthorization: Bearer %s\r\nContent-Length: %d\r\n\r\n",
		path, staff.token, 2<<20+1)
	big, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer big.Body.Close()
	raw, _ := io.ReadAll(big.Body)
	checkAgainstOpenAPI(t, "POST", path, response{Status: big.StatusCode, Header: big.Header, Body: raw})
	if big.StatusCode != 413 || !strings.Contains(string(raw), "2 MB") {
		t.Errorf("a file over 2 MB: %d %s", big.StatusCode, raw)
	}
	admin, _ := staffMember(t, api.RoleAdmin, "")
	res := admin.do("POST", "/v1/admin/organisations", `{"name":"`+strings.Repeat("x", 17*1024)+`"}`)
	if res.Status != 413 || !strings.Contains(string(res.Body), "16 KB") {
		t.Errorf("17 KB to another route: %d %s", res.Status, res.Body)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") {
		t.Errorf("content type %q", ct)
	}
}

// dogWalk is an opportunity as staff write it through the API.
func dogWalk(title string) map[string]any {
	return map[string]any{
		"title": title, "summary": "Gå tur med internatets hunde.", "interests": []string{"animals"},
		"commitment": "recurring", "min_age": 15, "group_size": 2,
		"schedule":   map[string]any{"kind": "weekly", "weekly": []map[string]string{{"day": "sat", "start": "10:00", "end": "12:00"}}},
		"place":      map[string]any{"address": "Vestergade 1", "postcode": "8000"},
		"first_step": map[string]string{"what": "Kom til en prøvetur", "where": "Internatet", "contact": "Spørg efter Sara"},
	}
}

func TestOrganisationEditsItsOpportunities(t *testing.T) {
	orgID, staff := newOrganisation(t, "Hundene i Aarhus")
	_, other := newOrganisation(t, "Kattene i Aarhus")
	id := "opp-" + strings.TrimPrefix(orgID, "org-") + "-hundetur"
	path := "/v1/orgs/" + orgID + "/opportunities/" + id

	res := staff.do("PUT", path, dogWalk("Hundetur"))
	if res.Status != 201 {
		t.Fatalf("create: %d %s", res.Status, res.Body)
	}
	o := res.json(t)
	if o["organisation_id"] != orgID || o["organisation"] != "Hundene i Aarhus" || o["published"] != true ||
		o["place"].(map[string]any)["municipality"] != "Aarhus" {
		t.Errorf("created %v", o)
	}
	edited := dogWalk("Hundetur lørdag")
	edited["organisation_id"] = "org-someone-else" // not a field one can set; the path decides
	if res := staff.do("PUT", path, edited); res.Status != 200 || res.json(t)["organisation_id"] != orgID {
		t.Errorf("edit: %d %s", res.Status, res.Body)
	}
	waitForCatalog(t, shared.Catalog, id, func(o *match.Opportunity, found bool) bool { return found && o.Title == "Hundetur lørdag" })

	tooYoung := dogWalk("For unge")
	tooYoung["min_age"] = 12
	if res := staff.do("PUT", path, tooYoung); res.Status != 422 || !strings.Contains(string(res.Body), "min_age") {
		t.Errorf("min_age 12: %d %s", res.Status, res.Body)
	}
	nowhere := dogWalk("Intetsteds")
	nowhere["place"] = map[string]any{"postcode": "9999"}
	if res := staff.do("PUT", path, nowhere); res.Status != 422 || !strings.Contains(string(res.Body), "postcode") {
		t.Errorf("postcode 9999: %d %s", res.Status, res.Body)
	}
	// An id that cannot be this organisation's is 404 whoever holds it, so
	// the answer never confirms another organisation's opportunity.
	if res := staff.do("PUT", "/v1/orgs/"+orgID+"/opportunities/hundetur", dogWalk("Uden præfiks")); res.Status != 404 {
		t.Errorf("a new id without the organisation's prefix: %d, want 404", res.Status)
	}
	if res := staff.do("PUT", "/v1/orgs/"+orgID+"/opportunities/opp-potefaellesskabet-aarhus-kattepasning", dogWalk("Kapret")); res.Status != 404 {
		t.Errorf("another organisation's opportunity id: %d, want 404", res.Status)
	}

	res = staff.do("POST", path+"/unpublish", nil)
	if res.Status != 200 || res.json(t)["published"] != false {
		t.Fatalf("unpublish: %d %s", res.Status, res.Body)
	}
	waitForCatalog(t, shared.Catalog, id, func(o *match.Opportunity, found bool) bool { return found && !o.Published })
	if res := staff.do("POST", path+"/publish", nil); res.Status != 200 || res.json(t)["published"] != true {
		t.Errorf("publish: %d %s", res.Status, res.Body)
	}
	res = staff.do("PUT", path+"/places", map[string]any{"places_left": 0})
	if res.Status != 200 || res.json(t)["places_left"] != float64(0) {
		t.Errorf("places 0: %d %s", res.Status, res.Body)
	}
	waitForCatalog(t, shared.Catalog, id, func(o *match.Opportunity, found bool) bool {
		return found && o.Published && o.PlacesLeft != nil && *o.PlacesLeft == 0
	})
	if res := staff.do("PUT", path+"/places", map[string]any{"places_left": nil}); res.Status != 200 || res.json(t)["places_left"] != nil {
		t.Errorf("places null: %d %s", res.Status, res.Body)
	}
	for _, body := range []any{map[string]any{}, map[string]any{"places_left": "mange"}, map[string]any{"places_left": 1.5}} {
		if res := staff.do("PUT", path+"/places", body); res.Status != 400 {
			t.Errorf("places %v: %d, want 400", body, res.Status)
		}
	}
	if res := staff.do("PUT", path+"/places", map[string]any{"places_left": -1}); res.Status != 422 {
		t.Errorf("places -1: %d, want 422", res.Status)
	}
	if res := staff.do("POST", "/v1/orgs/"+orgID+"/opportunities/no-such-opportunity/publish", nil); res.Status != 404 {
		t.Errorf("publish an opportunity that does not exist: %d", res.Status)
	}

	// The other organisation's staff get 404 on every one of these, and the
	// opportunity stays as it was.
	for _, call := range []struct {
		method, path string
		body         any
	}{
		{"GET", "/v1/orgs/" + orgID + "/opportunities", nil},
		{"PUT", path, dogWalk("Kapret")},
		{"POST", path + "/unpublish", nil},
		{"PUT", path + "/places", map[string]any{"places_left": 0}},
	} {
		if res := other.do(call.method, call.path, call.body); res.Status != 404 {
			t.Errorf("another organisation's staff: %s %s = %d, want 404", call.method, call.path, res.Status)
		}
	}
	// Even with its own organisation in the path, the other organisation
	// cannot reach this one's opportunity.
	otherID := tokenClaimsOrg(t, other.token)
	if res := other.do("POST", "/v1/orgs/"+otherID+"/opportunities/"+id+"/unpublish", nil); res.Status != 404 {
		t.Errorf("another organisation's staff, through their own organisation: %d, want 404", res.Status)
	}
	if o, _ := shared.Catalog.Get(id); o == nil || !o.Published || o.Title != "Hundetur lørdag" {
		t.Errorf("after the other organisation's attempts: %+v", o)
	}
}

func TestOrganisationSetsItsWebhook(t *testing.T) {
	orgID, staff := newOrganisation(t, "Krogene")
	_, other := newOrganisation(t, "Andre Kroge")
	path := "/v1/orgs/" + orgID + "/webhook"
	if res := staff.do("GET", path, nil); res.Status != 404 {
		t.Errorf("no webhook yet: %d, want 404", res.Status)
	}
	if res := staff.do("PUT", path, map[string]string{"url": "http://127.0.0.1:9/hook"}); res.Status != 422 {
		t.Errorf("a plain-http webhook in production: %d, want 422", res.Status)
	}
	for _, bad := range []map[string]string{
		{"url": "https://user:pw@example.org/hook"},
		{"url": "ftp://example.org/hook"},
		{"url": "https://example.org/hook", "secret": "short"},
	} {
		if res := staff.do("PUT", path, bad); res.Status != 422 {
			t.Errorf("webhook %v: %d, want 422", bad, res.Status)
		}
	}
	res := staff.do("PUT", path, map[string]string{"url": "https://leads.example.org/brobygger"})
	if res.Status != 200 {
		t.Fatalf("set webhook: %d %s", res.Status, res.Body)
	}
	secret := res.json(t)["secret"].(string)
	if !strings.HasPrefix(secret, "whsec_") || len(secret) < 20 {
		t.Errorf("generated secret %q", secret)
	}
	got := staff.do("GET", path, nil).json(t)
	if got["url"] != "https://leads.example.org/brobygger" || got["secret"] != "…"+secret[len(secret)-4:] {
		t.Errorf("read back %v; the secret must be masked to its last characters", got)
	}
	mine := "my-own-secret-of-some-length"
	if res := staff.do("PUT", path, map[string]string{"url": "https://leads.example.org/v2", "secret": mine}); res.json(t)["secret"] != mine {
		t.Errorf("set with own secret: %s", res.Body)
	}
	for _, call := range []struct{ method string }{{"GET"}, {"PUT"}} {
		var body any
		if call.method == "PUT" {
			body = map[string]string{"url": "https://attacker.example.org/"}
		}
		if res := other.do(call.method, path, body); res.Status != 404 {
			t.Errorf("another organisation's staff: %s webhook = %d, want 404", call.method, res.Status)
		}
	}
	if hook, err := shared.Store.Webhook(context.Background(), orgID); err != nil || hook.URL != "https://leads.example.org/v2" || hook.Secret != mine {
		t.Errorf("stored webhook %+v, %v", hook, err)
	}
	if res := staff.do("PUT", path, map[string]string{"url": ""}); res.Status != 204 {
		t.Errorf("remove webhook: %d", res.Status)
	}
	if res := staff.do("GET", path, nil); res.Status != 404 {
		t.Errorf("after removing: %d, want 404", res.Status)
	}
}

func TestAdminCreatesOrganisations(t *testing.T) {
	admin, _ := staffMember(t, api.RoleAdmin, "")
	for _, body := range []any{nil, map[string]any{}, map[string]any{"name": "  "}, map[string]any{"name": 7}} {
		if res := admin.do("POST", "/v1/admin/organisations", body); res.Status != 400 {
			t.Errorf("create organisation %v: %d, want 400", body, res.Status)
		}
	}
	a := admin.do("POST", "/v1/admin/organisations", map[string]string{"name": "Samme Navn"}).json(t)
	b := admin.do("POST", "/v1/admin/organisations", map[string]string{"name": "Samme Navn"}).json(t)
	if a["id"] == b["id"] {
		t.Error("two organisations got the same id")
	}
	stored, err := shared.Store.Organisation(context.Background(), a["id"].(string))
	if err != nil || stored.Name != "Samme Navn" {
		t.Errorf("stored %+v, %v", stored, err)
	}
	orgID, staff := newOrganisation(t, "Ny Forening")
	res := staff.do("GET", "/v1/orgs/"+orgID+"/responsiveness", nil)
	if r := res.json(t); res.Status != 200 || r["leads"] != float64(0) || r["median_first_answer_seconds"] != nil || r["window"] != float64(30) {
		t.Errorf("responsiveness of a new organisation: %d %v", res.Status, r)
	}
	if res := staff.do("GET", "/v1/orgs/"+orgID+"/leads?status=maybe", nil); res.Status != 400 {
		t.Errorf("leads?status=maybe: %d, want 400", res.Status)
	}
	if res := staff.do("GET", "/v1/orgs/"+orgID+"/leads", nil); len(res.json(t)["leads"].([]any)) != 0 {
		t.Errorf("a new organisation has leads: %s", res.Body)
	}
}

// videoHelp is an online opportunity with no sessions of its own: its way
// in is a call slot, and it has English text.
func videoHelp() map[string]any {
	return map[string]any{
		"title": "Lektiehjælp over video", "summary": "Hjælp elever med matematik over video.", "interests": []string{"homework_help"},
		"commitment": "recurring", "min_age": 15, "schedule": map[string]any{"kind": "flexible"},
		"place": map[string]any{"online": true},
		"first_step": map[string]any{"what": "Tag en kort videosnak med Jonas", "where": "Online", "contact": "Jonas (koordinator)",
			"way_in": map[string]any{"kind": "call", "notice_hours": 24,
				"weekly":  []map[string]string{{"day": "tue", "start": "16:30", "end": "17:00"}},
				"monthly": []map[string]any{{"week": -1, "day": "sat", "start": "11:00", "end": "11:30"}},
				"dates":   []map[string]string{{"start": "2027-01-14T17:00:00+01:00", "end": "2027-01-14T17:30:00+01:00"}}}},
		"en": map[string]string{"title": "Homework help over video", "summary": "Help pupils with maths over video.",
			"first_step_what": "Have a short video chat with Jonas", "first_step_where": "Online"},
	}
}

// TestOrganisationWritesWaysInAndEnglish: the way in and the English text
// go in and come back out, and the catalog's rules on them hold.
func TestOrganisationWritesWaysInAndEnglish(t *testing.T) {
	orgID, staff := newOrganisation(t, "Lektier på Skærm")
	id := "opp-" + strings.TrimPrefix(orgID, "org-") + "-video"
	path := "/v1/orgs/" + orgID + "/opportunities/" + id

	res := staff.do("PUT", path, videoHelp())
	if res.Status != 201 {
		t.Fatalf("create: %d %s", res.Status, res.Body)
	}
	var got struct {
		FirstStep struct {
			WayIn struct {
				Kind    string
				Weekly  []map[string]string
				Monthly []struct {
					Week int
					Day  string
				}
				Dates []struct {
					Start time.Time
				}
				NoticeHours int `json:"notice_hours"`
			} `json:"way_in"`
		} `json:"first_step"`
		En map[string]string
	}
	if err := json.Unmarshal(res.Body, &got); err != nil {
		t.Fatal(err)
	}
	w := got.FirstStep.WayIn
	if w.Kind != "call" || w.NoticeHours != 24 || len(w.Weekly) != 1 || w.Weekly[0]["day"] != "tue" ||
		len(w.Monthly) != 1 || w.Monthly[0].Week != -1 || len(w.Dates) != 1 || !w.Dates[0].Start.Equal(time.Date(2027, 1, 14, 16, 0, 0, 0, time.UTC)) {
		t.Errorf("way in = %+v", w)
	}
	if got.En["title"] != "Homework help over video" || got.En["first_step_what"] != "Have a short video chat with Jonas" {
		t.Errorf("en = %v", got.En)
	}
	waitForCatalog(t, shared.Catalog, id, func(o *match.Opportunity, found bool) bool {
		return found && o.FirstStep.WayIn.Kind == match.WayInCall && o.En != nil && o.En.Title == "Homework help over video"
	})

	// The list shows them too; an opportunity without either leaves them out.
	plain := "opp-" + strings.TrimPrefix(orgID, "org-") + "-hunde"
	if res := staff.do("PUT", "/v1/orgs/"+orgID+"/opportunities/"+plain, dogWalk("Hundetur")); res.Status != 201 {
		t.Fatalf("create the plain one: %d %s", res.Status, res.Body)
	}
	var listed struct{ Opportunities []map[string]any }
	if err := json.Unmarshal(staff.do("GET", "/v1/orgs/"+orgID+"/opportunities", nil).Body, &listed); err != nil || len(listed.Opportunities) != 2 {
		t.Fatalf("listed %+v, %v", listed, err)
	}
	for _, o := range listed.Opportunities {
		_, hasWayIn := o["first_step"].(map[string]any)["way_in"]
		_, hasEn := o["en"]
		if want := o["id"] == id; hasWayIn != want || hasEn != want {
			t.Errorf("%s: way_in shown %v, en shown %v, want %v", o["id"], hasWayIn, hasEn, want)
		}
	}

	// Empty English text is no English text.
	noEnglish := videoHelp()
	noEnglish["en"] = map[string]string{"title": " "}
	if res := staff.do("PUT", path, noEnglish); res.Status != 200 {
		t.Errorf("blank en: %d %s", res.Status, res.Body)
	} else if _, has := res.json(t)["en"]; has {
		t.Errorf("blank en came back: %s", res.Body)
	}

	for name, tc := range map[string]struct {
		change func(map[string]any)
		want   []string
	}{
		"flexible without a way in": {func(o map[string]any) {
			delete(o["first_step"].(map[string]any), "way_in")
		}, []string{"first_step.way_in: a flexible schedule needs a dated way in"}},
		"text that contradicts the time": {func(o map[string]any) {
			o["first_step"].(map[string]any)["what"] = "Kom til en introaften"
		}, []string{`first_step.what: says \"introaften\" but the way in is at 16:30`}},
		"English that contradicts the time": {func(o map[string]any) {
			o["en"].(map[string]string)["first_step_what"] = "Join us on a Monday"
		}, []string{`en.first_step_what: says \"monday\"`}},
		"sms without a number": {func(o map[string]any) {
			o["first_step"].(map[string]any)["contact"] = "Send en sms til Jonas"
		}, []string{`first_step.contact: says \"sms\"`}},
		"an unknown kind and a week of the month that does not exist": {func(o map[string]any) {
			w := o["first_step"].(map[string]any)["way_in"].(map[string]any)
			w["kind"] = "meeting"
			w["monthly"] = []map[string]any{{"week": 5, "day": "sat", "start": "11:00", "end": "11:30"}}
		}, []string{`first_step.way_in.kind: \"meeting\" is not one of`, "first_step.way_in.monthly[0].week: is 5"}},
	} {
		o := videoHelp()
		tc.change(o)
		res := staff.do("PUT", path, o)
		if res.Status != 422 {
			t.Errorf("%s: %d %s", name, res.Status, res.Body)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(string(res.Body), w) {
				t.Errorf("%s: %s lacks %s", name, res.Body, w)
			}
		}
	}
}
