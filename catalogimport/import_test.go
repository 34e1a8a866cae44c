package catalogimport_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/catalogimport"
	"github.com/brobygger/brobygger/match"
	"github.com/brobygger/brobygger/store"
	"github.com/brobygger/brobygger/store/storetest"
)

func openStore(t testing.TB) *store.Store { return storetest.Open(t, "import") }

// A Danish Excel export: semicolons, a byte order mark, Danish day names,
// yes/no in Danish, and one bad row of each kind.
const spreadsheet = "\ufeff" + `id;title;summary;interests;commitment;weekly;dates;min_age;group_size;child_certificate;places_left;postcode;municipality;first_step_what;first_step_where;first_step_contact;active_to;published
hundeluftning;Luft hunde lørdag;Gå tur med internatets hunde.;animals|nature;recurring;lørdag 10:00-12:00;;15;2;nej;3;8000;;Kom til en prøvetur;Internatet, Vestergade 1;Spørg efter Sara;2027-06-30;
;Loppemarked i juni;Hjælp til vores loppemarked.;charity_shop,events_festivals;one_off;;2027-06-05 9:00-15:00;13;4;;;8000;Aarhus;Mød op kl. 9;Pladsen ved kirken;Spørg efter Ali;;ja
lektier;Lektiehjælp;Hjælp børn med lektier.;homework_help;recurring;tue 16:00-18:00;;14;1;ja;;8000;;Kom forbi;Biblioteket;Spørg efter Mette;;
forkert-by;Bænkesnak;Snak med ældre.;elderly;recurring;fri 14:00-15:00;;15;1;;;8000;København;Kom forbi;Bænken;Spørg efter Ole;;
ukendt;Noget;Noget andet.;knitting;sometimes;;;12;0;;-1;9999;;;;;;
hundeluftning;Dobbelt;Samme id igen.;animals;one_off;;;15;1;;;8000;;Kom;Her;Ole;;
`

func reasons(r catalogimport.Row) string { return strings.Join(r.Errors, "; ") }

func TestImportCSVDryRunThenForRealThenAgain(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	t0 := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	org, err := s.CreateOrganisation(ctx, "Dyreværnet Aarhus", t0)
	if err != nil {
		t.Fatal(err)
	}
	who := catalogimport.Organisation{ID: org.ID, Name: org.Name}
	prefix := "opp-" + strings.TrimPrefix(org.ID, "org-") + "-"
	run := func(dry bool, at time.Time) catalogimport.Report {
		t.Helper()
		drafts, err := catalogimport.Read("csv", strings.NewReader(spreadsheet))
		if err != nil {
			t.Fatal(err)
		}
		rep, err := catalogimport.Import(ctx, s, who, drafts, dry, at)
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}

	dry := run(true, t0)
	if !dry.DryRun || dry.Created != 2 || dry.Rejected != 4 || len(dry.Rows) != 6 {
		t.Fatalf("dry run = %+v", dry)
	}
	if stored, _ := s.OpportunitiesOf(ctx, org.ID); len(stored) != 0 {
		t.Fatalf("dry run stored %d opportunities", len(stored))
	}
	want := []struct {
		row    int
		id     string
		action string
		reason []string
	}{
		{2, prefix + "hundeluftning", "create", nil},
		{3, prefix + "loppemarked-i-juni", "create", nil},
		{4, prefix + "lektier", "reject", []string{"min_age: is 14, but tasks that need a child certificate"}},
		{5, prefix + "forkert-by", "reject", []string{"municipality: postcode 8000 Aarhus C lies in Aarhus, not København"}},
		{6, prefix + "ukendt", "reject", []string{
			`interests[0]: unknown interest id "knitting"`, `commitment: "sometimes" is not one of`,
			"min_age: is 12", "group_size: is 0", "places_left: is negative", `postcode: "9999" is not a Danish postcode`,
			"first_step.what: is empty"}},
		{7, prefix + "hundeluftning", "reject", []string{"id: row 2 has the same id"}},
	}
	for i, w := range want {
		got := dry.Rows[i]
		if got.Row != w.row || got.ID != w.id || got.Action != w.action {
			t.Errorf("row %d = %+v, want %d %s %s", i, got, w.row, w.id, w.action)
		}
		for _, r := range w.reason {
			if !strings.Contains(reasons(got), r) {
				t.Errorf("row %d: reasons %q lack %q", w.row, reasons(got), r)
			}
		}
	}

	t1 := t0.Add(time.Hour)
	real := run(false, t1)
	if real.Created != 2 || real.Rejected != 4 {
		t.Fatalf("import = %+v", real)
	}
	dogs, err := s.Opportunity(ctx, prefix+"hundeluftning")
	if err != nil {
		t.Fatal(err)
	}
	if dogs.Place.Municipality != "Aarhus" || dogs.Place.Lat == 0 || dogs.Organisation != org.Name || !dogs.Published ||
		dogs.Schedule.Kind != match.ScheduleWeekly || dogs.Schedule.Weekly[0] != (match.WeeklySession{Day: "sat", Start: "10:00", End: "12:00"}) ||
		dogs.PlacesLeft == nil || *dogs.PlacesLeft != 3 || !slices.Equal(dogs.Interests, []string{"animals", "nature"}) {
		t.Fatalf("stored opportunity = %+v", dogs)
	}
	if got := dogs.ActiveTo.In(time.FixedZone("CEST", 2*3600)).Format(time.DateTime); got != "2027-06-30 23:59:59" {
		t.Errorf("active_to = %s, want the whole of 30 June, Danish time", got)
	}
	flea, _ := s.Opportunity(ctx, prefix+"loppemarked-i-juni")
	if e := flea.Schedule.Events; len(e) != 1 || !e[0].Start.Equal(time.Date(2027, 6, 5, 7, 0, 0, 0, time.UTC)) {
		t.Errorf("dated event = %+v, want 9:00 Danish summer time", e)
	}
	if synced, _ := s.Opportunities(ctx, t0); len(synced) != 2 {
		t.Fatalf("catalog sync sees %d new opportunities, want 2", len(synced))
	}

	// The same file again: nothing changes, and nothing wakes the sync.
	again := run(false, t1.Add(time.Hour))
	if again.Unchanged != 2 || again.Created+again.Updated != 0 || again.Rejected != 4 {
		t.Fatalf("re-import = %+v", again)
	}
	if synced, _ := s.Opportunities(ctx, t1.Add(time.Minute)); len(synced) != 0 {
		t.Fatalf("re-import touched %d opportunities", len(synced))
	}

	// Staff hide both. The row that leaves published empty keeps its
	// opportunity hidden; the row that says "ja" publishes it again.
	for _, id := range []string{"hundeluftning", "loppemarked-i-juni"} {
		if _, err := s.SetPublished(ctx, org.ID, prefix+id, false, t1); err != nil {
			t.Fatal(err)
		}
	}
	if rep := run(true, t1); rep.Rows[0].Action != "unchanged" || rep.Rows[1].Action != "update" {
		t.Fatalf("after unpublishing: %+v", rep.Rows[:2])
	}
}

func TestImportJSON(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	t0 := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	org, _ := s.CreateOrganisation(ctx, "Naboerne", t0)
	other, _ := s.CreateOrganisation(ctx, "Andre", t0)
	who := catalogimport.Organisation{ID: org.ID, Name: org.Name}
	file := `[
 {"id": "besoeg", "title": "Besøgsven", "summary": "Drik kaffe med en ældre nabo.", "interests": ["elderly", "loneliness"],
  "place": {"postcode": "2200"}, "schedule": {"kind": "weekly", "weekly": [{"day": "wed", "start": "15:00", "end": "16:30"}]},
  "commitment": "recurring", "min_age": 15,
  "first_step": {"what": "Mød os til en kop kaffe", "where": "Nørrebrogade 10", "contact": "Spørg efter Lise"}},
 {"title": "Online lektier", "summary": "Hjælp over video.", "interests": ["homework_help"], "place": {"online": true},
  "commitment": "one_off", "min_age": 16, "published": false,
  "first_step": {"what": "Book en samtale", "where": "Online", "contact": "Skriv til Jonas"}},
 {"title": "Forkert", "summary": "x", "interests": ["elderly"], "colour": "blå"},
 {"title": "Lånt", "summary": "x", "interests": ["elderly"], "organisation_id": "` + other.ID + `"},
 {"title": 7}
]`
	drafts, err := catalogimport.Read("json", strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := catalogimport.Import(ctx, s, who, drafts, false, t0)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Created != 2 || rep.Rejected != 3 {
		t.Fatalf("report = %+v", rep)
	}
	for i, want := range []string{"", "", `unknown field "colour"`, "is not your organisation", "cannot unmarshal number"} {
		if !strings.Contains(reasons(rep.Rows[i]), want) {
			t.Errorf("row %d: %q lacks %q", i+1, reasons(rep.Rows[i]), want)
		}
	}
	online, err := s.Opportunity(ctx, "opp-"+strings.TrimPrefix(org.ID, "org-")+"-online-lektier")
	if err != nil || online.Published || online.Schedule.Kind != match.ScheduleFlexible || online.GroupSize != 1 {
		t.Fatalf("online opportunity = %+v, %v", online, err)
	}
	drafts, _ = catalogimport.Read("json", strings.NewReader(file))
	if again, _ := catalogimport.Import(ctx, s, who, drafts, false, t0.Add(time.Hour)); again.Unchanged != 2 {
		t.Fatalf("re-import = %+v", again)
	}
}

func TestImportRefusesBrokenFilesAndOthersIDs(t *testing.T) {
	for name, csv := range map[string]string{
		"unknown column": "title,summary,interests,commitment,min_age,first_step_what,first_step_where,first_step_contact,colour\n",
		"missing column": "title,summary\n",
		"empty":          "",
	} {
		if _, err := catalogimport.ReadCSV(strings.NewReader(csv)); err == nil {
			t.Errorf("%s: read without error", name)
		}
	}
	if _, err := catalogimport.ReadJSON(strings.NewReader(`{"title": "not an array"}`)); err == nil {
		t.Error("a JSON object read as a file of opportunities")
	}

	s := openStore(t)
	ctx := context.Background()
	t0 := time.Now().UTC()
	a, _ := s.CreateOrganisation(ctx, "A", t0)
	b, _ := s.CreateOrganisation(ctx, "B", t0)
	// B's id happens to be what A's row would get.
	taken := match.Opportunity{ID: "opp-" + strings.TrimPrefix(a.ID, "org-") + "-x", OrganisationID: b.ID}
	if err := s.UpsertOpportunity(ctx, taken, t0); err != nil {
		t.Fatal(err)
	}
	drafts, err := catalogimport.ReadCSV(strings.NewReader("id,title,summary,interests,commitment,min_age,online,first_step_what,first_step_where,first_step_contact\n" +
		"x,Titel,Resume,sports,one_off,15,ja,Kom,Online,Spørg efter Bo\n"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := catalogimport.Import(ctx, s, catalogimport.Organisation{ID: a.ID, Name: "A"}, drafts, false, t0)
	if err != nil || rep.Rejected != 1 || !strings.Contains(reasons(rep.Rows[0]), "another organisation") {
		t.Fatalf("report = %+v, %v", rep, err)
	}
}
